import type { z } from 'zod';

/**
 * A submitted modal, read the one way every form is read: the raw value of each input block
 * (whatever its element: text, select, date, user, channel), then one zod schema over all the
 * fields. A field that does not parse becomes a field error on its own block; a value of the
 * wrong type (a number where text belongs, a missing `state`) is just a value that does not
 * parse, never an exception.
 */

export type BlockErrors = Record<string, string>;
export type FormResult<F> = { ok: true; values: F } | { ok: false; errors: BlockErrors };

/** Slack shows a field error under the input; a long one would be cut by the client anyway. */
const MAX_ERROR_LENGTH = 300;

// biome-ignore lint/suspicious/noExplicitAny: JSON from Slack, read defensively key by key
type Json = Record<string, any>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The element's state in `view.state.values[blockId]` (our inputs have one element per block). */
function elementState(values: unknown, blockId: string): Json | undefined {
  if (!isObject(values)) return undefined;
  const block = values[blockId];
  if (!isObject(block)) return undefined;
  const element = Object.values(block)[0];
  return isObject(element) ? element : undefined;
}

/** The raw value of one input: a string, a list, or null when empty. Not yet trusted. */
export function readInput(values: unknown, blockId: string): unknown {
  const e = elementState(values, blockId);
  if (!e) return null;
  const optionValue = (o: unknown) => (isObject(o) ? o.value : o);
  if ('selected_options' in e)
    return Array.isArray(e.selected_options) ? e.selected_options.map(optionValue) : e.selected_options;
  if ('selected_option' in e) return e.selected_option == null ? null : optionValue(e.selected_option);
  if ('selected_users' in e) return e.selected_users;
  if ('selected_conversations' in e) return e.selected_conversations;
  if ('selected_channels' in e) return e.selected_channels;
  for (const key of ['selected_date', 'selected_user', 'selected_channel', 'selected_conversation', 'value'])
    if (key in e) return e[key] ?? null;
  return null;
}

/** The view's values, wherever a (possibly forged) payload put them. */
export function stateValues(view: unknown): unknown {
  return isObject(view) && isObject(view.state) ? view.state.values : undefined;
}

/**
 * Reads `fields` (field name → block id) from a submitted view and parses them with `schema`.
 * Issues go to the block of the field they name (the first field's block if they name none).
 */
export function parseForm<F>(
  view: unknown,
  fields: Record<string, string>,
  schema: z.ZodType<F>,
): FormResult<F> {
  const values = stateValues(view);
  const raw: Record<string, unknown> = {};
  for (const [key, blockId] of Object.entries(fields)) raw[key] = readInput(values, blockId);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, values: parsed.data };
  const firstBlock = Object.values(fields)[0] ?? 'form';
  const errors: BlockErrors = {};
  for (const issue of parsed.error.issues) {
    const block = fields[String(issue.path[0])] ?? firstBlock;
    errors[block] ??= fieldError(issue.message);
  }
  return { ok: false, errors };
}

export function fieldError(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The first input block of a view, where an error about the whole form is shown. */
export function firstInputBlock(view: unknown): string | undefined {
  if (!isObject(view) || !Array.isArray(view.blocks)) return undefined;
  const input = view.blocks.find(
    (b: unknown) => isObject(b) && b.type === 'input' && typeof b.block_id === 'string',
  );
  return input?.block_id;
}

/** private_metadata we wrote ourselves, still parsed: it comes back through Slack. */
export function parseMetadata<M>(schema: z.ZodType<M>, raw: unknown): M | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
