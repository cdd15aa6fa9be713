import type { Database } from '../../db/client';
import type { PersonLanguage } from './service';

/**
 * Languages looked up in the last few seconds, per app. Every click, command and form answer is
 * written in the actor's language, and often a second person's (the requester of a claim): two
 * statements each, for a value that changes when someone picks a language or edits their Slack
 * profile. A choice or a profile change heard by this app forgets its entry at once; another
 * replica may answer in the former language for up to TTL_MS, which is why it is short.
 */
const TTL_MS = 30_000;
/** A 5,000-person fan-out looks up each recipient once; the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  language: PersonLanguage;
  at: number;
}

// Per app (its database handle), not per process: two test apps in one process never share it.
const byApp = new WeakMap<Database, Map<string, Entry>>();

function entriesOf(db: Database): Map<string, Entry> {
  let map = byApp.get(db);
  if (!map) {
    map = new Map();
    byApp.set(db, map);
  }
  return map;
}

/** The person's language as looked up less than TTL_MS ago (wall-clock time, as a cache's is). */
export function recentLanguage(db: Database, userId: string): PersonLanguage | undefined {
  const entries = entriesOf(db);
  const entry = entries.get(userId);
  if (!entry) return undefined;
  if (Date.now() - entry.at < TTL_MS) return entry.language;
  entries.delete(userId);
  return undefined;
}

export function rememberLanguage(db: Database, userId: string, language: PersonLanguage): void {
  const entries = entriesOf(db);
  entries.delete(userId);
  entries.set(userId, { language, at: Date.now() });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

export function forgetLanguage(db: Database, userId: string): void {
  entriesOf(db).delete(userId);
}
