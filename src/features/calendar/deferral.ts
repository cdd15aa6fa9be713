import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import type { WorkingCalendar } from '../../lib/working-calendar';
import { lookupPerson, type UsersInfoClient } from '../../slack/people';
import { awayOn, loadCalendar } from './service';

/**
 * Away people are left in peace: their check-ins and invitations wait until they are back —
 * deferred, never dropped — and come back one a working day from the first working day after
 * their return (at the start of their working hours), not in a burst.
 */

type GateDeps = Pick<Deps, 'db' | 'config'>;

/**
 * When the `index`-th held item (0-based) of someone back after `lastDay` is due: the start of
 * working hours, in their zone, on the (index + 1)-th working day after it.
 */
export function releaseAt(calendar: WorkingCalendar, lastDay: string, index: number, tz: string): Date {
  return calendar.openingOn(calendar.workingDayAfter(lastDay, index + 1), tz);
}

async function zoneOf(db: Database, client: UsersInfoClient, userId: string, now: Date, fallback: string) {
  try {
    return (await lookupPerson(db, client, userId, now)).tz;
  } catch {
    return fallback;
  }
}

/**
 * The invitation DM's send-time gate (before the consent check): someone away is held until
 * they are back, one held invitation a working day. Asked again when that moment comes, it
 * holds once more if they are still away (a leave extended meanwhile).
 */
export async function invitationGate(
  deps: GateDeps,
  client: UsersInfoClient,
  invitationId: number,
  userId: string,
  now: Date,
): Promise<{ defer: Date; reason: string } | undefined> {
  const { db, config } = deps;
  // One indexed lookup per DM; the calendar is read only for someone away.
  const lastDay = (await awayOn(db, [userId], localDate(now, config.calendar.timezone))).get(userId);
  if (!lastDay) return undefined;
  const mine = await db
    .selectFrom('invitation_recipients')
    .select('deferred_until')
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (mine?.deferred_until && mine.deferred_until > now) return { defer: mine.deferred_until, reason: AWAY };
  const calendar = await loadCalendar(db, config, now);
  const held = await db
    .selectFrom('invitation_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('delivery', '=', 'queued')
    .where('deferred_until', '>', now)
    .executeTakeFirstOrThrow();
  const tz = await zoneOf(db, client, userId, now, config.calendar.timezone);
  const until = releaseAt(calendar, lastDay, Number(held.n), tz);
  await db
    .updateTable('invitation_recipients')
    .set({ deferred_until: until })
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .where('delivery', '=', 'queued')
    .execute();
  return { defer: until, reason: AWAY };
}

/** Why an invitation DM waits: its recipient is away. */
const AWAY = 'away';

/**
 * Check-ins due for people away today move to the first working days after their return, one
 * a day. Called by the check-ins job before it sends; returns how many were moved.
 */
export async function deferCheckinsOfAway(
  deps: GateDeps,
  client: UsersInfoClient,
  now: Date,
): Promise<number> {
  const { db, config } = deps;
  const calendar = await loadCalendar(db, config, now);
  const today = calendar.today(now);
  const due = await db
    .selectFrom('checkins as c')
    .innerJoin('away_periods as a', 'a.user_id', 'c.user_id')
    .select(['c.id', 'c.user_id', 'a.last_day'])
    .where('c.status', '=', 'scheduled')
    .where('c.due_at', '<=', now)
    .where('a.first_day', '<=', today)
    .where('a.last_day', '>=', today)
    .orderBy('c.due_at')
    .orderBy('c.id')
    .limit(500)
    .execute();
  const counts = new Map<string, number>();
  let moved = 0;
  for (const c of due) {
    const tz = await zoneOf(db, client, c.user_id, now, config.calendar.timezone);
    const returnDay = calendar.openingOn(calendar.workingDayAfter(c.last_day, 1), tz);
    // Those already moved past the return day count: each one takes the next working day.
    let index = counts.get(c.user_id);
    if (index === undefined) {
      const already = await db
        .selectFrom('checkins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', c.user_id)
        .where('status', '=', 'scheduled')
        .where('due_at', '>=', returnDay)
        .executeTakeFirstOrThrow();
      index = Number(already.n);
    }
    counts.set(c.user_id, index + 1);
    const res = await db
      .updateTable('checkins')
      .set({ due_at: releaseAt(calendar, c.last_day, index, tz) })
      .where('id', '=', c.id)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    moved += Number(res.numUpdatedRows);
  }
  return moved;
}
