import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { LibraryKind } from '../../db/schema';
import { addDays, localDate } from '../../lib/calendar';
import { AUDIT_ACTIONS } from '../audit';
import { STALE_AFTER_DAYS } from './policy';

/**
 * The library's value picture, for a lead's Home and the weekly digest alike: the drafts waiting
 * for review, what is used, what helps, what is stale, the requests people did not need to file,
 * and what people looked for and did not find. One statement of scalar subqueries, each an
 * aggregate or a short sorted list, so Home (published often) stays one round trip.
 */

/** How many items each list carries: Home and the digest show at most these. */
export const FIGURE_LISTS = { drafts: 5, mostUsed: 3, misses: 5 } as const;

/** The window the figures count: [start, end), compared with [previousStart, start). */
export interface FiguresWindow {
  previousStart: Date;
  start: Date;
  end: Date;
  /** The PMO's calendar day, for staleness, and its time zone (solved-it is counted by its day). */
  today: string;
  timeZone: string;
}

export interface DraftItem {
  id: number;
  kind: LibraryKind;
  title: string;
  ownerId: string;
}

export interface UsedItem {
  id: number;
  kind: LibraryKind;
  title: string;
  /** Every adoption since it was written, and those in the window. */
  adoptions: number;
  recent: number;
}

export interface MissItem {
  words: string;
  /** Times searched since first counted. */
  count: number;
}

/** The counts as the database returns them: bigint counts may arrive as strings. */
export interface RawLibraryFigures {
  published: unknown;
  drafts: unknown;
  stale: unknown;
  newlyPublished: unknown;
  adoptions: unknown;
  adoptionsBefore: unknown;
  useful: unknown;
  notUseful: unknown;
  avoided: unknown;
  avoidedBefore: unknown;
  draftList: DraftItem[] | null;
  mostUsed: UsedItem[] | null;
  misses: MissItem[] | null;
}

export interface LibraryFigures {
  /** Published entries now, and how many of those are stale. */
  published: number;
  stale: number;
  /** Drafts waiting for a lead now: the oldest first, and how many are not in the list. */
  drafts: { items: DraftItem[]; total: number; more: number };
  /** Entries published in the window. */
  newlyPublished: number;
  /** "We use this" in the window and in the one before. */
  adoptions: number;
  adoptionsBefore: number;
  /** "Useful?" answers given or changed in the window. */
  useful: number;
  notUseful: number;
  /** Whole per cent of the window's answers that said useful; null without answers. */
  usefulPercent: number | null;
  /** Requests not filed because an entry solved it, in the window and the one before. */
  avoided: number;
  avoidedBefore: number;
  mostUsed: UsedItem[];
  /** Searches that found nothing, searched in the window, most searched first. */
  misses: MissItem[];
  /** False while the library is empty and nobody looked for anything: nothing to report. */
  hasNews: boolean;
}

const count = (v: unknown): number => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

/** The arithmetic on the counts, pure: one rule for Home and the digest. */
export function summariseLibrary(raw: RawLibraryFigures): LibraryFigures {
  const useful = count(raw.useful);
  const notUseful = count(raw.notUseful);
  const answers = useful + notUseful;
  const draftItems = (raw.draftList ?? []).slice(0, FIGURE_LISTS.drafts);
  // A list never says fewer drafts than it shows, whatever a concurrent publish did between reads.
  const drafts = Math.max(count(raw.drafts), draftItems.length);
  const published = count(raw.published);
  const mostUsed = (raw.mostUsed ?? [])
    .map((u) => ({ ...u, adoptions: count(u.adoptions), recent: count(u.recent) }))
    .filter((u) => u.adoptions > 0)
    .sort((a, b) => b.adoptions - a.adoptions || b.recent - a.recent || a.id - b.id)
    .slice(0, FIGURE_LISTS.mostUsed);
  const misses = (raw.misses ?? [])
    .map((m) => ({ words: m.words, count: count(m.count) }))
    .filter((m) => m.words && m.count > 0)
    .sort((a, b) => b.count - a.count || a.words.localeCompare(b.words))
    .slice(0, FIGURE_LISTS.misses);
  return {
    published,
    stale: Math.min(count(raw.stale), published),
    drafts: { items: draftItems, total: drafts, more: drafts - draftItems.length },
    newlyPublished: count(raw.newlyPublished),
    adoptions: count(raw.adoptions),
    adoptionsBefore: count(raw.adoptionsBefore),
    useful,
    notUseful,
    usefulPercent: answers === 0 ? null : Math.round((useful / answers) * 100),
    avoided: count(raw.avoided),
    avoidedBefore: count(raw.avoidedBefore),
    mostUsed,
    misses,
    hasNews: published > 0 || drafts > 0 || misses.length > 0 || count(raw.avoided) > 0,
  };
}

