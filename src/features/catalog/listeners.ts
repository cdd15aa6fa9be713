import { z } from 'zod';
import type { Translator } from '../../i18n';
import { rowId } from '../../lib/input';
import { action, type Click, type Feature, view } from '../../slack/kit';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { renderCatalog, renderCatalogModal, renderServiceModal } from './blocks';
import { CATALOG_IDS } from './ids';
import { translatorOf } from './language';
import { catalogText } from './messages';
import {
  addService,
  editService,
  getService,
  listServices,
  serviceFormSchemaFor,
  setServiceRetired,
} from './service';

/**
 * `/pmo catalog` (leads): the services, with Add, Edit, Retire and Restore. The same list opens
 * in a modal from a lead's Home tab: there the form is pushed over the list and the list is
 * redrawn in place (a modal has no response_url).
 */

// Told by the kit, in the clicker's language, to someone outside the audience.
const LEADS_ONLY = (tr: Translator) => tr.t(catalogText, 'leadsOnly');

async function redrawList(click: Click<unknown>): Promise<void> {
  const { deps, client } = click;
  const [services, tr] = await Promise.all([
    listServices(deps.db, { includeRetired: true }),
    translatorOf(deps, client, click.userId),
  ]);
  if (click.place.kind === 'modal') {
    await client.views.update({
      view_id: click.place.viewId,
      view: renderCatalogModal(services, tr),
    });
  } else if (click.respond) {
    await click.respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...renderCatalog(services, tr),
    });
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
        return click.tell(
          (await translatorOf(click.deps, click.client, click.userId)).t(catalogText, 'gone'),
        );
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
      run: async (click) =>
        click.openModal(renderServiceModal(await translatorOf(click.deps, click.client, click.userId))),
    }),
    action({
      id: CATALOG_IDS.edit,
      audience: 'leads',
      refusal: LEADS_ONLY,
      value: rowId,
      run: async (click) => {
        const [service, tr] = await Promise.all([
          getService(click.deps.db, click.value),
          translatorOf(click.deps, click.client, click.userId),
        ]);
        if (!service) return click.tell(tr.t(catalogText, 'gone'));
        await click.openModal(renderServiceModal(tr, service));
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
      // The field errors in the lead's language (no Slack client here: their cached profile).
      schema: async ({ deps, userId }) => serviceFormSchemaFor(await translatorOf(deps, undefined, userId)),
      submit: async (s) => {
        const { serviceId } = s.metadata;
        if (serviceId) {
          if (!(await editService(s.deps.db, serviceId, s.values))) {
            const tr = await translatorOf(s.deps, s.client, s.userId);
            return { errors: { [CATALOG_IDS.name]: tr.t(catalogText, 'gone') } };
          }
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
