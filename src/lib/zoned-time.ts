/**
 * Wall-clock arithmetic in an IANA time zone, with Intl only (no date library). Everything
 * scheduled "in someone's local time" goes through here so DST changes are handled in one place.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  isoWeekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar and clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    isoWeekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in winter: +3,600,000). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/**
 * The instant local midnight starts on the given calendar day in `timeZone`. Days are 23 or
 * 25 hours long across DST changes, so a "7-day period" is measured in calendar days.
 */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  let t = guess - offsetMs(new Date(guess), timeZone);
  // A second pass corrects the guess when the offset at midnight differs from the first one.
  t = guess - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** Calendar arithmetic on a local date (handles month and year ends). */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(date: { year: number; month: number; day: number }): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export interface WorkingHours {
  hours: { start: number; end: number };
  /** ISO weekdays. */
  days: number[];
}

/** Whether `instant` falls inside working hours [start, end) on a working day, in `timeZone`. */
export function isWorkingTime(instant: Date, timeZone: string, working: WorkingHours): boolean {
  const p = localParts(instant, timeZone);
  return working.days.includes(p.isoWeekday) && p.hour >= working.hours.start && p.hour < working.hours.end;
}
