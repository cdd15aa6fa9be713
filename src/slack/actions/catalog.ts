import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Deps } from '../../deps';
import { getService, listServices, setServiceRetired } from '../../services/catalog';
import { isLead } from '../../services/people';
import { renderCatalog, renderServiceModal } from '../../views/catalog';
import { ADMIN_TITLES, renderAdminModal } from '../../views/home';
import { CATALOG_IDS } from '../ids';
import { inModal, openOrPush } from './in-modal';
import { requestIdOf, tellClicker } from './respond';

const LEADS_ONLY = 'Only PMO leads manage the catalogue.';

/**
 * Buttons of the `/pmo catalog` list. Leads only, re-checked on every click. The same list
 * opens in a modal from a lead's Home tab: there the form is pushed over the list and the
 * list is redrawn in place (a modal has no response_url).
 */
export function registerCatalogActions(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(CATALOG_IDS.add, async ({ ack, body, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    await openOrPush(client, body, renderServiceModal());
  });

  app.action<BlockAction<ButtonAction>>(CATALOG_IDS.edit, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
    const id = requestIdOf(action.value);
    const service = id === undefined ? undefined : await getService(deps.db, id);
    if (!service) return tellClicker(respond, 'That service no longer exists.');
    await openOrPush(client, body, renderServiceModal(service));
  });

  for (const [actionId, retired] of [
    [CATALOG_IDS.retire, true],
    [CATALOG_IDS.restore, false],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      if (!isLead(deps.config, body.user.id)) return tellClicker(respond, LEADS_ONLY);
      const id = requestIdOf(action.value);
      if (id === undefined) return;
      await setServiceRetired(deps.db, id, retired, deps.clock.now());
      const services = await listServices(deps.db, { includeRetired: true });
      const modal = inModal(body);
      if (modal) {
        await client.views.update({
          view_id: modal,
          view: renderAdminModal(ADMIN_TITLES.catalog, renderCatalog(services)),
        });
        return;
      }
      await respond({ response_type: 'ephemeral', replace_original: true, ...renderCatalog(services) });
    });
  }
}
