/** Calendar dates ('YYYY-MM-DD') as people see them in their own time zone. */

import { localParts } from './zoned-time';

/** Today's date in `tz` at instant `now` (zoned-time keeps one formatter per zone). */
export function localDate(now: Date, tz: string): string {
  try {
    const { year, month, day } = localParts(now, tz);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  } catch {
    // An unknown zone from Slack must not stop a delivery: fall back to UTC.
    return now.toISOString().slice(0, 10);
  }
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
