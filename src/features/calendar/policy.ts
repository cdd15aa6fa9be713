import { type Translator, translatorFor } from '../../i18n';
import type { WorkingCalendar } from '../../lib/working-calendar';
import { calendarText } from './messages';

/**
 * The calendar's pure rules: response targets, when a nudge is due, away periods, and quiet
 * after silence. The services read the facts; these decide.
 */

/** Defaults when a service sets no target of its own (working days). */
export const DEFAULT_TARGETS = { firstResponseDays: 1, deliveryDays: 10 } as const;

export interface ServiceTargets {
  first_response_days: number | null;
  delivery_days: number | null;
}

export interface RequestTargets {
  firstResponseDue: Date;
  /** Half-way to the first-response target, in working time: the suggested members' one nudge. */
  nudgeAt: Date;
  deliveryDue: Date;
}

/**
 * A request's targets, fixed when it is filed: the first response within the service's working
 * days; delivery by the needed-by date (the end of that day's working hours) or within the
 * service's delivery working days.
 */
export function requestTargets(
  calendar: WorkingCalendar,
  filedAt: Date,
  service: ServiceTargets,
  neededBy: string | null,
): RequestTargets {
  const frDays = service.first_response_days ?? DEFAULT_TARGETS.firstResponseDays;
  const hours = frDays * calendar.hoursPerDay;
  return {
    firstResponseDue: calendar.addWorkingHours(filedAt, hours),
    nudgeAt: calendar.addWorkingHours(filedAt, hours / 2),
    deliveryDue: neededBy
      ? calendar.closingOn(neededBy)
      : calendar.addWorkingDays(filedAt, service.delivery_days ?? DEFAULT_TARGETS.deliveryDays),
  };
}

export type Overdue = { target: 'first_response' | 'delivery'; due: Date } | undefined;

/** Which target a request has missed, if any: the one the triage post shows as overdue. */
export function overdueTarget(
  r: {
    status: string;
    first_response_at: Date | null;
    first_response_due: Date | null;
    delivery_due: Date | null;
  },
  now: Date,
): Overdue {
  if (r.status === 'new' && !r.first_response_at && r.first_response_due && r.first_response_due <= now)
    return { target: 'first_response', due: r.first_response_due };
  if ((r.status === 'claimed' || r.status === 'in_progress') && r.delivery_due && r.delivery_due <= now)
    return { target: 'delivery', due: r.delivery_due };
  return undefined;
}

// --- away ----------------------------------------------------------------------------------

/** Away through `lastDay` inclusive: back (and reachable) from the day after. */
export function isAwayOn(period: { first_day: string; last_day: string } | undefined, day: string): boolean {
  return period !== undefined && period.first_day <= day && day <= period.last_day;
}

export interface AwayCommand {
  /** Someone else (leads only), or undefined for oneself. */
  userId?: string;
  action: 'set' | 'clear' | 'show';
  firstDay?: string;
  lastDay?: string;
}

/**
 * `/pmo away until 2026-12-31`, `/pmo away from 2026-12-20 until 2027-01-03`,
 * `/pmo away <@U123> until …` (leads), `/pmo away back` (or `off`), `/pmo away` (show).
 */
export function parseAwayCommand(
  text: string,
  tr: Translator = translatorFor('en'),
): AwayCommand | { error: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let userId: string | undefined;
  const mention = words[0]?.match(/^<@([UW][A-Z0-9]{2,})(\|[^>]*)?>$/);
  if (mention) {
    userId = mention[1];
    words.shift();
  }
  const rest = words.join(' ').toLowerCase();
  if (rest === '') return { ...(userId ? { userId } : {}), action: 'show' };
  if (rest === 'back' || rest === 'off' || rest === 'clear')
    return { ...(userId ? { userId } : {}), action: 'clear' };
  const m = rest.match(/^(?:from (\d{4}-\d{2}-\d{2}) )?until (\d{4}-\d{2}-\d{2})$/);
  if (!m) return { error: tr.t(calendarText, 'awayUsage') };
  const [, firstDay, lastDay] = m;
  if (!isRealDay(lastDay!) || (firstDay && !isRealDay(firstDay)))
    return { error: tr.t(calendarText, 'notRealDate') };
  return {
    ...(userId ? { userId } : {}),
    action: 'set',
    ...(firstDay ? { firstDay } : {}),
    lastDay: lastDay!,
  };
}

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Why an away period is refused: a message of the calendar's catalogue. */
export type AwayProblem = 'datePassed' | 'firstAfterLast' | 'overAYear';

/** An away period must end today or later, within a year, and not start after it ends. */
export function checkAwayPeriod(today: string, firstDay: string, lastDay: string): AwayProblem | undefined {
  if (lastDay < today) return 'datePassed';
  if (firstDay > lastDay) return 'firstAfterLast';
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + 366);
  if (lastDay > limit.toISOString().slice(0, 10)) return 'overAYear';
  return undefined;
}

// --- quiet after silence ---------------------------------------------------------------------

export const SILENCE_INVITATIONS = 3;
export const SILENCE_WAIT_DAYS = 56;
export const SILENCE_CHECKINS = 2;

export type InvitationQuiet =
  | { send: true }
  /** Ask "Still interested?" now (once) and hold this invitation back. */
  | { send: false; ask: true }
  /** A question is open and not yet 8 weeks old: no invitations meanwhile. */
  | { send: false; ask: false };

/**
 * After three invitations in a row with no click, one "Still interested?" and no further
 * invitations until they answer or eight weeks pass. `recent` is the person's delivered
 * invitations since the last question was asked (or answered), newest first.
 */
export function invitationQuiet(
  recent: { clicked: boolean }[],
  openQuestionAskedAt: Date | undefined,
  now: Date,
): InvitationQuiet {
  if (openQuestionAskedAt && now.getTime() - openQuestionAskedAt.getTime() < SILENCE_WAIT_DAYS * 86_400_000)
    return { send: false, ask: false };
  const last = recent.slice(0, SILENCE_INVITATIONS);
  if (last.length === SILENCE_INVITATIONS && last.every((r) => !r.clicked)) return { send: false, ask: true };
  return { send: true };
}

/** After two unanswered check-ins in a coaching engagement, stop asking in it. */
export function checkinsSilenced(latestFirst: { status: string }[]): boolean {
  const last = latestFirst.slice(0, SILENCE_CHECKINS);
  return last.length === SILENCE_CHECKINS && last.every((c) => c.status === 'expired');
}
