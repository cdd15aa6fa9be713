import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { type Translator, translatorFor } from '../../i18n';
import { addDays } from '../../lib/calendar';
import { calendarText } from './messages';
import { type AwayPeriod, awayBetween } from './service';

/**
 * On target, for the digest and the leads' Home: of the requests first answered in the period or
 * whose first-response target passed in it unanswered, how many were answered in time; of those
 * delivered in the period or whose delivery target passed in it undelivered, how many on time.
 * Plus what is overdue now and who is away this week. Every query reads an index.
 */

export interface Rate {
  met: number;
  total: number;
}

export interface OverdueItem {
  requestId: number;
  target: 'first_response' | 'delivery';
  due: Date;
}

export interface TargetReport {
  firstResponse: Rate;
  delivery: Rate;
  overdue: OverdueItem[];
  overdueTotal: number;
  awayThisWeek: AwayPeriod[];
}

const OVERDUE_SHOWN = 10;

export async function computeTargetReport(
  db: Database,
  period: { start: Date; end: Date },
  now: Date,
  today: string,
): Promise<TargetReport> {
  const { start: s, end: e } = period;
  const [fr, del, overdueFr, overdueDel, away] = await Promise.all([
    sql<{ met: number; total: number }>`
      SELECT count(*) FILTER (WHERE first_response_at <= first_response_due) AS met, count(*) AS total
      FROM requests
      WHERE (first_response_at >= ${s} AND first_response_at < ${e} AND first_response_due IS NOT NULL)
         OR (first_response_due >= ${s} AND first_response_due < ${e}
             AND (first_response_at IS NULL OR first_response_at >= ${e}) AND status <> 'cancelled')`.execute(
      db,
    ),
    sql<{ met: number; total: number }>`
      SELECT count(*) FILTER (WHERE delivered_at <= delivery_due) AS met, count(*) AS total
      FROM requests
      WHERE (delivered_at >= ${s} AND delivered_at < ${e} AND delivery_due IS NOT NULL)
         OR (delivery_due >= ${s} AND delivery_due < ${e} AND status IN ('claimed', 'in_progress'))`.execute(
      db,
    ),
    db
      .selectFrom('requests')
      .select(['id', 'first_response_due as due', sql<number>`count(*) over ()`.as('n')])
      .where('status', '=', 'new')
      .where('first_response_at', 'is', null)
      .where('first_response_due', '<=', now)
      .orderBy('first_response_due')
      .limit(OVERDUE_SHOWN)
      .execute(),
    db
      .selectFrom('requests')
      .select(['id', 'delivery_due as due', sql<number>`count(*) over ()`.as('n')])
      .where('status', 'in', ['claimed', 'in_progress'])
      .where('delivery_due', '<=', now)
      .orderBy('delivery_due')
      .limit(OVERDUE_SHOWN)
      .execute(),
    awayBetween(db, today, addDays(today, 6)),
  ]);
  const rate = (r: { met: number; total: number } | undefined): Rate => ({
    met: Number(r?.met ?? 0),
    total: Number(r?.total ?? 0),
  });
  const overdue: OverdueItem[] = [
    ...overdueFr.map((r) => ({ requestId: r.id, target: 'first_response' as const, due: r.due! })),
    ...overdueDel.map((r) => ({ requestId: r.id, target: 'delivery' as const, due: r.due! })),
  ]
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .slice(0, OVERDUE_SHOWN);
  return {
    firstResponse: rate(fr.rows[0]),
    delivery: rate(del.rows[0]),
    overdue,
    overdueTotal: Number(overdueFr[0]?.n ?? 0) + Number(overdueDel[0]?.n ?? 0),
    awayThisWeek: away,
  };
}

/** "83% (5 of 6)", or "—" when nothing was due. */
export function rateText(r: Rate, tr: Translator = translatorFor('en')): string {
  if (r.total === 0) return '—';
  return tr.t(calendarText, 'rate', {
    percent: tr.number(r.met / r.total, { style: 'percent', maximumFractionDigits: 0 }),
    met: tr.number(r.met),
    total: tr.number(r.total),
  });
}
