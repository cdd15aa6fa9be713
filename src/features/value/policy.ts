import { isWorkingTime, type WorkingHours } from '../../lib/zoned-time';

/**
 * "You said, we did" rules, pure. The DM reaches a person in their own working hours (the
 * check-ins' CHECKIN_HOURS / CHECKIN_DAYS), and only someone who has not opted out of everything.
 */

/** The first instant at or after `now` inside working hours in `timeZone` (hour by hour, ≤ 8 days). */
export function nextWorkingTime(now: Date, timeZone: string, working: WorkingHours): Date {
  if (isWorkingTime(now, timeZone, working)) return now;
  const hour = 3_600_000;
  const top = Math.floor(now.getTime() / hour) * hour;
  for (let h = 1; h <= 24 * 8; h++) {
    const at = new Date(top + h * hour);
    if (isWorkingTime(at, timeZone, working)) return at;
  }
  // No working hour in a week (an impossible configuration): do not hold the message forever.
  return now;
}

/**
 * Consent: a person who opted out of every topic they had (consent rows, none on) opted out of
 * everything and is not written to; someone who never opted in to anything, or is still in at
 * least one topic, gets the one DM about the feedback they gave.
 */
export function optedOutOfEverything(consents: { opted_in: boolean }[]): boolean {
  return consents.length > 0 && consents.every((c) => !c.opted_in);
}

/** The service's comments are shown only once this many different people gave feedback on it. */
export const MIN_PEOPLE_FOR_FEEDBACK = 3;
