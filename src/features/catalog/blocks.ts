import type { ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import { actions, type Block, button, plain, safe, section } from '../../slack/kit/blocks';
import { renderAdminModal } from '../../slack/kit/modals';
import { DEFAULT_TARGETS } from '../calendar';
import { CATALOG_IDS } from './ids';
import { catalogText } from './messages';
import type { CatalogService } from './service';

/** `/pmo catalog`: the services, with Edit and Retire/Restore, and an Add button. */
export function renderCatalog(services: CatalogService[], tr: Translator = translatorFor('en')) {
  const t = tr.of(catalogText);
  const blocks: Block[] = [section(t('intro'))];
  for (const s of services.slice(0, 23)) {
    const id = String(s.id);
    const name = safe(s.name, 100);
    blocks.push(
      section(
        `${s.retired ? t('retiredName', { name }) : t('activeName', { name })}\n${safe(s.description, 300)}\n_${targetsLine(tr, s)}_`,
      ),
      actions(`catalog_actions_${id}`, [
        button(t('edit'), `${CATALOG_IDS.editPrefix}${id}`, id),
        s.retired
          ? button(t('restore'), `${CATALOG_IDS.restorePrefix}${id}`, id)
          : button(t('retire'), `${CATALOG_IDS.retirePrefix}${id}`, id, 'danger'),
      ]),
    );
  }
  blocks.push(actions('catalog_footer', [button(t('add'), CATALOG_IDS.add, 'add', 'primary')]));
  return { text: t('listText', { count: services.length }), blocks };
}

/** "First response 1 working day (default) · delivery 10 working days (default)". */
function targetsLine(tr: Translator, s: CatalogService): string {
  return tr.t(catalogText, 'targets', {
    firstDays: s.firstResponseDays ?? DEFAULT_TARGETS.firstResponseDays,
    firstDefault: s.firstResponseDays == null ? 'yes' : 'no',
    deliveryDays: s.deliveryDays ?? DEFAULT_TARGETS.deliveryDays,
    deliveryDefault: s.deliveryDays == null ? 'yes' : 'no',
  });
}

const targetInput = (
  blockId: string,
  label: string,
  hint: string,
  max: number,
  initial: number | null | undefined,
) => ({
  type: 'input' as const,
  block_id: blockId,
  optional: true,
  label: plain(label),
  hint: plain(hint),
  element: {
    type: 'number_input' as const,
    action_id: blockId,
    is_decimal_allowed: false,
    min_value: '1',
    max_value: String(max),
    ...(initial ? { initial_value: String(initial) } : {}),
  },
});

export function renderServiceModal(tr: Translator, service?: CatalogService): ModalView {
  const t = tr.of(catalogText);
  return {
    type: 'modal',
    callback_id: CATALOG_IDS.modal,
    title: plain(service ? t('editTitle') : t('addTitle'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    private_metadata: JSON.stringify({ serviceId: service?.id ?? null }),
    blocks: [
      {
        type: 'input',
        block_id: CATALOG_IDS.name,
        label: plain(t('name')),
        element: {
          type: 'plain_text_input',
          action_id: CATALOG_IDS.name,
          max_length: 75,
          ...(service ? { initial_value: service.name.slice(0, 75) } : {}),
        },
      },
      {
        type: 'input',
        block_id: CATALOG_IDS.description,
        label: plain(t('description')),
        hint: plain(t('descriptionHint')),
        element: {
          type: 'plain_text_input',
          action_id: CATALOG_IDS.description,
          max_length: 300,
          ...(service ? { initial_value: service.description.slice(0, 300) } : {}),
        },
      },
      targetInput(
        CATALOG_IDS.firstResponseDays,
        t('firstResponse'),
        t('firstResponseHint', { days: tr.number(DEFAULT_TARGETS.firstResponseDays) }),
        60,
        service?.firstResponseDays,
      ),
      targetInput(
        CATALOG_IDS.deliveryDays,
        t('delivery'),
        t('deliveryHint', { days: tr.number(DEFAULT_TARGETS.deliveryDays) }),
        250,
        service?.deliveryDays,
      ),
    ],
  };
}

/** The same list in a modal, as a lead opens it from Home (and sees it redrawn there). */
export function renderCatalogModal(
  services: CatalogService[],
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(catalogText);
  return { ...renderAdminModal(t('listTitle'), renderCatalog(services, tr)), close: plain(t('close'), 24) };
}
