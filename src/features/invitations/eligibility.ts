import type { InvitationCap } from '../../db/schema';
import { localDate } from '../../lib/calendar';
import { CAPS } from '../consent';

/**
 * May this person receive an invitation now? The one rule of "invitation, never mandate", used
 * by the audience preview (what the member is told it will reach) and by the send-time check
 * (what decides): consent, deactivation, pause and cap, each judged in the recipient's own
 * calendar. Pure: the callers read the facts, this decides.
 */

export interface EligibilityFacts {
  /** Opted in to a (not retired) topic of the invitation. */
  consented: boolean;
  deactivated: boolean;
  /** Paused until this local day ('YYYY-MM-DD'); invited again from that day on. */
  pausedUntil: string | null;
  cap: InvitationCap;
  /** When each other invitation counted against the cap was reserved or delivered. */
  reservations: Date[];
}

export type Ineligible = 'deactivated' | 'no_consent' | 'paused' | 'cap';
export type Eligibility = { ok: true } | { ok: false; reason: Ineligible };

const DAY_MS = 86_400_000;

/** How many invitations in the cap's window: those reserved after `now - window` (the edge itself is out). */
export function usedOfCap(cap: InvitationCap, reservations: Date[], now: Date): number {
  const since = now.getTime() - CAPS[cap].windowDays * DAY_MS;
  return reservations.filter((r) => r.getTime() > since).length;
}

/** `tz` is the recipient's time zone: a pause ends at the start of their day, not the PMO's. */
export function eligibility(f: EligibilityFacts, now: Date, tz: string): Eligibility {
  if (f.deactivated) return { ok: false, reason: 'deactivated' };
  if (!f.consented) return { ok: false, reason: 'no_consent' };
  if (f.pausedUntil && f.pausedUntil > localDate(now, tz)) return { ok: false, reason: 'paused' };
  if (usedOfCap(f.cap, f.reservations, now) >= CAPS[f.cap].max) return { ok: false, reason: 'cap' };
  return { ok: true };
}

/** The longest cap window: how far back reservations can matter. */
export const LONGEST_CAP_WINDOW_MS = Math.max(...Object.values(CAPS).map((c) => c.windowDays)) * DAY_MS;
