/**
 * Who may do what with a coaching engagement — the one place it is written. The coach it was
 * proposed to accepts or passes, once, while it is proposed; either side may end it while it is
 * open. The service turns each rule into its conditional UPDATE and, when a click is refused,
 * asks this which answer the clicker gets (without telling a stranger anything).
 */

export type { EngagementStatus } from '../../db/enums';
export type CoachingAction = 'accept' | 'pass' | 'end';

export interface EngagementFacts {
  status: string;
  coachee_id: string;
  coach_id: string | null;
  proposed_to: string | null;
  passed_by: string[];
}

/** Why a click changed nothing, as the clicker is told. */
export type CoachingRefusal =
  /** Never theirs: nothing about the engagement is said. */
  | 'not_yours'
  /** This coach already accepted it, or already passed. */
  | 'accepted'
  | 'passed'
  /** Theirs, but no longer open (ended, matched elsewhere, closed unmatched). */
  | 'closed';

export type CoachingDecision = { ok: true } | { ok: false; refusal: CoachingRefusal };

const OPEN: string[] = ['proposed', 'active'];

export function decideCoaching(
  action: CoachingAction,
  e: EngagementFacts | undefined,
  userId: string,
): CoachingDecision {
  if (!e) return { ok: false, refusal: 'not_yours' };
  if (action === 'end') {
    if (e.coachee_id !== userId && e.coach_id !== userId) return { ok: false, refusal: 'not_yours' };
    return OPEN.includes(e.status) ? { ok: true } : { ok: false, refusal: 'closed' };
  }
  if (e.status === 'proposed' && e.proposed_to === userId) return { ok: true };
  if (e.coach_id === userId && e.status === 'active') return { ok: false, refusal: 'accepted' };
  if (e.passed_by.includes(userId)) return { ok: false, refusal: 'passed' };
  if (e.proposed_to === userId || e.coach_id === userId) return { ok: false, refusal: 'closed' };
  return { ok: false, refusal: 'not_yours' };
}
