import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { LibraryKind } from '../../db/schema';

/**
 * "From the PMO library" on a person's Home: published entries filed under a topic they opted in
 * to (their consent, nothing else) or a service they asked for lately. One query: the person's
 * topics and services are read inside it, so Home waits for no extra round trip.
 */

/** How far back "the services of their recent requests" reaches. */
export const RECENT_REQUEST_DAYS = 90;

export interface LibraryPick {
  id: number;
  kind: LibraryKind;
  title: string;
  summary: string;
}

export async function libraryPicksFor(
  db: Database,
  userId: string,
  now: Date,
  limit = 3,
): Promise<LibraryPick[]> {
  const since = new Date(now.getTime() - RECENT_REQUEST_DAYS * 86_400_000);
  const { rows } = await sql<LibraryPick>`
    SELECT e.id, e.kind, e.title, e.summary
    FROM library_entries e
    WHERE e.status = 'published'
      AND (
        e.topics && ARRAY(
          SELECT t.slug FROM consents c JOIN topics t ON t.id = c.topic_id
          WHERE c.user_id = ${userId} AND c.opted_in AND t.retired_at IS NULL)
        OR e.services && ARRAY(
          SELECT DISTINCT s.slug FROM requests r JOIN services s ON s.id = r.service_id
          WHERE r.requester_id = ${userId} AND r.created_at >= ${since})
      )
    ORDER BY e.updated_at DESC, e.id DESC
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, title: r.title, summary: r.summary }));
}
