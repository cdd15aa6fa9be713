import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { addService, editService } from '../../services/catalog';
import { isLead } from '../../services/people';
import { CATALOG_IDS } from '../ids';
import { inputValue, parseMetadata, parseViewState } from '../view-state';

const form = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Please give the service a name.')
    .max(75, 'Please keep the name under 75 characters.'),
  description: z
    .string()
    .trim()
    .min(1, 'Please describe the service in one line.')
    .max(300, 'Please keep it under 300 characters.'),
});

/** Add or edit a service (leads only). */
export function registerCatalogViews(app: App, deps: Deps): void {
  app.view(CATALOG_IDS.modal, async ({ ack, body, view }) => {
    if (!isLead(deps.config, body.user.id)) {
      return void (await ack({
        response_action: 'errors',
        errors: { [CATALOG_IDS.name]: 'Only PMO leads manage the catalogue.' },
      }));
    }
    const meta = parseMetadata(
      z.object({ serviceId: z.number().int().positive().nullable() }),
      view.private_metadata,
    );
    const state = parseViewState(view.state.values);
    const parsed = form.safeParse({
      name: inputValue(state, CATALOG_IDS.name) ?? '',
      description: inputValue(state, CATALOG_IDS.description) ?? '',
    });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const block = issue.path[0] === 'name' ? CATALOG_IDS.name : CATALOG_IDS.description;
        errors[block] ??= issue.message;
      }
      return void (await ack({ response_action: 'errors', errors }));
    }
    if (meta?.serviceId) await editService(deps.db, meta.serviceId, parsed.data);
    else await addService(deps.db, parsed.data);
    await ack();
  });
}
