import type { InvitationCap } from '../../db/schema';

/** How often a person lets the PMO invite them, across all topics: a pure rule, read at load. */
export const CAPS: Record<InvitationCap, { label: string; max: number; windowDays: number }> = {
  one_per_week: { label: 'At most one invitation a week', max: 1, windowDays: 7 },
  two_per_month: { label: 'At most two invitations a month', max: 2, windowDays: 30 },
  one_per_month: { label: 'At most one invitation a month', max: 1, windowDays: 30 },
};
export const DEFAULT_CAP: InvitationCap = 'two_per_month';
