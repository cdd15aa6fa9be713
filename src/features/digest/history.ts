import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/client';
import { addDays, localDate, startOfLocalDay } from '../../lib/calendar';

/**
 * The last 8 digest periods, week by week: what the chart draws, what each digest figure is
 * compared with ("against the 8-week median") and the digest's own figures. A week is 7 whole
 * local days in the PMO's time zone, ending where the digest's period ends, so the last week
 * *is* the digest's period and the one before it the previous period: they are computed here
 * once. Each figure is one grouped query over an indexed timestamp range (56 days), not eight.
 */

export const HISTORY_WEEKS = 8;

/** consent_events.action values counted as opt-ins and opt-outs. */
export const CONSENT_ACTIONS = { optIn: 'opt_in', optOut: 'opt_out' } as const;

/** One week's figures; the digest's current and previous periods are the last two weeks. */
export interface PeriodFigures {
  newRequests: number;
  delivered: number;
  declined: number;
  /** Hours; null when nothing was claimed / delivered in the week. */
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

export interface WeekFigures extends PeriodFigures {
  /** The week's first local day, 'YYYY-MM-DD'. */
  firstDay: string;
}

export interface DigestHistory {
  /** Oldest first; the last is the digest's period, the one before it the previous period. */
  weeks: WeekFigures[];
  /** Over the whole 8 weeks (every claim / delivery in them), in hours. */
  medianHoursToClaim: number | null;
  medianHoursToDeliver: number | null;
}

/** The 9 instants that bound the 8 weeks ending at the local midnight that starts `now`'s day. */
export function historyBounds(now: Date, timeZone: string): { bounds: Date[]; firstDays: string[] } {
  const today = localDate(now, timeZone);
  const bounds: Date[] = [];
  const firstDays: string[] = [];
  for (let k = HISTORY_WEEKS; k >= 0; k--) {
    const day = addDays(today, -7 * k);
    bounds.push(startOfLocalDay(day, timeZone));
    if (k > 0) firstDays.push(day);
  }
  return { bounds, firstDays };
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Which week (0 = oldest) an instant in the window falls in: newest bound first, one CASE. */
function week(column: string, bounds: Date[]): RawBuilder<number> {
  const ref = sql.ref(column);
  const whens = [];
  for (let k = HISTORY_WEEKS - 1; k >= 1; k--)
    whens.push(sql`WHEN ${ref} >= ${bounds[k]} THEN ${sql.lit(k)}`);
  return sql<number>`CASE ${sql.join(whens, sql` `)} ELSE 0 END`;
}

const n = (v: unknown): number => Number(v ?? 0);

export async function computeHistory(db: Database, now: Date, timeZone: string): Promise<DigestHistory> {
  const { bounds, firstDays } = historyBounds(now, timeZone);
  const from = bounds[0] as Date;
  const to = bounds[HISTORY_WEEKS] as Date;

  /** Per week, the median hours from filing to `column` (claimed, delivered). */
  const weeklyMedians = (column: 'claimed_at' | 'delivered_at') =>
    sql<{ w: number; m: number | null }>`
      SELECT w, percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) / 3600 AS m
      FROM (SELECT ${week(column, bounds)} AS w, extract(epoch FROM ${sql.ref(column)} - created_at) AS secs
            FROM requests WHERE ${sql.ref(column)} >= ${from} AND ${sql.ref(column)} < ${to}) timed
      GROUP BY w`.execute(db);

  const [created, delivered, declined, ratings, consent, invites, repeat, medians, toClaim, toDeliver] =
    await Promise.all([
      sql<{ w: number; n: number }>`
      SELECT ${week('created_at', bounds)} AS w, count(*) AS n
      FROM requests WHERE created_at >= ${from} AND created_at < ${to} GROUP BY 1`.execute(db),
      sql<{ w: number; n: number }>`
      SELECT ${week('delivered_at', bounds)} AS w, count(*) AS n
      FROM requests WHERE delivered_at >= ${from} AND delivered_at < ${to} GROUP BY 1`.execute(db),
      sql<{ w: number; n: number }>`
      SELECT ${week('created_at', bounds)} AS w, count(DISTINCT request_id) AS n
      FROM request_events
      WHERE created_at >= ${from} AND created_at < ${to} AND to_status = 'declined' GROUP BY 1`.execute(db),
      sql<{ w: number; n: number; avg: number | null }>`
      SELECT ${week('answered_at', bounds)} AS w, count(*) AS n, avg(rating) AS avg
      FROM checkins
      WHERE answered_at >= ${from} AND answered_at < ${to} AND rating IS NOT NULL GROUP BY 1`.execute(db),
      sql<{ w: number; ins: number; outs: number }>`
      SELECT ${week('created_at', bounds)} AS w,
             count(*) FILTER (WHERE action = ${CONSENT_ACTIONS.optIn}) AS ins,
             count(*) FILTER (WHERE action = ${CONSENT_ACTIONS.optOut}) AS outs
      FROM consent_events WHERE created_at >= ${from} AND created_at < ${to} GROUP BY 1`.execute(db),
      sql<{ w: number; n: number; yes: number }>`
      SELECT ${week('delivered_at', bounds)} AS w, count(*) AS n,
             count(*) FILTER (WHERE rsvp IN ('going', 'waitlist')) AS yes
      FROM invitation_recipients
      WHERE delivered_at >= ${from} AND delivered_at < ${to} AND delivery = 'delivered' GROUP BY 1`.execute(
        db,
      ),
      sql<{ w: number; n: number }>`
      SELECT w, count(*) FILTER (WHERE per >= 2) AS n
      FROM (SELECT requester_id, ${week('created_at', bounds)} AS w, count(*) AS per
            FROM requests WHERE created_at >= ${from} AND created_at < ${to}
            GROUP BY 1, 2) per_requester
      GROUP BY w`.execute(db),
      sql<{ claim: number | null; deliver: number | null }>`
      SELECT
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM claimed_at - created_at)) / 3600
         FROM requests WHERE claimed_at >= ${from} AND claimed_at < ${to}) AS claim,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) / 3600
         FROM requests WHERE delivered_at >= ${from} AND delivered_at < ${to}) AS deliver`.execute(db),
      weeklyMedians('claimed_at'),
      weeklyMedians('delivered_at'),
    ]);

  const weeks: WeekFigures[] = firstDays.map((firstDay) => ({
    firstDay,
    newRequests: 0,
    delivered: 0,
    declined: 0,
    medianHoursToClaim: null,
    medianHoursToDeliver: null,
    answers: 0,
    averageRating: null,
    optIns: 0,
    optOuts: 0,
    invitationsSent: 0,
    rsvpYes: 0,
    repeatRequesters: 0,
  }));
  const at = (w: unknown) => weeks[n(w)] as WeekFigures;
  for (const r of created.rows) at(r.w).newRequests = n(r.n);
  for (const r of delivered.rows) at(r.w).delivered = n(r.n);
  for (const r of declined.rows) at(r.w).declined = n(r.n);
  for (const r of ratings.rows) {
    at(r.w).answers = n(r.n);
    at(r.w).averageRating = r.avg === null ? null : Number(r.avg);
  }
  for (const r of consent.rows) {
    at(r.w).optIns = n(r.ins);
    at(r.w).optOuts = n(r.outs);
  }
  for (const r of invites.rows) {
    at(r.w).invitationsSent = n(r.n);
    at(r.w).rsvpYes = n(r.yes);
  }
  for (const r of repeat.rows) at(r.w).repeatRequesters = n(r.n);
  for (const r of toClaim.rows) at(r.w).medianHoursToClaim = r.m === null ? null : Number(r.m);
  for (const r of toDeliver.rows) at(r.w).medianHoursToDeliver = r.m === null ? null : Number(r.m);
  const m = medians.rows[0];
  return {
    weeks,
    medianHoursToClaim: m?.claim === null || m?.claim === undefined ? null : Number(m.claim),
    medianHoursToDeliver: m?.deliver === null || m?.deliver === undefined ? null : Number(m.deliver),
  };
}

/** The digest's period (the last week) and the one before it, without their first days. */
export function lastTwoWeeks(h: DigestHistory): { current: PeriodFigures; previous: PeriodFigures } {
  const figures = ({ firstDay: _firstDay, ...week }: WeekFigures): PeriodFigures => week;
  return {
    current: figures(h.weeks[HISTORY_WEEKS - 1] as WeekFigures),
    previous: figures(h.weeks[HISTORY_WEEKS - 2] as WeekFigures),
  };
}

/** A figure's 8-week median, over the weeks' values (weeks without a value are left out). */
export function weeklyMedian(h: DigestHistory, figure: (w: WeekFigures) => number | null): number | null {
  return median(h.weeks.map(figure).filter((v): v is number => v !== null));
}
