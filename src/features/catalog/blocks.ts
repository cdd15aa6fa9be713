import type { ModalView } from '@slack/types';
import { actions, type Block, button, plain, safe, section } from '../../slack/kit/blocks';
import { renderAdminModal } from '../../slack/kit/modals';
import { DEFAULT_TARGETS } from '../calendar';
import { CATALOG_IDS } from './ids';
import type { CatalogService } from './service';

/** `/pmo catalog`: the services, with Edit and Retire/Restore, and an Add button. */
export function renderCatalog(services: CatalogService[]) {
  const blocks: Block[] = [
    section(
      '*Service catalogue* — what people can ask the PMO for. Retired services leave the form but keep their history.',
    ),
  ];
  for (const s of services.slice(0, 23)) {
    const id = String(s.id);
    blocks.push(
      section(
        `${s.retired ? ':zzz: ~' : '*'}${safe(s.name, 100)}${s.retired ? '~ (retired)' : '*'}\n${safe(s.description, 300)}\n_${targetsLine(s)}_`,
      ),
      actions(`catalog_actions_${id}`, [
        button('Edit', `${CATALOG_IDS.editPrefix}${id}`, id),
        s.retired
          ? button('Restore', `${CATALOG_IDS.restorePrefix}${id}`, id)
          : button('Retire', `${CATALOG_IDS.retirePrefix}${id}`, id, 'danger'),
      ]),
    );
  }
  blocks.push(actions('catalog_footer', [button('Add a service', CATALOG_IDS.add, 'add', 'primary')]));
  return { text: `Service catalogue (${services.length} services)`, blocks };
}

/** "First response 1 working day (default) · delivery 10 working days (default)". */
function targetsLine(s: CatalogService): string {
  const days = (n: number | null | undefined, def: number) =>
    `${n ?? def} working day${(n ?? def) === 1 ? '' : 's'}${n == null ? ' (default)' : ''}`;
  return `First response ${days(s.firstResponseDays, DEFAULT_TARGETS.firstResponseDays)} · delivery by the needed-by date, else ${days(s.deliveryDays, DEFAULT_TARGETS.deliveryDays)}`;
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

export function renderServiceModal(service?: CatalogService): ModalView {
  return {
    type: 'modal',
    callback_id: CATALOG_IDS.modal,
    title: plain(service ? 'Edit service' : 'Add a service', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({ serviceId: service?.id ?? null }),
    blocks: [
      {
        type: 'input',
        block_id: CATALOG_IDS.name,
        label: plain('Name'),
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
        label: plain('One-line description'),
        hint: plain('Shown under the name in the request form (75 characters show there).'),
        element: {
          type: 'plain_text_input',
          action_id: CATALOG_IDS.description,
          max_length: 300,
          ...(service ? { initial_value: service.description.slice(0, 300) } : {}),
        },
      },
      targetInput(
        CATALOG_IDS.firstResponseDays,
        'First response within (working days)',
        `A claim or a question to the requester. Empty: ${DEFAULT_TARGETS.firstResponseDays}.`,
        60,
        service?.firstResponseDays,
      ),
      targetInput(
        CATALOG_IDS.deliveryDays,
        'Delivery within (working days)',
        `When the request gives no needed-by date. Empty: ${DEFAULT_TARGETS.deliveryDays}.`,
        250,
        service?.deliveryDays,
      ),
    ],
  };
}

/** The same list in a modal, as a lead opens it from Home (and sees it redrawn there). */
export function renderCatalogModal(services: CatalogService[]): ModalView {
  return renderAdminModal('Service catalogue', renderCatalog(services));
}
