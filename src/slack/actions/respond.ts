import type { RespondFn } from '@slack/bolt';
import { z } from 'zod';

/** A private note to the person who clicked, leaving the message they clicked untouched. */
export async function tellClicker(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Button values carry ids; they come back through Slack, so they are parsed. */
export const idValue = z.coerce.number().int().positive();

export function requestIdOf(value: unknown): number | undefined {
  const parsed = idValue.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
