import type { BlockAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';

/**
 * Lists that are usually private messages (/pmo catalog, /pmo team) also open in a modal from
 * Home. A button in a modal must push its form over the modal (views.open would replace the
 * list) and redraw the list with views.update (a modal has no response_url).
 */

/** The id of the modal the click was made in, or undefined for a message or Home. */
export function inModal(body: BlockAction): string | undefined {
  return body.container?.type === 'view' && body.view?.type === 'modal' ? body.view.id : undefined;
}

export async function openOrPush(client: WebClient, body: BlockAction, view: ModalView): Promise<void> {
  if (inModal(body)) await client.views.push({ trigger_id: body.trigger_id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}
