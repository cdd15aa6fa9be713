/** Calendar dates ('YYYY-MM-DD') as people see them in their own time zone. */

// Building an Intl.DateTimeFormat costs far more than formatting with one (it showed in the
// ack benchmark's profile), so one per zone is kept.
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

function dateFormat(tz: string): Intl.DateTimeFormat | null {
  let f = dateFormats.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      f = null;
    }
    dateFormats.set(tz, f);
  }
  return f;
}

/** Today's date in `tz` at instant `now`. */
export function localDate(now: Date, tz: string): string {
  // An unknown zone from Slack must not stop a delivery: fall back to UTC.
  return dateFormat(tz)?.format(now) ?? now.toISOString().slice(0, 10);
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
