import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import { activeServices } from '../catalog';
import { type RequestFormOptions, type RequestPrefill, renderRequestModal } from './blocks/modals';

/**
 * The request form, as `/pmo request`, Home's *New request*, the shortcuts and a reaction's offer
 * open it (within the trigger's 3 s). Returns the opened view's id: the submission key, under
 * which a shortcut keeps the message the form came from.
 */
export async function openRequestForm(
  deps: Deps,
  client: WebClient,
  triggerId: string,
  prefill: string | RequestPrefill = '',
  opts: RequestFormOptions = {},
  /** The language of the person opening it (English until a caller says). */
  tr: Translator = translatorFor('en'),
): Promise<string | undefined> {
  const services = await activeServices(deps.db);
  const opened = await client.views.open({
    trigger_id: triggerId,
    view: renderRequestModal(tr, services, prefill, opts),
  });
  return opened.view?.id;
}
