/**
 * Calendar dates ('YYYY-MM-DD') as people see them in their own time zone. The time-zone
 * arithmetic is luxon's, as in the working calendar: one library decides what a local day is.
 */

import { DateTime } from 'luxon';

/** Today's date in `tz` at instant `now`; an unknown zone (from Slack) reads as UTC rather than failing a delivery. */
export function localDate(now: Date, tz: string): string {
  const t = DateTime.fromJSDate(now, { zone: tz });
  return (t.isValid ? t : DateTime.fromJSDate(now, { zone: 'UTC' })).toISODate() as string;
}

/**
 * The instant local midnight starts `day` in `tz`. Days are 23 or 25 hours long across DST
 * changes, so a "7-day period" is measured in calendar days, never in 168 hours.
 */
export function startOfLocalDay(day: string, tz: string): Date {
  const t = DateTime.fromISO(day, { zone: tz });
  return (t.isValid ? t : DateTime.fromISO(day, { zone: 'UTC' })).startOf('day').toJSDate();
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Tue 8 Dec 2026" — dates in messages read better than ISO strings. */
const MESSAGE_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

export function formatDate(date: string): string {
  return MESSAGE_DATE.format(new Date(`${date}T00:00:00Z`));
}
