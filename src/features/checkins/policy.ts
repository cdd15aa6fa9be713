/**
 * Who may answer a check-in, and when — the one place it is written. Only the person asked
 * answers, once, while the question is open: a rating for a delivery or coaching check-in, the
 * optional comments once rated, the outcome tags of a follow-up. The service's conditional
 * UPDATEs use these same kinds and statuses; a refused answer is named here.
 */

import type { CheckinStatus } from '../../db/schema';

export type CheckinAction = 'rate' | 'details' | 'followup';
export type CheckinKind = 'delivery' | 'coaching' | 'followup';

export interface CheckinRule {
  kinds: CheckinKind[];
  /** The statuses in which the answer is taken. */
  open: CheckinStatus[];
}

export const CHECKIN_RULES: Record<CheckinAction, CheckinRule> = {
  rate: { kinds: ['delivery', 'coaching'], open: ['sent', 'reminded'] },
  // The comments come after the rating, in the modal it opens.
  details: { kinds: ['delivery', 'coaching'], open: ['answered'] },
  followup: { kinds: ['followup'], open: ['sent', 'reminded'] },
};

export interface CheckinFacts {
  user_id: string;
  kind: string;
  status: string;
}

export type CheckinRefusal = 'not_yours' | 'already' | 'closed';
export type CheckinDecision = { ok: true } | { ok: false; refusal: CheckinRefusal };

export function decideCheckin(
  action: CheckinAction,
  c: CheckinFacts | undefined,
  userId: string,
): CheckinDecision {
  const rule = CHECKIN_RULES[action];
  // Someone else's question (or another kind of question) says nothing about itself.
  if (!c || c.user_id !== userId || !(rule.kinds as string[]).includes(c.kind))
    return { ok: false, refusal: 'not_yours' };
  if ((rule.open as string[]).includes(c.status)) return { ok: true };
  return { ok: false, refusal: c.status === 'answered' ? 'already' : 'closed' };
}
