import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { slackDate, type Translator, translatorFor } from '../../i18n';
import { libraryText } from './messages';

/**
 * The translator of the person a view or answer is for, or of the PMO for what goes to its
 * channel: one per request or recipient, passed down, never kept.
 */
export async function translatorOf(
  deps: Pick<Deps, 'languages'>,
  client: WebClient,
  userId: string,
): Promise<Translator> {
  return translatorFor(await deps.languages.of(client, userId));
}

export const pmoTranslator = (deps: Pick<Deps, 'languages'>): Translator =>
  translatorFor(deps.languages.pmo());

/** English: what a caller that passes no translator gets (other features, until they pass theirs). */
export const ENGLISH: Translator = translatorFor('en');

/** A calendar day ('YYYY-MM-DD') as a Date Slack can show in each viewer's zone: its noon, UTC. */
export const dayAt = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** A kind of entry as the reader calls it. */
export const kindName = (tr: Translator, kind: string): string => tr.t(libraryText, 'kind', { kind });

/** A calendar day in mrkdwn: a Slack date token, shown in each viewer's language. */
export const showDay = (tr: Translator, day: string): string =>
  slackDate(dayAt(day), tr.locale, 'UTC', 'date_long');

/** What one entry's answers say, in words as well as thumbs. */
export const ratingWords = (tr: Translator, useful: number, notUseful?: number): string => {
  const up = tr.t(libraryText, 'helpful', { count: useful });
  return notUseful === undefined ? up : `${up} · ${tr.t(libraryText, 'notHelpful', { count: notUseful })}`;
};
