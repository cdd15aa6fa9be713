import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { addDays, localDate, startOfLocalDay } from '../../lib/calendar';
import { computeTargetReport, type TargetReport } from '../calendar';
import { computeLibraryFigures, type LibraryFigures } from '../library';
import { computeBenefits, type ServiceBenefits } from './benefits';
import {
  computeHistory,
  type DigestHistory,
  historyBounds,
  lastTwoWeeks,
  type PeriodFigures,
} from './history';

export type { PeriodFigures } from './history';

/**
 * The PMO leads' weekly numbers: the last 7 whole days (in the PMO's time zone) against the 7
 * before. Every figure is computed in SQL with range predicates on an indexed timestamp
 * (created_at, claimed_at, delivered_at, answered_at…), so the digest stays cheap at 100k requests.
 */

/**
 * Comments are shown only once this many different people answered in the period, so nobody is
 * identifiable; people, not answers: one person's three answers are still one person.
 */
export const MIN_PEOPLE_FOR_COMMENTS = 3;
const MAX_COMMENTS = 10;

export interface DigestPeriod {
  /** Inclusive start, exclusive end; the previous period is [previousStart, start). */
  previousStart: Date;
  start: Date;
  end: Date;
  /** Local calendar dates of the first and last day, 'YYYY-MM-DD'. */
  firstDay: string;
  lastDay: string;
  /** The schedule slot: one digest per period, whatever replicas or retries do. */
  runKey: string;
}

/** The 7 whole local days before `now`'s local day, and the 7 before those. */
export function digestPeriod(now: Date, timeZone: string): DigestPeriod {
  const today = localDate(now, timeZone);
  const first = addDays(today, -7);
  return {
    previousStart: startOfLocalDay(addDays(today, -14), timeZone),
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(today, timeZone),
    firstDay: first,
    lastDay: addDays(today, -1),
    runKey: first,
  };
}

export interface DigestData {
  period: DigestPeriod;
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Services with demand in either period or members with the skill. */
  services: { name: string; current: number; previous: number; members: number }[];
  unclaimed: number;
  oldestWaiting: { requestId: number; createdAt: Date } | null;
  inProgress: number;
  /** Count of ratings 1…5 in the current period. */
  distribution: [number, number, number, number, number];
  /** Unattributed, sorted by text; empty unless MIN_PEOPLE_FOR_COMMENTS different people answered. */
  comments: string[];
  optedInByTopic: { topic: string; people: number }[];
  /** Response targets: on-target rates, what is overdue, who is away this week. */
  targets?: TargetReport;
  /** The last 8 weeks, oldest first (the last is this period): the chart and the medians. */
  history: DigestHistory;
  /** Per service over the same 8 weeks: delivered, rated, realised. */
  benefits: ServiceBenefits[];
  /** The library in the period: the review queue, adoptions, usefulness, stale, avoided, misses. */
  library?: LibraryFigures;
}

const n = (v: unknown): number => Number(v ?? 0);

