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
import { TRIAGE_IDS } from '../ids';
import { refreshTriagePost, syncTriagePost } from '../request-triage-post';
import { requestIdOf, tellClicker } from './respond';

/**
 * The triage post's buttons. Only PMO members act; anyone else is told so privately and
 * nothing changes. Direct steps (claim, start, unclaim) are one conditional update each;
 * the others open a modal first.
 */

type StepFn = (deps: Deps, requestId: number, actor: string) => Promise<TransitionResult>;

const NOT_A_MEMBER =
  'Only PMO members can act on triage posts. If you would like to help with this request, ask a PMO lead to add you with `/pmo team`.';

export function registerTriageActions(app: App, deps: Deps): void {
  const direct: [string, StepFn, string][] = [
    [TRIAGE_IDS.claim, claimRequest, 'You claimed it — the requester has been told.'],
    [TRIAGE_IDS.start, startRequest, 'Marked in progress — the requester has been told.'],
    [TRIAGE_IDS.unclaim, unclaimRequest, 'Unclaimed: it is back in the queue.'],
  ];
  for (const [actionId, step, done] of direct) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const actor = body.user.id;
      const requestId = requestIdOf(action.value);
      if (requestId === undefined) return;
      if (!(await isMember(deps.db, deps.config, actor))) return tellClicker(respond, NOT_A_MEMBER);
      const result = await step(deps, requestId, actor);
      if (!result.ok) {
        await tellClicker(respond, refusalText(result.current, actor));
        // A click refused because the state moved means the post may be stale (say an earlier
        // chat.update failed past its retries): repaint it, unless it already shows the truth.
        await syncTriagePost(deps, client, requestId, body.message?.blocks);
        return;
      }
      await refreshTriagePost(deps, client, requestId);
      await tellClicker(respond, done);
    });
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
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const actor = body.user.id;
      const requestId = requestIdOf(action.value);
      if (requestId === undefined) return;
      if (!(await isMember(deps.db, deps.config, actor))) return tellClicker(respond, NOT_A_MEMBER);
      const r = await getRequest(deps.db, requestId);
      if (!r || !applies(r)) {
        await tellClicker(respond, refusalText(r, actor));
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: render(r, { requestId }),
      });
    });
  }
}
