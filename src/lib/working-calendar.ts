import { DateTime } from 'luxon';
import type { HolidayCalendar } from './holidays';

/**
 * The PMO's working calendar: working days and hours in a time zone, public holidays and the
 * closure days leads add. Pure (the closures are read by the service and passed in); the time
 * arithmetic is luxon's, so DST days are 23 or 25 hours long without any offset written here.
 *
 * A "working day" of a target is the length of one working day in working time: a request
 * filed on Friday at 16:00 with 09-17 hours is due a working day later on Monday at 16:00.
 */

export interface CalendarRules {
  timezone: string;
  /** [start, end) hours. */
  hours: { start: number; end: number };
  /** ISO weekdays, Monday = 1. */
  days: number[];
}

export type Closed = { why: 'weekend' } | { why: 'holiday' | 'closure'; name: string };

/** How far any search looks ahead: a calendar closed for longer than this is a configuration error. */
const MAX_DAYS = 800;

export class WorkingCalendar {
  constructor(
    readonly rules: CalendarRules,
    private readonly holidays: HolidayCalendar | undefined,
    /** Closure days ('YYYY-MM-DD') with their reasons. */
    private readonly closures: ReadonlyMap<string, string>,
  ) {}

  get hoursPerDay(): number {
    return this.rules.hours.end - this.rules.hours.start;
  }

  /** Why the PMO does not work on `day`, or undefined on a working day. */
  closedOn(day: string): Closed | undefined {
    const d = DateTime.fromISO(day, { zone: 'UTC' });
    if (!this.rules.days.includes(d.weekday)) return { why: 'weekend' };
    const holiday = this.holidays?.nameOn(day);
    if (holiday) return { why: 'holiday', name: holiday };
    const closure = this.closures.get(day);
    if (closure !== undefined) return { why: 'closure', name: closure || 'PMO closed' };
    return undefined;
  }

  isWorkingDay(day: string): boolean {
    return this.closedOn(day) === undefined;
  }

  /** Working hours on a working day, read in `zone` (a member's own time zone; default the PMO's). */
  isWorkingTime(instant: Date, zone = this.rules.timezone): boolean {
    const t = at(instant, zone);
    return (
      this.isWorkingDay(t.toISODate()!) && t.hour >= this.rules.hours.start && t.hour < this.rules.hours.end
    );
  }

  /** `instant` if it is working time in `zone`, else the start of the next working period there. */
  nextWorkingTime(instant: Date, zone = this.rules.timezone): Date {
    if (this.isWorkingTime(instant, zone)) return instant;
    let t = at(instant, zone);
    for (let i = 0; i < MAX_DAYS; i++) {
      if (this.isWorkingDay(t.toISODate()!)) {
        const open = this.opening(t);
        if (t < open) return open.toJSDate();
      }
      t = t.startOf('day').plus({ days: 1 });
    }
    throw new Error(`no working time within ${MAX_DAYS} days of ${instant.toISOString()}`);
  }

  /** `start` plus `hours` of working time, counted in the PMO's calendar and zone. */
  addWorkingHours(start: Date, hours: number): Date {
    let remaining = Math.round(hours * 60);
    let t = at(start, this.rules.timezone);
    for (let i = 0; i < MAX_DAYS; i++) {
      if (this.isWorkingDay(t.toISODate()!)) {
        const open = this.opening(t);
        const close = this.closing(t);
        const from = DateTime.max(t, open);
        if (from < close) {
          const available = close.diff(from, 'minutes').minutes;
          if (remaining <= available) return from.plus({ minutes: remaining }).toJSDate();
          remaining -= available;
        }
      }
      t = t.startOf('day').plus({ days: 1 });
    }
    throw new Error(`no working time within ${MAX_DAYS} days of ${start.toISOString()}`);
  }

  addWorkingDays(start: Date, days: number): Date {
    return this.addWorkingHours(start, days * this.hoursPerDay);
  }

  /** Working time between two instants, in hours (negative when `to` is before `from`). */
  workingHoursBetween(from: Date, to: Date): number {
    if (to < from) return -this.workingHoursBetween(to, from);
    let minutes = 0;
    let t = at(from, this.rules.timezone);
    const end = at(to, this.rules.timezone);
    for (let i = 0; i < MAX_DAYS && t < end; i++) {
      if (this.isWorkingDay(t.toISODate()!)) {
        const open = this.opening(t);
        const close = this.closing(t);
        const a = DateTime.max(t, open);
        const b = DateTime.min(end, close);
        if (a < b) minutes += b.diff(a, 'minutes').minutes;
      }
      t = t.startOf('day').plus({ days: 1 });
    }
    return minutes / 60;
  }

  /** The `n`-th working day after `day` (n = 1: the next one). */
  workingDayAfter(day: string, n = 1): string {
    let d = DateTime.fromISO(day, { zone: 'UTC' });
    let found = 0;
    for (let i = 0; i < MAX_DAYS; i++) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(d.toISODate()!) && ++found === n) return d.toISODate()!;
    }
    throw new Error(`no working day within ${MAX_DAYS} days of ${day}`);
  }

  /** When working hours open on local `day` in `zone`. */
  openingOn(day: string, zone = this.rules.timezone): Date {
    return this.opening(DateTime.fromISO(day, { zone })).toJSDate();
  }

  /** When working hours close on local `day` in `zone`. */
  closingOn(day: string, zone = this.rules.timezone): Date {
    return this.closing(DateTime.fromISO(day, { zone })).toJSDate();
  }

  /** Today's local date in `zone`. */
  today(now: Date, zone = this.rules.timezone): string {
    return at(now, zone).toISODate()!;
  }

  private opening(t: DateTime): DateTime {
    return t.startOf('day').set({ hour: this.rules.hours.start });
  }

  private closing(t: DateTime): DateTime {
    const { end } = this.rules.hours;
    return end >= 24 ? t.startOf('day').plus({ days: 1 }) : t.startOf('day').set({ hour: end });
  }
}

/**
 * A person's own working hours (the check-ins' hours and days) with no holidays or closures:
 * asked in the zone of whoever is about to be messaged.
 */
export function personalHours(rules: Omit<CalendarRules, 'timezone'>): WorkingCalendar {
  return new WorkingCalendar({ timezone: 'UTC', ...rules }, undefined, new Map());
}

/** An instant in a zone; an unknown zone (from Slack) falls back to UTC rather than failing a send. */
function at(instant: Date, zone: string): DateTime {
  const t = DateTime.fromJSDate(instant, { zone });
  return t.isValid ? t : DateTime.fromJSDate(instant, { zone: 'UTC' });
}
