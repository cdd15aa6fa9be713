import { z } from 'zod';

/**
 * A modal's `view.state.values`, parsed once with zod, read by block id. Each input block in
 * our views uses its block id as action id too, so one id finds the value.
 */

const stateValue = z.looseObject({
  type: z.string().optional(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_channel: z.string().nullish(),
  selected_conversation: z.string().nullish(),
});
const stateSchema = z.record(z.string(), z.record(z.string(), stateValue));

export class StateValues {
  private readonly values: z.infer<typeof stateSchema>;
  constructor(raw: unknown) {
    this.values = stateSchema.parse(raw ?? {});
  }

  private get(blockId: string) {
    const block = this.values[blockId];
    return block ? (block[blockId] ?? Object.values(block)[0]) : undefined;
  }

  /** Trimmed text, or null when empty. */
  text(blockId: string): string | null {
    const v = this.get(blockId)?.value?.trim();
    return v ? v : null;
  }

  date(blockId: string): string | null {
    return this.get(blockId)?.selected_date ?? null;
  }

  option(blockId: string): string | null {
    return this.get(blockId)?.selected_option?.value ?? null;
  }

  options(blockId: string): string[] {
    return (this.get(blockId)?.selected_options ?? []).map((o) => o.value);
  }

  channel(blockId: string): string | null {
    const v = this.get(blockId);
    return v?.selected_channel ?? v?.selected_conversation ?? null;
  }
}