/**
 * The review date before which a published entry is stale on `today`: the policy's `isStale`
 * as a bound a query can compare with (`isStale(r, today)` ⇔ `r < staleBefore(today)`).
 */
export const staleBefore = (today: string): string => addDays(today, -STALE_AFTER_DAYS);

/** The library's figures for a window, in one statement. */
export async function computeLibraryFigures(db: Database, w: FiguresWindow): Promise<LibraryFigures> {
  const { previousStart: p, start: s, end: e } = w;
  const { rows } = await sql<RawLibraryFigures>`
    SELECT
      (SELECT count(*) FROM library_entries WHERE status = 'published') AS "published",
      (SELECT count(*) FROM library_entries WHERE status = 'draft') AS "drafts",
      (SELECT count(*) FROM library_entries
        WHERE status = 'published' AND review_by < ${staleBefore(w.today)}::date) AS "stale",
      (SELECT count(DISTINCT detail ->> 'entry') FROM audit_log
        WHERE action = ${AUDIT_ACTIONS.libraryPublish} AND created_at >= ${s} AND created_at < ${e}) AS "newlyPublished",
      (SELECT count(*) FROM library_adoptions WHERE created_at >= ${s} AND created_at < ${e}) AS "adoptions",
      (SELECT count(*) FROM library_adoptions WHERE created_at >= ${p} AND created_at < ${s}) AS "adoptionsBefore",
      (SELECT count(*) FROM library_ratings
        WHERE useful AND updated_at >= ${s} AND updated_at < ${e}) AS "useful",
      (SELECT count(*) FROM library_ratings
        WHERE NOT useful AND updated_at >= ${s} AND updated_at < ${e}) AS "notUseful",
      ${avoidedIn(p, s, w.timeZone)} AS "avoidedBefore",
      ${avoidedIn(s, e, w.timeZone)} AS "avoided",
      (SELECT json_agg(d) FROM (
        SELECT id, kind, title, owner_id AS "ownerId" FROM library_entries
        WHERE status = 'draft' ORDER BY created_at, id LIMIT ${FIGURE_LISTS.drafts}) d) AS "draftList",
      (SELECT json_agg(u) FROM (
        SELECT e.id, e.kind, e.title, count(*) AS adoptions,
               count(*) FILTER (WHERE a.created_at >= ${s} AND a.created_at < ${e}) AS recent
        FROM library_adoptions a JOIN library_entries e ON e.id = a.entry_id
        WHERE e.status = 'published'
        GROUP BY e.id, e.kind, e.title
        ORDER BY count(*) DESC, recent DESC, e.id
        LIMIT ${FIGURE_LISTS.mostUsed}) u) AS "mostUsed",
      (SELECT json_agg(m) FROM (
        SELECT words, count FROM library_misses
        WHERE last_at >= ${s} AND last_at < ${e}
        ORDER BY count DESC, words LIMIT ${FIGURE_LISTS.misses}) m) AS "misses"
  `.execute(db);
  return summariseLibrary(rows[0] as RawLibraryFigures);
}

/**
 * Requests not filed because an entry solved it ("This solved it" in the request form), counted
 * by the PMO's day it happened on: the window's bounds are local midnights, so its days are
 * [day of `from`, day of `to`).
 */
function avoidedIn(from: Date, to: Date, timeZone: string) {
  return sql`(SELECT count(*) FROM library_solved
    WHERE day >= ${localDate(from, timeZone)}::date AND day < ${localDate(to, timeZone)}::date)`;
}