export async function computeDigest(db: Database, now: Date, timeZone: string): Promise<DigestData> {
  const period = digestPeriod(now, timeZone);
  const { previousStart: p, start: s, end: e } = period;
  const windowStart = historyBounds(now, timeZone).bounds[0] as Date;
  const longer = Promise.all([
    computeHistory(db, now, timeZone),
    computeBenefits(db, windowStart, e),
    computeLibraryFigures(db, {
      previousStart: p,
      start: s,
      end: e,
      today: localDate(now, timeZone),
      timeZone,
    }),
  ]);

  // The period's own figures are the history's last two weeks; only what the history does not
  // keep per week is asked here: demand per service, and who answered and how, this period.
  const [byService, ratings] = await Promise.all([
    sql<{ service_id: number; cur: number; prev: number }>`
      SELECT service_id,
             count(*) FILTER (WHERE created_at >= ${s}) AS cur,
             count(*) FILTER (WHERE created_at < ${s}) AS prev
      FROM requests WHERE created_at >= ${p} AND created_at < ${e}
      GROUP BY service_id`.execute(db),
    sql<Record<'people' | 'r1' | 'r2' | 'r3' | 'r4' | 'r5', number | null>>`
      SELECT count(DISTINCT user_id) AS people,
             count(*) FILTER (WHERE rating = 1) AS r1,
             count(*) FILTER (WHERE rating = 2) AS r2,
             count(*) FILTER (WHERE rating = 3) AS r3,
             count(*) FILTER (WHERE rating = 4) AS r4,
             count(*) FILTER (WHERE rating = 5) AS r5
      FROM checkins
      WHERE answered_at >= ${s} AND answered_at < ${e} AND rating IS NOT NULL`.execute(db),
  ]);

  const [waiting, inProgress, oldest, skills, services, optedIn] = await Promise.all([
    db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'new')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['claimed', 'in_progress'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('requests')
      .select(['id', 'created_at'])
      .where('status', '=', 'new')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('member_skills as ms')
      .innerJoin('members as m', 'm.slack_user_id', 'ms.member_id')
      .select(['ms.service_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('m.active', '=', true)
      .groupBy('ms.service_id')
      .execute(),
    db
      .selectFrom('services')
      .select(['id', 'name', 'sort_order', 'retired_at'])
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('consents as c')
      .innerJoin('topics as t', 't.id', 'c.topic_id')
      .select(['t.name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.opted_in', '=', true)
      .where('t.retired_at', 'is', null)
      .groupBy(['t.id', 't.name', 't.sort_order'])
      .orderBy('t.sort_order')
      .execute(),
  ]);

  const demand = new Map(byService.rows.map((r) => [r.service_id, r]));
  const supply = new Map(skills.map((r) => [r.service_id, n(r.n)]));
  const serviceRows = services
    .map((svc) => ({
      name: svc.name,
      current: n(demand.get(svc.id)?.cur),
      previous: n(demand.get(svc.id)?.prev),
      members: supply.get(svc.id) ?? 0,
      retired: svc.retired_at !== null,
    }))
    .filter((r) => r.current > 0 || r.previous > 0 || (r.members > 0 && !r.retired))
    .map(({ retired: _retired, ...r }) => r);

  const r = ratings.rows[0];

  let comments: string[] = [];
  if (n(r?.people) >= MIN_PEOPLE_FOR_COMMENTS) {
    const rows = await db
      .selectFrom('checkins')
      .select(['what_changed', 'could_be_better'])
      .where('answered_at', '>=', s)
      .where('answered_at', '<', e)
      .where('rating', 'is not', null)
      .where((eb) => eb.or([eb('what_changed', 'is not', null), eb('could_be_better', 'is not', null)]))
      .execute();
    // Sorted by text, not by time or person: the order must not hint at who wrote what.
    comments = rows
      .flatMap((row) => [row.what_changed, row.could_be_better])
      .filter((t): t is string => Boolean(t?.trim()))
      .map((t) => t.trim())
      .sort((a, b) => a.localeCompare(b))
      .slice(0, MAX_COMMENTS);
  }

  const targets = await computeTargetReport(db, period, now, localDate(now, timeZone));
  const [history, benefits, library] = await longer;

  return {
    period,
    targets,
    history,
    benefits,
    library,
    ...lastTwoWeeks(history),
    services: serviceRows,
    unclaimed: n(waiting.n),
    oldestWaiting: oldest ? { requestId: oldest.id, createdAt: oldest.created_at } : null,
    inProgress: n(inProgress.n),
    distribution: [n(r?.r1), n(r?.r2), n(r?.r3), n(r?.r4), n(r?.r5)],
    comments,
    optedInByTopic: optedIn.map((t) => ({ topic: t.name, people: n(t.n) })),
  };
}

/** Nothing happened in the period: the digest is one line. */
export function isQuietWeek(d: DigestData): boolean {
  const c = d.current;
  return (
    c.newRequests === 0 &&
    c.delivered === 0 &&
    c.declined === 0 &&
    c.answers === 0 &&
    c.optIns === 0 &&
    c.optOuts === 0 &&
    c.invitationsSent === 0 &&
    d.inProgress === 0 &&
    d.unclaimed === 0 &&
    !libraryActive(d.library)
  );
}

/** Something happened in the library in the period: people took, rated or were helped by it. */
function libraryActive(l: LibraryFigures | undefined): boolean {
  return l !== undefined && l.newlyPublished + l.adoptions + l.useful + l.notUseful + l.avoided > 0;
}
