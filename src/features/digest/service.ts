import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { addDays, localDate, startOfLocalDay } from '../../lib/calendar';
import { computeTargetReport, type TargetReport } from '../calendar';
import { computeBenefits, type ServiceBenefits } from './benefits';
import { computeHistory, type DigestHistory, historyBounds } from './history';

/**
 * The PMO leads' weekly numbers: the last 7 whole days (in the PMO's time zone) against the 7
 * before. Every figure is computed in SQL with range predicates on an indexed timestamp
 * (created_at, claimed_at, delivered_at, answered_at…), so the digest stays cheap at 100k requests.
 */

/** consent_events.action values counted as opt-ins and opt-outs. */
export const CONSENT_ACTIONS = { optIn: 'opt_in', optOut: 'opt_out' } as const;
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

export interface PeriodFigures {
  newRequests: number;
  delivered: number;
  declined: number;
  /** Hours; null when nothing was claimed / delivered in the period. */
  medianHoursToClaim: number | null;
  medianHoursToDeliver: number | null;
  answers: number;
  averageRating: number | null;
  optIns: number;
  optOuts: number;
  invitationsSent: number;
  /** Recipients who answered going or waitlist, among those the invitations reached. */
  rsvpYes: number;
  repeatRequesters: number;
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
}

const n = (v: unknown): number => Number(v ?? 0);
const nullable = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function computeDigest(db: Database, now: Date, timeZone: string): Promise<DigestData> {
  const period = digestPeriod(now, timeZone);
  const { previousStart: p, start: s, end: e } = period;
  const windowStart = historyBounds(now, timeZone).bounds[0] as Date;
  const longer = Promise.all([computeHistory(db, now, timeZone), computeBenefits(db, windowStart, e)]);

  const [byService, delivered, claimed, declined, ratings, consent, invites, repeat] = await Promise.all([
    sql<{ service_id: number; cur: number; prev: number }>`
      SELECT service_id,
             count(*) FILTER (WHERE created_at >= ${s}) AS cur,
             count(*) FILTER (WHERE created_at < ${s}) AS prev
      FROM requests WHERE created_at >= ${p} AND created_at < ${e}
      GROUP BY service_id`.execute(db),
    sql<{ cur: number; prev: number; cur_median: number | null; prev_median: number | null }>`
      SELECT count(*) FILTER (WHERE delivered_at >= ${s}) AS cur,
             count(*) FILTER (WHERE delivered_at < ${s}) AS prev,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at))
               FILTER (WHERE delivered_at >= ${s}) / 3600 AS cur_median,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at))
               FILTER (WHERE delivered_at < ${s}) / 3600 AS prev_median
      FROM requests WHERE delivered_at >= ${p} AND delivered_at < ${e}`.execute(db),
    sql<{ cur_median: number | null; prev_median: number | null }>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM claimed_at - created_at))
               FILTER (WHERE claimed_at >= ${s}) / 3600 AS cur_median,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM claimed_at - created_at))
               FILTER (WHERE claimed_at < ${s}) / 3600 AS prev_median
      FROM requests WHERE claimed_at >= ${p} AND claimed_at < ${e}`.execute(db),
    sql<{ cur: number; prev: number }>`
      SELECT count(DISTINCT request_id) FILTER (WHERE created_at >= ${s}) AS cur,
             count(DISTINCT request_id) FILTER (WHERE created_at < ${s}) AS prev
      FROM request_events
      WHERE created_at >= ${p} AND created_at < ${e} AND to_status = 'declined'`.execute(db),
    sql<
      Record<
        'cur' | 'prev' | 'cur_people' | 'cur_avg' | 'prev_avg' | 'r1' | 'r2' | 'r3' | 'r4' | 'r5',
        number | null
      >
    >`
      SELECT count(*) FILTER (WHERE answered_at >= ${s}) AS cur,
             count(DISTINCT user_id) FILTER (WHERE answered_at >= ${s}) AS cur_people,
             count(*) FILTER (WHERE answered_at < ${s}) AS prev,
             avg(rating) FILTER (WHERE answered_at >= ${s}) AS cur_avg,
             avg(rating) FILTER (WHERE answered_at < ${s}) AS prev_avg,
             count(*) FILTER (WHERE answered_at >= ${s} AND rating = 1) AS r1,
             count(*) FILTER (WHERE answered_at >= ${s} AND rating = 2) AS r2,
             count(*) FILTER (WHERE answered_at >= ${s} AND rating = 3) AS r3,
             count(*) FILTER (WHERE answered_at >= ${s} AND rating = 4) AS r4,
             count(*) FILTER (WHERE answered_at >= ${s} AND rating = 5) AS r5
      FROM checkins
      WHERE answered_at >= ${p} AND answered_at < ${e} AND rating IS NOT NULL`.execute(db),
    sql<Record<'cur_in' | 'prev_in' | 'cur_out' | 'prev_out', number>>`
      SELECT count(*) FILTER (WHERE created_at >= ${s} AND action = ${CONSENT_ACTIONS.optIn}) AS cur_in,
             count(*) FILTER (WHERE created_at < ${s} AND action = ${CONSENT_ACTIONS.optIn}) AS prev_in,
             count(*) FILTER (WHERE created_at >= ${s} AND action = ${CONSENT_ACTIONS.optOut}) AS cur_out,
             count(*) FILTER (WHERE created_at < ${s} AND action = ${CONSENT_ACTIONS.optOut}) AS prev_out
      FROM consent_events WHERE created_at >= ${p} AND created_at < ${e}`.execute(db),
    sql<Record<'cur' | 'prev' | 'cur_yes' | 'prev_yes', number>>`
      SELECT count(*) FILTER (WHERE delivered_at >= ${s}) AS cur,
             count(*) FILTER (WHERE delivered_at < ${s}) AS prev,
             count(*) FILTER (WHERE delivered_at >= ${s} AND rsvp IN ('going', 'waitlist')) AS cur_yes,
             count(*) FILTER (WHERE delivered_at < ${s} AND rsvp IN ('going', 'waitlist')) AS prev_yes
      FROM invitation_recipients
      WHERE delivered_at >= ${p} AND delivered_at < ${e} AND delivery = 'delivered'`.execute(db),
    sql<{ cur: number; prev: number }>`
      SELECT count(*) FILTER (WHERE cur >= 2) AS cur, count(*) FILTER (WHERE prev >= 2) AS prev
      FROM (SELECT requester_id,
                   count(*) FILTER (WHERE created_at >= ${s}) AS cur,
                   count(*) FILTER (WHERE created_at < ${s}) AS prev
            FROM requests WHERE created_at >= ${p} AND created_at < ${e}
            GROUP BY requester_id) per_requester`.execute(db),
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

  const d = delivered.rows[0];
  const c = claimed.rows[0];
  const dec = declined.rows[0];
  const r = ratings.rows[0];
  const cons = consent.rows[0];
  const inv = invites.rows[0];
  const rep = repeat.rows[0];
  const answers = n(r?.cur);

  let comments: string[] = [];
  if (n(r?.cur_people) >= MIN_PEOPLE_FOR_COMMENTS) {
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
  const [history, benefits] = await longer;

  return {
    period,
    targets,
    history,
    benefits,
    current: {
      newRequests: byService.rows.reduce((sum, row) => sum + n(row.cur), 0),
      delivered: n(d?.cur),
      declined: n(dec?.cur),
      medianHoursToClaim: nullable(c?.cur_median),
      medianHoursToDeliver: nullable(d?.cur_median),
      answers,
      averageRating: nullable(r?.cur_avg),
      optIns: n(cons?.cur_in),
      optOuts: n(cons?.cur_out),
      invitationsSent: n(inv?.cur),
      rsvpYes: n(inv?.cur_yes),
      repeatRequesters: n(rep?.cur),
    },
    previous: {
      newRequests: byService.rows.reduce((sum, row) => sum + n(row.prev), 0),
      delivered: n(d?.prev),
      declined: n(dec?.prev),
      medianHoursToClaim: nullable(c?.prev_median),
      medianHoursToDeliver: nullable(d?.prev_median),
      answers: n(r?.prev),
      averageRating: nullable(r?.prev_avg),
      optIns: n(cons?.prev_in),
      optOuts: n(cons?.prev_out),
      invitationsSent: n(inv?.prev),
      rsvpYes: n(inv?.prev_yes),
      repeatRequesters: n(rep?.prev),
    },
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
    d.unclaimed === 0
  );
}
