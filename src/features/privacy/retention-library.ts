import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/client';

/**
 * Retention for the library: an adoption or a rating older than RETENTION_DAYS loses what the
 * person typed (the team or project, the comment) and its person becomes the run's anonymous
 * marker, so an entry's counts ("used by 4 teams", 👍 3) stay. A search that found nothing and
 * was not searched again within that time is dropped: its words were typed by someone, and a
 * demand signal that old says nothing about today. The notes of which entries a person was told
 * of ("New in the PMO library") go too, but never younger than four weeks: the weekly DM needs
 * them to tell each person of an entry once, whatever RETENTION_DAYS says. Entries are the PMO's
 * content and stay.
 */

/** Longer than the announcements' look-back and their one-DM-a-week rule together. */
const NEWS_NOTES_KEPT_DAYS = 28;

export interface LibraryRetention {
  adoptions: number;
  ratings: number;
  misses: number;
  newsNotes: number;
}

export async function retainLibrary(
  trx: Database,
  cutoff: Date,
  anon: (column: string) => RawBuilder<string>,
  marked: string,
  now: Date,
): Promise<LibraryRetention> {
  const a = await sql`UPDATE library_adoptions SET team_or_project = '', user_id = ${anon('user_id')}
    WHERE created_at < ${cutoff} AND (team_or_project <> '' OR user_id !~ ${marked})`.execute(trx);
  const r = await sql`UPDATE library_ratings SET comment = NULL, user_id = ${anon('user_id')}
    WHERE updated_at < ${cutoff} AND (comment IS NOT NULL OR user_id !~ ${marked})`.execute(trx);
  const m = await sql`DELETE FROM library_misses WHERE last_at < ${cutoff}`.execute(trx);
  const notesBefore = new Date(Math.min(cutoff.getTime(), now.getTime() - NEWS_NOTES_KEPT_DAYS * 86_400_000));
  // Its items go with it (ON DELETE CASCADE).
  const n = await sql`DELETE FROM library_news_dms WHERE created_at < ${notesBefore}`.execute(trx);
  return {
    adoptions: Number(a.numAffectedRows ?? 0),
    ratings: Number(r.numAffectedRows ?? 0),
    misses: Number(m.numAffectedRows ?? 0),
    newsNotes: Number(n.numAffectedRows ?? 0),
  };
}
