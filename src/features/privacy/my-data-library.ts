import type { Database } from '../../db/client';

/**
 * The library part of `/pmo my-data`: the entries a person owns (the PMO's content, listed so
 * they can see what bears their name), what they said they use, how they rated entries, and
 * which "New in the PMO library" DMs they were sent.
 * Nobody else's id: an entry they adopted or rated is named by its title, not by its owner.
 */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function collectLibraryData(db: Database, userId: string) {
  const [owned, adoptions, ratings, news] = await Promise.all([
    db
      .selectFrom('library_entries')
      .select(['id', 'kind', 'title', 'status', 'version', 'review_by', 'created_at', 'updated_at'])
      .where('owner_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('library_adoptions as a')
      .innerJoin('library_entries as e', 'e.id', 'a.entry_id')
      .select(['e.title', 'a.team_or_project', 'a.created_at'])
      .where('a.user_id', '=', userId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('library_ratings as r')
      .innerJoin('library_entries as e', 'e.id', 'r.entry_id')
      .select(['e.title', 'r.useful', 'r.comment', 'r.created_at', 'r.updated_at'])
      .where('r.user_id', '=', userId)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('library_news_dms as d')
      .leftJoin('library_news_items as i', 'i.dm_id', 'd.id')
      .leftJoin('library_entries as e', 'e.id', 'i.entry_id')
      .select(['d.id', 'd.week', 'd.created_at', 'e.title', 'i.version'])
      .where('d.user_id', '=', userId)
      .orderBy('d.id')
      .orderBy('e.id')
      .execute(),
  ]);
  const notes = new Map<
    number,
    { week: string; at: string | null; entries: { entry: string; version: number }[] }
  >();
  for (const n of news) {
    const note = notes.get(n.id) ?? { week: n.week, at: iso(n.created_at), entries: [] };
    if (n.title !== null && n.version !== null) note.entries.push({ entry: n.title, version: n.version });
    notes.set(n.id, note);
  }
  return {
    entries_you_own: owned.map((e) => ({
      entry: e.id,
      kind: e.kind,
      title: e.title,
      status: e.status,
      version: e.version,
      review_by: e.review_by,
      created_at: iso(e.created_at),
      updated_at: iso(e.updated_at),
    })),
    you_use: adoptions.map((a) => ({
      entry: a.title,
      team_or_project: a.team_or_project,
      at: iso(a.created_at),
    })),
    your_ratings: ratings.map((r) => ({
      entry: r.title,
      useful: r.useful,
      comment: r.comment,
      at: iso(r.created_at),
      changed_at: iso(r.updated_at),
    })),
    // "New in the PMO library" DMs: the week and the entries each told them of.
    news_you_were_sent: [...notes.values()],
  };
}
