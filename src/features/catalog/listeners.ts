import { z } from 'zod';
import { rowId } from '../../lib/input';
import { action, type Click, type Feature, view } from '../../slack/kit';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { renderCatalog, renderCatalogModal, renderServiceModal } from './blocks';
import { CATALOG_IDS } from './ids';
import {
  addService,
  editService,
  getService,
  listServices,
  serviceFormSchema,
  setServiceRetired,
} from './service';

/**
 * `/pmo catalog` (leads): the services, with Add, Edit, Retire and Restore. The same list opens
 * in a modal from a lead's Home tab: there the form is pushed over the list and the list is
 * redrawn in place (a modal has no response_url).
 */

const LEADS_ONLY = 'Only PMO leads manage the catalogue.';

async function redrawList(click: Click<unknown>): Promise<void> {
  const { deps, client } = click;
  const services = await listServices(deps.db, { includeRetired: true });
  if (click.place.kind === 'modal') {
    await client.views.update({
      view_id: click.place.viewId,
      view: renderCatalogModal(services),
    });
  } else if (click.respond) {
    await click.respond({ response_type: 'ephemeral', replace_original: true, ...renderCatalog(services) });
  }
}

const retireOrRestore = (id: RegExp, retired: boolean) =>
  action({
    id,
    audience: 'leads',
    refusal: LEADS_ONLY,
    value: rowId,
    run: async (click) => {
      if (!(await setServiceRetired(click.deps.db, click.value, retired, click.deps.clock.now())))
        return click.tell('That service no longer exists.');
      await recordAudit(click.deps.db, {
        actor: click.userId,
        action: retired ? AUDIT_ACTIONS.catalogRetire : AUDIT_ACTIONS.catalogRestore,
        subject: `service ${click.value}`,
        at: click.deps.clock.now(),
      });
      await redrawList(click);
    },
  });

export const catalogFeature: Feature = {
  name: 'catalog',
  actions: [
    action({
      id: CATALOG_IDS.add,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: z.unknown(),
      run: (click) => click.openModal(renderServiceModal()),
    }),
    action({
      id: CATALOG_IDS.edit,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: rowId,
      run: async (click) => {
        const service = await getService(click.deps.db, click.value);
        if (!service) return click.tell('That service no longer exists.');
        await click.openModal(renderServiceModal(service));
      },
    }),
    retireOrRestore(CATALOG_IDS.retire, true),
    retireOrRestore(CATALOG_IDS.restore, false),
  ],
  views: [
    view({
      callbackId: CATALOG_IDS.modal,
      audience: 'leads',
      refusal: LEADS_ONLY,
      metadata: z.object({ serviceId: rowId.nullable() }),
      fields: {
        name: CATALOG_IDS.name,
        description: CATALOG_IDS.description,
        firstResponseDays: CATALOG_IDS.firstResponseDays,
        deliveryDays: CATALOG_IDS.deliveryDays,
      },
      schema: () => serviceFormSchema,
      submit: async (s) => {
        const { serviceId } = s.metadata;
        if (serviceId) {
          if (!(await editService(s.deps.db, serviceId, s.values)))
            return { errors: { [CATALOG_IDS.name]: 'That service no longer exists.' } };
        } else await addService(s.deps.db, s.values);
        await recordAudit(s.deps.db, {
          actor: s.userId,
          action: serviceId ? AUDIT_ACTIONS.catalogEdit : AUDIT_ACTIONS.catalogAdd,
          subject: `service ${s.values.name}`.slice(0, 200),
          at: s.deps.clock.now(),
        });
        return undefined;
      },
    }),
  ],
};
