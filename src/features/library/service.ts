import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { LibraryKind, LibraryStatus } from '../../db/schema';
import type { Translator } from '../../i18n';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { recordNews } from './announce';
import { markIndexStale } from './canvas';
import { optionalText, optionalWebLink, requiredText } from './form-rules';
import { ENGLISH } from './language';
import { libraryText } from './messages';
import { canEdit, firstReviewDate, isNews, KIND_KEYS, type LibraryActor, missKey } from './policy';

/**
 * The library's entries, their adoptions and ratings, and the searches that found nothing. Every
 * change a member or lead makes is audited in its own transaction; state changes are conditional
 * updates, so a double click or a stale button changes nothing twice.
 */

export const LIMITS = {
  title: 150,
  summary: 300,
  body: 3000,
  link: 500,
  team: 100,
  comment: 500,
  words: 200,
};

/** An entry as a member types it; `known` are the topic and service slugs the form offered. */
export function entryFormSchema(known: { topics: string[]; services: string[] }, tr: Translator = ENGLISH) {
  const t = tr.of(libraryText);
  const chosen = (slugs: string[], what: 'topics' | 'services') =>
    z
      .array(z.string().refine((s) => slugs.includes(s), t('chooseFromList', { what })))
      .max(100)
      .nullable()
      .transform((v) => [...new Set(v ?? [])]);
  return z.object({
    kind: z.enum(KIND_KEYS, { error: t('kindMissing') }),
    title: requiredText(tr, 'titleMissing', LIMITS.title),
    summary: requiredText(tr, 'summaryMissing', LIMITS.summary),
    body: optionalText(tr, LIMITS.body).transform((v) => v ?? ''),
    link: optionalWebLink(tr, LIMITS.link),
    topics: chosen(known.topics, 'topics'),
    services: chosen(known.services, 'services'),
  });
}
export type EntryForm = z.output<ReturnType<typeof entryFormSchema>>;

export interface LibraryEntry {
  id: number;
  kind: LibraryKind;
  title: string;
  summary: string;
  body: string;
  link: string | null;
  topics: string[];
  services: string[];
  ownerId: string;
  status: LibraryStatus;
  version: number;
  reviewBy: string;
  adoptions: number;
  useful: number;
  notUseful: number;
}

export interface LibraryHit extends LibraryEntry {
  rank: number;
}

