import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Deps } from '../../deps';
import { isMember } from '../../services/people';
import {
  claimRequest,
  startRequest,
  type TransitionResult,
  unclaimRequest,
} from '../../services/request-lifecycle';
import { getRequest } from '../../services/requests';
import type { RequestWithService } from '../../views/request-common';
import {
  renderAskModal,
  renderAssignModal,
  renderDeclineModal,
  renderDeliverModal,
} from '../../views/request-forms';
import { refusalText } from '../../views/request-messages';
import { clickedOnHome, refreshRequestHomes, tellWhereClicked } from '../home-publisher';
import { perItemPattern, TRIAGE_IDS } from '../ids';
import { refreshTriagePost, syncTriagePost } from '../request-triage-post';
import { requestIdOf } from './respond';

/**
 * The triage post's buttons. Only PMO members act; anyone else is told so privately and
 * nothing changes. Direct steps (claim, start, unclaim) are one conditional update each;
 * the others open a modal first.
 *
 * The same buttons appear on members' Home tabs as `<action id>:<request id>` (ids must be
 * unique on a surface); each listener answers both forms. A click on Home has no
 * response_url: the clicker is told by re-publishing Home with a note (tellWhereClicked).
 */

type StepFn = (deps: Deps, requestId: number, actor: string) => Promise<TransitionResult>;

const NOT_A_MEMBER =
  'Only PMO members can act on triage posts. If you would like to help with this request, ask a PMO lead to add you with `/pmo team`.';

/** `triage_claim` (the triage post) or `triage_claim:<id>` (Home). */
const anyForm = (actionId: string): RegExp => new RegExp(`^${actionId}$|${perItemPattern(actionId).source}`);

export function registerTriageActions(app: App, deps: Deps): void {
  const direct: [string, StepFn, string][] = [
    [TRIAGE_IDS.claim, claimRequest, 'You claimed it — the requester has been told.'],
    [TRIAGE_IDS.start, startRequest, 'Marked in progress — the requester has been told.'],
    [TRIAGE_IDS.unclaim, unclaimRequest, 'Unclaimed: it is back in the queue.'],
  ];
  for (const [actionId, step, done] of direct) {
    app.action<BlockAction<ButtonAction>>(
      anyForm(actionId),
      async ({ ack, body, action, respond, client }) => {
        await ack();
        const tell = (text: string) => tellWhereClicked(deps, client, body, respond, text);
        const actor = body.user.id;
        const requestId = requestIdOf(action.value);
        if (requestId === undefined) return;
        if (!(await isMember(deps.db, deps.config, actor))) return tell(NOT_A_MEMBER);
        const result = await step(deps, requestId, actor);
        if (!result.ok) {
          await tell(refusalText(result.current, actor));
          // A click refused because the state moved means the post may be stale (say an earlier
          // chat.update failed past its retries): repaint it, unless it already shows the truth.
          await syncTriagePost(deps, client, requestId, body.message?.blocks);
          return;
        }
        await refreshTriagePost(deps, client, requestId);
        // On Home, the note rides on the Home refresh; elsewhere it is an ephemeral reply.
        const onHome = clickedOnHome(body);
        if (!onHome) await tell(done);
        // The member's and the requester's Home tabs, if they have one (debounced per person).
        await refreshRequestHomes(deps, client, requestId, { id: actor, notice: onHome ? done : undefined });
      },
    );
  }

  const modals: [
    string,
    (r: RequestWithService, meta: unknown) => ModalView,
    (r: RequestWithService) => boolean,
  ][] = [
    [TRIAGE_IDS.assign, renderAssignModal, (r) => r.status === 'new' || r.status === 'claimed'],
    [
      TRIAGE_IDS.ask,
      renderAskModal,
      (r) => ['new', 'claimed', 'in_progress', 'delivered'].includes(r.status),
    ],
    [TRIAGE_IDS.decline, renderDeclineModal, (r) => ['new', 'claimed', 'in_progress'].includes(r.status)],
    [TRIAGE_IDS.deliver, renderDeliverModal, (r) => r.status === 'claimed' || r.status === 'in_progress'],
  ];
  for (const [actionId, render, applies] of modals) {
    app.action<BlockAction<ButtonAction>>(
      anyForm(actionId),
      async ({ ack, body, action, respond, client }) => {
        await ack();
        const tell = (text: string) => tellWhereClicked(deps, client, body, respond, text);
        const actor = body.user.id;
        const requestId = requestIdOf(action.value);
        if (requestId === undefined) return;
        if (!(await isMember(deps.db, deps.config, actor))) return tell(NOT_A_MEMBER);
        const r = await getRequest(deps.db, requestId);
        if (!r || !applies(r)) {
          await tell(refusalText(r, actor));
          return;
        }
        await client.views.open({
          trigger_id: body.trigger_id,
          view: render(r, { requestId }),
        });
      },
    );
  }
}
