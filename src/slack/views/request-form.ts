import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { localDate } from '../../services/calendar';
import { listServices } from '../../services/catalog';
import { type FieldErrors, parseRequestForm, type RequestForm } from '../../services/request-form';
import { submitRequest } from '../../services/requests';
import { refreshHome } from '../home-publisher';
import { REQUEST_IDS } from '../ids';
import { inputValue, parseViewState } from '../view-state';

const BLOCK_OF: Record<keyof RequestForm, string> = {
  serviceId: REQUEST_IDS.service,
  project: REQUEST_IDS.project,
  need: REQUEST_IDS.need,
  value: REQUEST_IDS.value,
  neededBy: REQUEST_IDS.neededBy,
  impact: REQUEST_IDS.impact,
  link: REQUEST_IDS.link,
};

export function toBlockErrors<K extends string>(errors: FieldErrors<K>, blockOf: Record<K, string>) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors) as [K, string | undefined][]) if (v) out[blockOf[k]] = v;
  return out;
}

/**
 * The request form's submission. Checked first (field errors keep the modal open), then
 * stored before the ack — it is one short transaction — so a closed modal always means a
 * stored request. The view id is the submission key: a double submit makes one request.
 */
export function registerRequestFormView(app: App, deps: Deps): void {
  app.view(REQUEST_IDS.modal, async ({ ack, body, view, client }) => {
    const state = parseViewState(view.state.values);
    const active = (await listServices(deps.db)).map((s) => s.id);
    const parsed = parseRequestForm(
      {
        serviceId: inputValue(state, REQUEST_IDS.service),
        project: inputValue(state, REQUEST_IDS.project),
        need: inputValue(state, REQUEST_IDS.need),
        value: inputValue(state, REQUEST_IDS.value),
        neededBy: inputValue(state, REQUEST_IDS.neededBy),
        impact: inputValue(state, REQUEST_IDS.impact),
        link: inputValue(state, REQUEST_IDS.link),
      },
      localDate(deps.clock.now(), deps.config.pmo.timezone),
      active,
    );
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: toBlockErrors(parsed.errors, BLOCK_OF) });
      return;
    }
    await submitRequest(deps, client, {
      submissionKey: view.id,
      requesterId: body.user.id,
      form: parsed.value,
    });
    await ack();
    await refreshHome(deps, client, body.user.id);
  });
}
