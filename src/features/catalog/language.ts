import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';

/**
 * Where no Slack client is at hand (a form's field rules are built before the submission is
 * run), the person's language is read from what is known already: their own choice, and the
 * Slack locale cached with their profile. This client asks Slack nothing; the languages port
 * then falls back on that choice, or English.
 */
const CACHED_ONLY = {
  users: { info: () => Promise.reject(new Error('no Slack client here: cached profile only')) },
} as unknown as WebClient;

/** The translator of the person a view or an answer is for. */
export async function translatorOf(
  deps: Pick<Deps, 'languages'>,
  client: WebClient | undefined,
  userId: string,
): Promise<Translator> {
  return translatorFor(await deps.languages.of(client ?? CACHED_ONLY, userId));
}
