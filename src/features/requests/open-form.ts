import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { activeServices } from '../catalog/service';
import { renderRequestModal } from './blocks/modals';

/** The request form, as `/pmo request` and Home's *New request* open it (within the trigger's 3 s). */
export async function openRequestForm(
  deps: Deps,
  client: WebClient,
  triggerId: string,
  prefill = '',
): Promise<void> {
  const services = await activeServices(deps.db);
  const today = localDate(deps.clock.now(), deps.config.pmo.timezone);
  await client.views.open({ trigger_id: triggerId, view: renderRequestModal(services, prefill, today) });
}