function entries(db: Database) {
  return db
    .selectFrom('library_entries as e')
    .leftJoin('library_entry_counts as c', 'c.entry_id', 'e.id')
    .select([
      'e.id',
      'e.kind',
      'e.title',
      'e.summary',
      'e.body',
      'e.link',
      'e.topics',
      'e.services',
      'e.owner_id',
      'e.status',
      'e.version',
      'e.review_by',
      // Kept by the database (triggers on adoptions and ratings); an entry no one took has no row.
      sql<number>`coalesce(c.adoptions, 0)`.as('adoptions'),
      sql<number>`coalesce(c.useful, 0)`.as('useful'),
      sql<number>`coalesce(c.not_useful, 0)`.as('not_useful'),
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['executeTakeFirstOrThrow']>>;

const toEntry = (r: EntryRow): LibraryEntry => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  summary: r.summary,
  body: r.body,
  link: r.link,
  topics: r.topics,
  services: r.services,
  ownerId: r.owner_id,
  status: r.status,
  version: r.version,
  reviewBy: r.review_by,
  adoptions: Number(r.adoptions),
  useful: Number(r.useful),
  notUseful: Number(r.not_useful),
});

export async function getEntry(db: Database, id: number): Promise<LibraryEntry | undefined> {
  const row = await entries(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** The teams and projects that said they use an entry, latest first. */
export async function adoptersOf(db: Database, id: number, limit = 5): Promise<string[]> {
  const rows = await db
    .selectFrom('library_adoptions')
    .select('team_or_project')
    .where('entry_id', '=', id)
    .where('team_or_project', '<>', '')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return [...new Set(rows.map((r) => r.team_or_project))].slice(0, limit);
}

export interface SearchQuery {
  words: string;
  kind?: LibraryKind | null;
  /** A consent topic's slug: only entries filed under it. */
  topic?: string | null;
  /** A catalogue service's slug: only entries filed under it. */
  service?: string | null;
  /** Members and leads see drafts too (to review and publish them); others only what is published. */
  includeDrafts: boolean;
  limit?: number;
}

/**
 * The best matches for the words, by PostgreSQL full-text search: `websearch_to_tsquery` reads
 * them as people type into a search box ("risk register", -excel, "or"), and `ts_rank` weighs
 * the title over the summary over the body (the weights of the `search` column). No words: the
 * latest entries.
 *
 * Full-text search matches whole words (after stemming), so one typo finds nothing. Only then
 * the words are compared by trigrams with the titles (pg_trgm's `<%`: some stretch of the title
 * is at least 0.6 similar, which "risk regster" is to "Risk register template"), nearest first
 * (`<<->`, the order the title's GiST index reads them in). Only when nothing matched: a word
 * found exactly is never outranked by a near spelling. Titles only: with the summaries too, the
 * fallback took three times as long at 10,000 entries (docs/benchmarks.md).
 */
export async function searchEntries(db: Database, q: SearchQuery): Promise<LibraryHit[]> {
  const words = q.words.trim().slice(0, LIMITS.words);
  const query = sql`websearch_to_tsquery('english'::regconfig, ${words})`;
  let s = entries(db).where('e.status', 'in', q.includeDrafts ? ['published', 'draft'] : ['published']);
  if (q.kind) s = s.where('e.kind', '=', q.kind);
  if (q.topic) s = s.where(sql<boolean>`e.topics @> array[${q.topic}::text]`);
  if (q.service) s = s.where(sql<boolean>`e.services @> array[${q.service}::text]`);
  const limit = q.limit ?? 8;
  if (!words) {
    const rows = await s.orderBy('e.updated_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...toEntry(r), rank: 0 }));
  }
  const rows = await s
    .select(sql<number>`ts_rank(e.search, ${query})`.as('rank'))
    .where(sql<boolean>`e.search @@ ${query}`)
    .orderBy('rank', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length) return rows.map((r) => ({ ...toEntry(r), rank: Number(r.rank) }));
  const near = await s
    .select(sql<number>`word_similarity(${words}::text, e.title)`.as('rank'))
    .where(sql<boolean>`${words}::text <% e.title`)
    .orderBy(sql`${words}::text <<-> e.title`)
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return near.map((r) => ({ ...toEntry(r), rank: Number(r.rank) }));
}

/** Counts a search that found nothing, by its words only. */
export async function recordMiss(db: Database, words: string, now: Date): Promise<void> {
  const key = missKey(words);
  if (!key) return;
  await db
    .insertInto('library_misses')
    .values({ words: key, count: 1, last_at: now })
    .onConflict((oc) =>
      oc.column('words').doUpdateSet({ count: sql`library_misses.count + 1`, last_at: now }),
    )
    .execute();
}

const subjectOf = (title: string) => `library entry ${title}`.slice(0, 200);

/** A new entry, always a draft: a lead publishes it. `fromRequestId`: saved from that delivered request. */
export async function addEntry(
  db: Database,
  actor: string,
  form: EntryForm,
  today: string,
  now: Date,
  fromRequestId: number | null = null,
): Promise<LibraryEntry> {
  const id = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('library_entries')
      .values({
        kind: form.kind,
        title: form.title,
        summary: form.summary,
        body: form.body,
        link: form.link,
        topics: form.topics,
        services: form.services,
        owner_id: actor,
        review_by: firstReviewDate(today),
        from_request_id: fromRequestId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actor,
      action: AUDIT_ACTIONS.libraryAdd,
      subject: subjectOf(form.title),
      detail: { entry: row.id, kind: form.kind, ...(fromRequestId ? { fromRequest: fromRequestId } : {}) },
      at: now,
    });
    return row.id;
  });
  return (await getEntry(db, id)) as LibraryEntry;
}

/** An edit moves the version on; undefined when the entry is gone, retired, or not theirs to edit. */
export async function editEntry(
  db: Database,
  actor: LibraryActor,
  id: number,
  form: EntryForm,
  now: Date,
): Promise<LibraryEntry | undefined> {
  const entry = await getEntry(db, id);
  if (!entry || !canEdit(actor, entry)) return undefined;
  const done = await db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('library_entries')
      .set((eb) => ({
        kind: form.kind,
        title: form.title,
        summary: form.summary,
        body: form.body,
        link: form.link,
        topics: form.topics,
        services: form.services,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('status', '<>', 'retired')
      .returning('version')
      .executeTakeFirst();
    if (!row) return false;
    // What followers hear of and the channel's index are owed in this transaction: never lost.
    if (isNews(entry, { ...form, status: entry.status })) await recordNews(tx, id, row.version, now);
    if (entry.status === 'published') await markIndexStale(tx);
    await recordAudit(tx, {
      actor: actor.id,
      action: AUDIT_ACTIONS.libraryEdit,
      subject: subjectOf(form.title),
      detail: { entry: id, version: row.version },
      at: now,
    });
    return true;
  });
  return done ? getEntry(db, id) : undefined;
}

/** Publish (from a draft) or retire (from anything else); false when that move is not open now. */
export async function moveEntry(
  db: Database,
  actor: string,
  id: number,
  to: 'published' | 'retired',
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('library_entries')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('status', to === 'published' ? '=' : '<>', to === 'published' ? 'draft' : 'retired')
      .returning(['title', 'version'])
      .executeTakeFirst();
    if (!row) return false;
    if (to === 'published') await recordNews(tx, id, row.version, now);
    await markIndexStale(tx);
    await recordAudit(tx, {
      actor,
      action: to === 'published' ? AUDIT_ACTIONS.libraryPublish : AUDIT_ACTIONS.libraryRetire,
      subject: subjectOf(row.title),
      detail: { entry: id, version: row.version },
      at: now,
    });
    return true;
  });
}

/** "We use this": recorded only while the entry is published. */
export async function adoptEntry(
  db: Database,
  userId: string,
  id: number,
  teamOrProject: string,
  now: Date,
): Promise<boolean> {
  const res = await db
    .insertInto('library_adoptions')
    .columns(['entry_id', 'user_id', 'team_or_project', 'created_at'])
    .expression(
      db
        .selectFrom('library_entries')
        .select([
          'id',
          sql<string>`${userId}::text`.as('user_id'),
          sql<string>`${teamOrProject}::text`.as('team_or_project'),
          sql<Date>`${now}::timestamptz`.as('created_at'),
        ])
        .where('id', '=', id)
        .where('status', '=', 'published'),
    )
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** "Useful?": one answer per person, the latest kept; only while the entry is published. */
export async function rateEntry(
  db: Database,
  userId: string,
  id: number,
  useful: boolean,
  comment: string | null,
  now: Date,
): Promise<boolean> {
  const res = await db
    .insertInto('library_ratings')
    .columns(['entry_id', 'user_id', 'useful', 'comment', 'created_at', 'updated_at'])
    .expression(
      db
        .selectFrom('library_entries')
        .select([
          'id',
          sql<string>`${userId}::text`.as('user_id'),
          sql<boolean>`${useful}::boolean`.as('useful'),
          sql<string | null>`${comment}::text`.as('comment'),
          sql<Date>`${now}::timestamptz`.as('created_at'),
          sql<Date>`${now}::timestamptz`.as('updated_at'),
        ])
        .where('id', '=', id)
        .where('status', '=', 'published'),
    )
    .onConflict((oc) => oc.columns(['entry_id', 'user_id']).doUpdateSet({ useful, comment, updated_at: now }))
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface Choice {
  slug: string;
  name: string;
}

/** What an entry can be filed under: the active consent topics and catalogue services. */
export async function entryChoices(db: Database): Promise<{ topics: Choice[]; services: Choice[] }> {
  const [topics, services] = await Promise.all([
    db
      .selectFrom('topics')
      .select(['slug', 'name'])
      .where('retired_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .limit(100)
      .execute(),
    db
      .selectFrom('services')
      .select(['slug', 'name'])
      .where('retired_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('id')
      .limit(100)
      .execute(),
  ]);
  return { topics, services };
}
