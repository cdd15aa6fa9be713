import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { LibraryKind } from '../../db/schema';

/**
 * The library at the moment of need: the published entries filed under a catalogue service,
 * offered in the request form and to the member who claims a request (one rule for both), and
 * "This solved it", counted by entry and day without keeping who clicked.
 */

/** Suggestions stay few: the form is for asking, and three is what a person reads at a glance. */
export const HELP_NOW_LIMIT = 3;

export interface Suggestion {
  id: number;
  kind: LibraryKind;
  title: string;
  summary: string;
  link: string | null;
}

/**
 * The published entries filed under a service (by its catalogue id; entries keep slugs), best
 * first: the most adopted, then the most found useful, then the latest.
 */
export async function entriesForService(
  db: Database,
  serviceId: number,
  limit = HELP_NOW_LIMIT,
): Promise<Suggestion[]> {
  return (
    db
      .selectFrom('library_entries as e')
      .select(['e.id', 'e.kind', 'e.title', 'e.summary', 'e.link'])
      .where('e.status', '=', 'published')
      // `@>` rather than `= any(…)`: it is what the GIN index on services answers. The service's
      // slug is a sub-select, evaluated once: one round trip, and no service means no entries.
      .where(
        sql<boolean>`e.services @> array[(select s.slug from services s where s.id = ${serviceId})]::text[]`,
      )
      .leftJoin('library_entry_counts as c', 'c.entry_id', 'e.id')
      .orderBy(sql`coalesce(c.adoptions, 0)`, 'desc')
      .orderBy(sql`coalesce(c.useful, 0)`, 'desc')
      .orderBy('e.updated_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .execute()
  );
}

/**
 * Counts one "This solved it" for a form, only while the entry is published: the form's view id
 * is the key, so a double click (or Slack's retry) counts once. True when this click counted.
 */
export async function recordSolved(
  db: Database,
  entryId: number,
  viewId: string,
  day: string,
): Promise<boolean> {
  const res = await db
    .insertInto('library_solved')
    .columns(['view_id', 'entry_id', 'day'])
    .expression(
      db
        .selectFrom('library_entries')
        .select([sql<string>`${viewId}::text`.as('view_id'), 'id', sql<string>`${day}::date`.as('day')])
        .where('id', '=', entryId)
        .where('status', '=', 'published'),
    )
    .onConflict((oc) => oc.column('view_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
