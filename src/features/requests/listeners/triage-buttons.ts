import type { ModalView } from '@slack/types';
import type { Actor, Deps } from '../../../deps';
import type { Translator } from '../../../i18n';
import { rowId } from '../../../lib/input';
import { action, type Click } from '../../../slack/kit';
import type { RequestWithService } from '../blocks/common';
import { refusalText } from '../blocks/messages';
import { renderAskModal, renderAssignModal, renderDeclineModal, renderDeliverModal } from '../blocks/modals';
import { refreshRequestHomes } from '../homes';
import { TRIAGE_IDS } from '../ids';
import { offerLibraryToClaimer } from '../library-for-claimer';
import { claimRequest, startRequest, type TransitionResult, unclaimRequest } from '../lifecycle';
import { requestsText } from '../messages';
import { decide, type RequestAction } from '../policy';
import { getRequest } from '../service';
import { refreshTriagePost, syncTriagePost } from '../triage-post';
import { anyForm, NOT_A_MEMBER } from './common';

/**
 * The triage post's buttons (also on members' Home): the steps taken in one click (claim,
 * start, unclaim) and those that open a modal first (assign, ask, decline, deliver).
 */

type Step = (deps: Deps, requestId: number, actor: Actor) => Promise<TransitionResult>;

const directSteps: [string, RequestAction, Step, 'claimedDone' | 'startedDone' | 'unclaimedDone'][] = [
  [TRIAGE_IDS.claim, 'claim', claimRequest, 'claimedDone'],
  [TRIAGE_IDS.start, 'start', startRequest, 'startedDone'],
  [TRIAGE_IDS.unclaim, 'unclaim', unclaimRequest, 'unclaimedDone'],
];

/** After a change: the triage post in place, then the Home tabs of those concerned. */
async function afterChange(click: Click<number>, request: RequestWithService, done: string): Promise<void> {
  const { deps, client } = click;
  // On Home the note rides on the Home refresh; elsewhere it is a private reply, sent while the
  // post is redrawn (neither waits on the other).
  const onHome = click.place.kind === 'home';
  await Promise.all([refreshTriagePost(deps, client, request), onHome ? undefined : click.tell(done)]);
  await refreshRequestHomes(deps, client, request, { id: click.userId, notice: onHome ? done : undefined });
}

const stepRoutes = directSteps.map(([actionId, name, step, done]) =>
  action({
    id: anyForm(actionId),
    audience: 'members',
    refusal: NOT_A_MEMBER,
    value: rowId,
    run: async (click) => {
      // The clicker's language is looked up while the step runs (the lookup never fails: the
      // kit falls back on the PMO's language).
      const language = click.tr();
      const actor = await click.actor();
      const result = await step(click.deps, click.value, actor);
      const tr = await language;
      if (!result.ok) {
        await click.tell(refusalText(tr, result.current, click.userId));
        // A click refused because the state moved means the post may be stale (say an earlier
        // chat.update failed past its retries): repaint it, unless it already shows the truth.
        // A click refused because of who clicked says nothing about the post.
        const why = result.current ? decide(name, result.current, actor, click.deps.clock.now()) : undefined;
        if (why && !why.ok && why.reason === 'state')
          await syncTriagePost(click.deps, click.client, click.value, click.body.message?.blocks);
        return;
      }
      await afterChange(click, result.request, tr.t(requestsText, done));
      if (name === 'claim') await offerLibraryToClaimer(click.deps, result.request, result.eventId);
    },
  }),
);

const triageModals: [
  string,
  (tr: Translator, r: RequestWithService, meta: unknown) => ModalView,
  RequestAction,
][] = [
  [TRIAGE_IDS.assign, renderAssignModal, 'assign'],
  [TRIAGE_IDS.ask, renderAskModal, 'ask'],
  [TRIAGE_IDS.decline, renderDeclineModal, 'decline'],
  [TRIAGE_IDS.deliver, renderDeliverModal, 'deliver'],
];

/** Opens a triage modal only if the policy lets this member take that step now. */
const modalRoutes = triageModals.map(([actionId, render, step]) =>
  action({
    id: anyForm(actionId),
    audience: 'members',
    refusal: NOT_A_MEMBER,
    value: rowId,
    run: async (click) => {
      const { deps } = click;
      const [r, actor, tr] = await Promise.all([getRequest(deps.db, click.value), click.actor(), click.tr()]);
      if (!r || !decide(step, r, actor, deps.clock.now()).ok)
        return click.tell(refusalText(tr, r, click.userId));
      await click.client.views.open({
        trigger_id: click.triggerId,
        view: render(tr, r, { requestId: r.id }),
      });
    },
  }),
);

export const triageButtons = [...stepRoutes, ...modalRoutes];
