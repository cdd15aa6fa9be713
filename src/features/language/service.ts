import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGE_NAMES,
  type Language,
  languageOfLocale,
  translatorFor,
} from '../../i18n';
import type { People } from '../../ports';
import { languageText } from './messages';
import { forgetLanguage, recentLanguage, rememberLanguage } from './recent';

/** Where a person's language comes from: their own choice, or their Slack locale. */
export type LanguageSource = 'chosen' | 'slack';

export interface PersonLanguage {
  language: Language;
  source: LanguageSource;
}

/**
 * The rule, written once: a language chosen with /pmo language wins; otherwise the Slack
 * locale's language when the app speaks it; otherwise English.
 */
export function resolveLanguage(
  chosen: string | null | undefined,
  slackLocale: string | null | undefined,
): PersonLanguage {
  if (isLanguage(chosen)) return { language: chosen, source: 'chosen' };
  return { language: languageOfLocale(slackLocale) ?? DEFAULT_LANGUAGE, source: 'slack' };
}

/**
 * Applies a choice (a language, or `null` to follow Slack) and says what applies now, in the
 * language that applies now, so the person sees at once what they chose.
 */
export async function applyChoice(
  deps: { db: Database; people: People; clock: { now(): Date } },
  client: WebClient,
  userId: string,
  language: Language | null,
): Promise<{ now: PersonLanguage; notice: string }> {
  await chooseLanguage(deps.db, userId, language, deps.clock.now());
  const now = await languageOf(deps, client, userId);
  const notice = translatorFor(now.language).t(languageText, language === null ? 'followsSlack' : 'changed', {
    language: LANGUAGE_NAMES[now.language],
  });
  return { now, notice };
}

export async function chosenLanguage(db: Database, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('person_languages')
    .select('language')
    .where('slack_user_id', '=', userId)
    .executeTakeFirst();
  return row?.language ?? null;
}

/** Sets (or, with null, forgets) the person's own choice. */
export async function chooseLanguage(
  db: Database,
  userId: string,
  language: Language | null,
  now: Date,
): Promise<void> {
  if (language === null) {
    await db.deleteFrom('person_languages').where('slack_user_id', '=', userId).execute();
  } else {
    await db
      .insertInto('person_languages')
      .values({ slack_user_id: userId, language, chosen_at: now })
      .onConflict((oc) => oc.column('slack_user_id').doUpdateSet({ language, chosen_at: now }))
      .execute();
  }
  forgetLanguage(db, userId);
}

/**
 * A person's language. Slack's locale comes from the cached users.info; when Slack cannot be
 * asked (throttled, unknown person), their own choice or English still answers.
 */
export async function languageOf(
  deps: { db: Database; people: People },
  client: WebClient,
  userId: string,
): Promise<PersonLanguage> {
  const recent = recentLanguage(deps.db, userId);
  if (recent) return recent;
  let slackAnswered = true;
  const [chosen, locale] = await Promise.all([
    chosenLanguage(deps.db, userId),
    deps.people.lookup(client, userId).then(
      (p) => p.locale,
      () => {
        slackAnswered = false;
        return null;
      },
    ),
  ]);
  const language = resolveLanguage(chosen, locale);
  // A fallback (Slack throttled) is not worth keeping: the next answer asks again.
  if (slackAnswered || language.source === 'chosen') rememberLanguage(deps.db, userId, language);
  return language;
}

/**
 * The cached profile is out of date (a user_change): the next lookup asks users.info again,
 * locale included, instead of waiting out the day's cache.
 */
export async function forgetSlackLocale(db: Database, userId: string): Promise<void> {
  await db.updateTable('people').set({ refreshed_at: null }).where('slack_user_id', '=', userId).execute();
  forgetLanguage(db, userId);
}
