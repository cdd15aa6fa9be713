import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { listServices } from '../services/catalog';
import { todayIn } from '../services/request-form';
import { renderRequestModal } from '../views/request-forms';

/** The request form, as `/pmo request` and Home's *New request* open it (within the trigger's 3 s). */
export async function openRequestForm(
  deps: Deps,
  client: WebClient,
  triggerId: string,
  prefill = '',
): Promise<void> {
  const services = await listServices(deps.db);
  const today = todayIn(deps.config.pmo.timezone, deps.clock.now());
  await client.views.open({ trigger_id: triggerId, view: renderRequestModal(services, prefill, today) });
}
