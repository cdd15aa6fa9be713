import type { Button } from '@slack/types';
import { type Translator, translatorFor } from '../../../i18n';
import { button } from '../../../slack/kit/blocks';
import { perItem, TRIAGE_IDS } from '../ids';
import { requestsText } from '../messages';
import type { RequestAction } from '../policy';

/**
 * The PMO's buttons for the steps the policy offers (policy.ts decides which; this only says
 * how each looks): the first is the primary one, Decline is red.
 */
const PMO_STEP: Partial<
  Record<
    RequestAction,
    { label: 'claim' | 'start' | 'deliver' | 'assign' | 'ask' | 'unclaim' | 'decline'; actionId: string }
  >
> = {
  claim: { label: 'claim', actionId: TRIAGE_IDS.claim },
  start: { label: 'start', actionId: TRIAGE_IDS.start },
  deliver: { label: 'deliver', actionId: TRIAGE_IDS.deliver },
  assign: { label: 'assign', actionId: TRIAGE_IDS.assign },
  ask: { label: 'ask', actionId: TRIAGE_IDS.ask },
  unclaim: { label: 'unclaim', actionId: TRIAGE_IDS.unclaim },
  decline: { label: 'decline', actionId: TRIAGE_IDS.decline },
};

/** `actionIdOf` makes ids unique on a surface listing many requests (Home: `triage_claim:42`). */
export function pmoStepButtons(
  requestId: number,
  steps: RequestAction[],
  actionIdOf: (actionId: string) => string = (a) => a,
  tr: Translator = translatorFor('en'),
): Button[] {
  return steps.flatMap((step, i) => {
    const look = PMO_STEP[step];
    if (!look) return [];
    const style = step === 'decline' ? 'danger' : i === 0 ? 'primary' : undefined;
    return [button(tr.t(requestsText, look.label), actionIdOf(look.actionId), String(requestId), style)];
  });
}

/** The Claim button for one request on a surface that lists several (Home, the queue, a nudge). */
export const claimButton = (requestId: number, tr: Translator = translatorFor('en')): Button =>
  pmoStepButtons(requestId, ['claim'], (a) => perItem(a, requestId), tr)[0]!;
