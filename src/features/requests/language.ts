import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';

/**
 * Where no Slack client is at hand (a step taken by a service, a form's field rules), a
 * person's language is read from what is known already: their own choice, and the Slack locale
 * cached with their profile. This client asks Slack nothing; the languages port then falls
 * back on that choice, or English.
 */
const CACHED_ONLY = {
  users: { info: () => Promise.reject(new Error('no Slack client here: cached profile only')) },
} as unknown as WebClient;

/** The translator of the person a view, an answer or a DM is for. */
export async function translatorOf(
  deps: Pick<Deps, 'languages'>,
  client: WebClient | undefined,
  userId: string,
): Promise<Translator> {
  return translatorFor(await deps.languages.of(client ?? CACHED_ONLY, userId));
}

/** What channel posts (the triage post and its thread) are written in. */
export const pmoTranslator = (deps: Pick<Deps, 'languages'>): Translator =>
  translatorFor(deps.languages.pmo());

/**
 * The translators of several people, looked up before a transaction (the database has one
 * connection in tests, and a transaction should not wait on Slack): `of(id)` inside it; anyone
 * not looked up is written to in English.
 */
export async function translatorsOf(
  deps: Pick<Deps, 'languages'>,
  client: WebClient | undefined,
  userIds: (string | null | undefined)[],
): Promise<(userId: string) => Translator> {
  const ids = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  const found = new Map(
    await Promise.all(ids.map(async (id) => [id, await translatorOf(deps, client, id)] as const)),
  );
  return (userId) => found.get(userId) ?? translatorFor('en');
}
