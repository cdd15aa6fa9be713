import type { Button } from '@slack/types';
import { button } from '../../../slack/kit/blocks';
import { perItem, TRIAGE_IDS } from '../ids';
import type { RequestAction } from '../policy';

/**
 * The PMO's buttons for the steps the policy offers (policy.ts decides which; this only says
 * how each looks): the first is the primary one, Decline is red.
 */
const PMO_STEP: Partial<Record<RequestAction, { label: string; actionId: string }>> = {
  claim: { label: 'Claim', actionId: TRIAGE_IDS.claim },
  start: { label: 'Start', actionId: TRIAGE_IDS.start },
  deliver: { label: 'Deliver…', actionId: TRIAGE_IDS.deliver },
  assign: { label: 'Assign…', actionId: TRIAGE_IDS.assign },
  ask: { label: 'Ask a question', actionId: TRIAGE_IDS.ask },
  unclaim: { label: 'Unclaim', actionId: TRIAGE_IDS.unclaim },
  decline: { label: 'Decline', actionId: TRIAGE_IDS.decline },
};

/** `actionIdOf` makes ids unique on a surface listing many requests (Home: `triage_claim:42`). */
export function pmoStepButtons(
  requestId: number,
  steps: RequestAction[],
  actionIdOf: (actionId: string) => string = (a) => a,
): Button[] {
  return steps.flatMap((step, i) => {
    const look = PMO_STEP[step];
    if (!look) return [];
    const style = step === 'decline' ? 'danger' : i === 0 ? 'primary' : undefined;
    return [button(look.label, actionIdOf(look.actionId), String(requestId), style)];
  });
}

/** The Claim button for one request on a surface that lists several (Home, the queue, a nudge). */
export const claimButton = (requestId: number): Button =>
  pmoStepButtons(requestId, ['claim'], (a) => perItem(a, requestId))[0]!;
