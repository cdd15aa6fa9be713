import type { ViewOutput } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger';
import { type Block, context, plain } from './blocks';

/**
 * Redraws blocks of an open modal in place, from the view a click inside it came with: the
 * title, buttons and metadata stay as Slack holds them, and so does what was typed (inputs keep
 * their values across views.update when their block ids stay). The view's hash makes a redraw
 * computed from an older state lose instead of overwrite: a newer click redraws it anyway, so a
 * hash conflict is expected; any other failure is logged, not thrown — the modal still works.
 */
export async function redrawModalBlocks(
  deps: { logger: Logger },
  client: WebClient,
  open: Pick<
    ViewOutput,
    'id' | 'hash' | 'callback_id' | 'title' | 'submit' | 'close' | 'private_metadata' | 'blocks'
  >,
  /** A block's replacement: itself, another, several (blocks added after it) or none. */
  redraw: (block: Block) => Block | Block[],
): Promise<boolean> {
  const view: ModalView = {
    type: 'modal',
    callback_id: open.callback_id,
    title: open.title,
    ...(open.submit ? { submit: open.submit } : {}),
    ...(open.close ? { close: open.close } : {}),
    ...(open.private_metadata ? { private_metadata: open.private_metadata } : {}),
    blocks: (open.blocks as Block[]).flatMap(redraw) as ModalView['blocks'],
  };
  try {
    await client.views.update({ view_id: open.id, hash: open.hash, view });
    return true;
  } catch (err) {
    if ((err as { data?: { error?: string } }).data?.error !== 'hash_conflict')
      deps.logger.warn({ err, callbackId: open.callback_id }, 'could not redraw a modal in place');
    return false;
  }
}

/** Where a lead's admin list (the catalogue, the team) opens when asked for from Home. */
export const ADMIN_MODAL_ID = 'home_admin_modal';

/** A lead's admin list (what `/pmo catalog` or `/pmo team` posts) in a modal. */
export function renderAdminModal(title: string, body: { blocks: Block[] }, notice?: string): ModalView {
  return {
    type: 'modal',
    callback_id: ADMIN_MODAL_ID,
    title: plain(title, 24),
    close: plain('Close', 24),
    private_metadata: title,
    blocks: [...(notice ? [context(notice)] : []), ...body.blocks].slice(0, 100),
  };
}
