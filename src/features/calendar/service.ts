import { sql } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { addDays } from '../../lib/calendar';
import { type HolidayCalendar, holidayCalendar } from '../../lib/holidays';
import { WorkingCalendar } from '../../lib/working-calendar';
import { type AwayProblem, checkAwayPeriod, type RequestTargets, requestTargets } from './policy';

/**
 * The working calendar with its closure days (from the database), the closures leads manage,
 * and time away. Services elsewhere ask here: "is this person away?", "what are this request's
 * targets?".
 */

const holidayCache = new Map<string, HolidayCalendar>();
function holidaysFor(code: string | undefined): HolidayCalendar | undefined {
  if (!code) return undefined;
  let h = holidayCache.get(code);
  if (!h) {
    h = holidayCalendar(code);
    holidayCache.set(code, h);
  }
  return h;
}

type CalendarConfig = Pick<Config, 'calendar'>;

/** The calendar as it stands: closures from a year back to two years ahead (a small table). */
export async function loadCalendar(
  db: Database,
  config: CalendarConfig,
  now: Date,
): Promise<WorkingCalendar> {
  const from = addDays(now.toISOString().slice(0, 10), -400);
  const rows = await db
    .selectFrom('pmo_closures')
    .select(['day', 'reason'])
    .where('day', '>=', from)
    .execute();
  const { timezone, hours, days, holidays } = config.calendar;
  return new WorkingCalendar(
    { timezone, hours, days },
    holidaysFor(holidays),
    new Map(rows.map((r) => [r.day, r.reason])),
  );
}

/** The targets of a request filed now for `serviceId`. */
export async function targetsForNewRequest(
  db: Database,
  config: CalendarConfig,
  input: { serviceId: number; neededBy: string | null; filedAt: Date },
): Promise<RequestTargets> {
  const calendar = await loadCalendar(db, config, input.filedAt);
  const service = await db
    .selectFrom('services')
    .select(['first_response_days', 'delivery_days'])
    .where('id', '=', input.serviceId)
    .executeTakeFirstOrThrow();
  return requestTargets(calendar, input.filedAt, service, input.neededBy);
}

// --- closures ----------------------------------------------------------------------------------

export async function addClosure(
  db: Database,
  day: string,
  reason: string,
  addedBy: string,
): Promise<boolean> {
  const res = await db
    .insertInto('pmo_closures')
    .values({ day, reason, added_by: addedBy })
    .onConflict((oc) => oc.column('day').doUpdateSet({ reason, added_by: addedBy }))
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeClosure(db: Database, day: string): Promise<boolean> {
  const res = await db.deleteFrom('pmo_closures').where('day', '=', day).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export interface DayOff {
  day: string;
  name: string;
  why: 'holiday' | 'closure';
}

/** The public holidays and closures from `today` on, for `/pmo calendar`. */
export async function upcomingDaysOff(
  db: Database,
  config: CalendarConfig,
  today: string,
  limit = 10,
): Promise<DayOff[]> {
  const closures = await db
    .selectFrom('pmo_closures')
    .select(['day', 'reason'])
    .where('day', '>=', today)
    .orderBy('day')
    .limit(limit)
    .execute();
  // A closure without a reason has no name: the view says "PMO closed" in the reader's language.
  const out: DayOff[] = closures.map((c) => ({ day: c.day, name: c.reason, why: 'closure' }));
  const holidays = holidaysFor(config.calendar.holidays);
  if (holidays) {
    const year = Number(today.slice(0, 4));
    for (const y of [year, year + 1])
      for (const [day, name] of holidays.ofYear(y)) if (day >= today) out.push({ day, name, why: 'holiday' });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)).slice(0, limit);
}

// --- away ----------------------------------------------------------------------------------------

export interface AwayPeriod {
  userId: string;
  firstDay: string;
  lastDay: string;
  setBy: string;
}

export type SetAwayResult = { ok: true; period: AwayPeriod } | { ok: false; error: AwayProblem };

/** One period per person: setting a new one replaces the old. */
export async function setAway(
  db: Database,
  input: { userId: string; firstDay: string; lastDay: string; setBy: string; today: string },
): Promise<SetAwayResult> {
  const error = checkAwayPeriod(input.today, input.firstDay, input.lastDay);
  if (error) return { ok: false, error };
  await db
    .insertInto('away_periods')
    .values({
      user_id: input.userId,
      first_day: input.firstDay,
      last_day: input.lastDay,
      set_by: input.setBy,
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        first_day: input.firstDay,
        last_day: input.lastDay,
        set_by: input.setBy,
        created_at: sql<Date>`now()`,
      }),
    )
    .execute();
  return {
    ok: true,
    period: { userId: input.userId, firstDay: input.firstDay, lastDay: input.lastDay, setBy: input.setBy },
  };
}

export async function clearAway(db: Database, userId: string): Promise<boolean> {
  const res = await db.deleteFrom('away_periods').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** A person's current or coming away period (one that has not ended before `today`). */
export async function awayPeriodOf(
  db: Database,
  userId: string,
  today: string,
): Promise<AwayPeriod | undefined> {
  const row = await db
    .selectFrom('away_periods')
    .selectAll()
    .where('user_id', '=', userId)
    .where('last_day', '>=', today)
    .executeTakeFirst();
  return row
    ? { userId: row.user_id, firstDay: row.first_day, lastDay: row.last_day, setBy: row.set_by }
    : undefined;
}

/** Of `userIds`, who is away on `day` (with the last day of their period). */
export async function awayOn(db: Database, userIds: string[], day: string): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('away_periods')
    .select(['user_id', 'last_day'])
    .where('user_id', 'in', userIds)
    .where('first_day', '<=', day)
    .where('last_day', '>=', day)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.last_day]));
}

/** Everyone away at some point between `from` and `to` (inclusive days), for the digest and Home. */
export async function awayBetween(db: Database, from: string, to: string): Promise<AwayPeriod[]> {
  const rows = await db
    .selectFrom('away_periods')
    .selectAll()
    .where('last_day', '>=', from)
    .where('first_day', '<=', to)
    .orderBy('last_day')
    .orderBy('user_id')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    firstDay: r.first_day,
    lastDay: r.last_day,
    setBy: r.set_by,
  }));
}
