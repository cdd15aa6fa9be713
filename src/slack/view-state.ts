import { z } from 'zod';

/**
 * Reads one input's value out of a submitted view's `state.values`, whatever the element:
 * text inputs give `value`, selects `selected_option`, date pickers `selected_date`, user
 * pickers `selected_user`. Parsed with zod: the payload is external input.
 */
const option = z.object({ value: z.string() });
const elementState = z.object({
  type: z.string().optional(),
  value: z.string().nullish(),
  selected_option: option.nullish(),
  selected_options: z.array(option).nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), elementState));

export type ViewState = z.infer<typeof stateSchema>;

export function parseViewState(values: unknown): ViewState {
  const parsed = stateSchema.safeParse(values);
  return parsed.success ? parsed.data : {};
}

function element(state: ViewState, blockId: string) {
  const block = state[blockId];
  return block ? Object.values(block)[0] : undefined;
}

/** The single value of an input (text, select, date or user), or null when empty. */
export function inputValue(state: ViewState, blockId: string): string | null {
  const e = element(state, blockId);
  if (!e) return null;
  return e.value ?? e.selected_option?.value ?? e.selected_date ?? e.selected_user ?? null;
}

export function inputValues(state: ViewState, blockId: string): string[] {
  return element(state, blockId)?.selected_options?.map((o) => o.value) ?? [];
}

/** private_metadata we wrote ourselves, still parsed: it comes back through Slack. */
export function parseMetadata<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
