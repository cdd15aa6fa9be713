/**
 * Turns what a person picked on the page (a string, a list, or nothing) into the shapes Slack
 * puts in `actions[]` and `view.state.values`, from the element definition the app sent —
 * so the page never decides what an option object or a selected user looks like.
 */

type Json = Record<string, unknown>;
export type Selected = string | string[] | null;

export interface FoundElement {
  blockId: string;
  element: Json;
  /** The block holding the element is an input block. */
  input: boolean;
}

/** Every interactive element of a surface with its block (accessories, actions, inputs). */
export function elementsOf(blocks: Json[]): FoundElement[] {
  const out: FoundElement[] = [];
  for (const b of blocks) {
    const blockId = String(b.block_id ?? '');
    const candidates = [
      ...((b.type === 'actions' ? (b.elements as Json[] | undefined) : undefined) ?? []),
      ...(b.accessory ? [b.accessory as Json] : []),
      ...(b.element ? [b.element as Json] : []),
    ];
    for (const element of candidates) {
      if (typeof element.action_id === 'string') out.push({ blockId, element, input: b.type === 'input' });
    }
  }
  return out;
}

export function findElement(blocks: Json[], blockId: string, actionId: string): FoundElement | undefined {
  return elementsOf(blocks).find((f) => f.element.action_id === actionId && f.blockId === blockId);
}

function optionsOf(element: Json): Json[] {
  const direct = (element.options as Json[] | undefined) ?? [];
  const grouped = ((element.option_groups as Json[] | undefined) ?? []).flatMap(
    (g) => (g.options as Json[] | undefined) ?? [],
  );
  return [...direct, ...grouped];
}

const asList = (s: Selected): string[] => (s === null ? [] : Array.isArray(s) ? s : [s]);
const first = (s: Selected): string | null => asList(s)[0] ?? null;

/** The selection fields of one element, as Slack sends them. Unknown option values are dropped. */
export function selectionOf(element: Json, selected: Selected): Json {
  const type = String(element.type);
  const option = (v: string) => optionsOf(element).find((o) => o.value === v);
  switch (type) {
    case 'button':
      return element.value !== undefined ? { value: element.value } : {};
    case 'static_select':
    case 'radio_buttons':
    case 'overflow': {
      const v = first(selected);
      return { selected_option: (v !== null && option(v)) || null };
    }
    case 'multi_static_select':
    case 'checkboxes':
      return { selected_options: asList(selected).flatMap((v) => option(v) ?? []) };
    case 'users_select':
      return { selected_user: first(selected) };
    case 'multi_users_select':
      return { selected_users: asList(selected) };
    case 'conversations_select':
      return { selected_conversation: first(selected) };
    case 'multi_conversations_select':
      return { selected_conversations: asList(selected) };
    case 'channels_select':
      return { selected_channel: first(selected) };
    case 'multi_channels_select':
      return { selected_channels: asList(selected) };
    case 'datepicker':
      return { selected_date: first(selected) };
    case 'timepicker':
      return { selected_time: first(selected) };
    default: {
      // text-like inputs: plain_text_input, number_input, url_text_input, email_text_input
      const v = first(selected);
      return { value: v === null || v === '' ? null : v };
    }
  }
}

/** One entry of block_actions' `actions[]`. */
export function actionOf(found: FoundElement, selected: Selected): Json {
  const { element, blockId } = found;
  return {
    type: element.type,
    action_id: element.action_id,
    block_id: blockId,
    ...(element.type === 'button' && element.text ? { text: element.text } : {}),
    ...selectionOf(element, selected),
  };
}

/**
 * `view.state.values`: every input block (empty ones too, as Slack does), plus interactive
 * elements elsewhere in the view that the person changed.
 */
export function stateValuesOf(blocks: Json[], values: Record<string, Record<string, Selected>>): Json {
  const state: Record<string, Record<string, Json>> = {};
  for (const found of elementsOf(blocks)) {
    if (found.element.type === 'button' || found.element.type === 'overflow') continue;
    const actionId = String(found.element.action_id);
    const given = values[found.blockId]?.[actionId];
    if (given === undefined && !found.input) continue;
    state[found.blockId] ??= {};
    state[found.blockId]![actionId] = {
      type: found.element.type,
      ...selectionOf(found.element, given ?? null),
    };
  }
  return state;
}
