import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Deps } from '../../deps';
import {
  cancelRequest,
  closeRequest,
  REOPEN_WINDOW_DAYS,
  reopenRequest,
} from '../../services/request-lifecycle';
import { getQuestion, getRequest, listMyRequests } from '../../services/requests';
import { OPEN_STATUSES, reference } from '../../views/request-common';
import { renderEditModal, renderReplyModal } from '../../views/request-forms';
import { refusalText } from '../../views/request-messages';
import { renderMyRequests } from '../../views/request-status';
import { clickedOnHome, refreshRequestHomes, tellWhereClicked } from '../home-publisher';
import { REQUEST_IDS, STATUS_IDS } from '../ids';
import { refreshTriagePost } from '../request-triage-post';
import { requestIdOf, tellClicker } from './respond';

/**
 * The requester's buttons, in their DMs (request_*) and in the `/pmo status` list
 * (status_*:<id>). Each re-checks that the clicker is the requester and the state allows it.
 * In the status list the list itself is redrawn; in a DM the clicker gets a private note.
 * The status list's buttons (status_*:<id>) are on the Home tab too: there Home is
 * re-published with the note on top, as Home has no response_url.
 */

const NOT_YOURS = 'Only the person who sent this request can do that.';

export function registerRequesterActions(app: App, deps: Deps): void {
  const afterChange = async (
    respond: RespondFn,
    fromStatusList: boolean,
    actor: string,
    note: string,
  ): Promise<void> => {
    if (fromStatusList) {
      const mine = await listMyRequests(deps.db, actor);
      const list = renderMyRequests(mine, deps.clock.now(), deps.config.pmo.command);
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        text: `${note} ${list.text}`,
        blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: note }] }, ...list.blocks],
      });
      return;
    }
    await tellClicker(respond, note);
  };

  const steps = [
    {
      ids: [REQUEST_IDS.cancel, STATUS_IDS.cancel],
      run: cancelRequest,
      done: (ref: string) => `${ref} is cancelled. Thank you for letting us know.`,
    },
    {
      ids: [REQUEST_IDS.close, STATUS_IDS.close],
      run: closeRequest,
      done: (ref: string) => `${ref} is closed. Thank you!`,
    },
    {
      ids: [REQUEST_IDS.reopen, STATUS_IDS.reopen],
      run: reopenRequest,
      done: (ref: string) => `${ref} is reopened: it is back in progress and the owner has been told.`,
    },
  ] as const;

  for (const step of steps) {
    for (const id of step.ids) {
      app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, respond, client }) => {
        await ack();
        const tell = (text: string) => tellWhereClicked(deps, client, body, respond, text);
        const actor = body.user.id;
        const requestId = requestIdOf(action.value);
        if (requestId === undefined) return;
        const fromStatusList = typeof id !== 'string';
        const result = await step.run(deps, requestId, actor);
        if (!result.ok) {
          const current = result.current;
          if (current && current.requester_id !== actor) return tell(NOT_YOURS);
          if (step.run === reopenRequest && current && ['delivered', 'closed'].includes(current.status)) {
            return tell(
              `${reference(current.id)} was delivered more than ${REOPEN_WINDOW_DAYS} days ago, so it cannot be reopened. ` +
                `Please send a new request with \`${deps.config.pmo.command} request\` — you can mention ${reference(current.id)} in it.`,
            );
          }
          return tell(refusalText(current, actor));
        }
        await refreshTriagePost(deps, client, requestId);
        const done = step.done(reference(requestId));
        // On Home the note rides on the Home refresh (Home has no response_url).
        const onHome = clickedOnHome(body);
        if (!onHome) await afterChange(respond, fromStatusList, actor, done);
        await refreshRequestHomes(deps, client, requestId, { id: actor, notice: onHome ? done : undefined });
      });
    }
  }

  for (const id of [REQUEST_IDS.edit, STATUS_IDS.edit]) {
    app.action<BlockAction<ButtonAction>>(id, async ({ ack, body, action, respond, client }) => {
      await ack();
      const tell = (text: string) => tellWhereClicked(deps, client, body, respond, text);
      const actor = body.user.id;
      const requestId = requestIdOf(action.value);
      if (requestId === undefined) return;
      const r = await getRequest(deps.db, requestId);
      if (!r || r.requester_id !== actor) return tell(NOT_YOURS);
      if (!OPEN_STATUSES.includes(r.status)) return tell(refusalText(r, actor));
      await client.views.open({ trigger_id: body.trigger_id, view: renderEditModal(r) });
    });
  }

  app.action<BlockAction<ButtonAction>>(REQUEST_IDS.reply, async ({ ack, body, action, respond, client }) => {
    await ack();
    const questionId = requestIdOf(action.value);
    if (questionId === undefined) return;
    const q = await getQuestion(deps.db, questionId);
    const r = q ? await getRequest(deps.db, q.request_id) : undefined;
    if (!q || !r || r.requester_id !== body.user.id) return tellClicker(respond, NOT_YOURS);
    if (q.answer !== null) return tellClicker(respond, 'You already answered this question — thank you.');
    await client.views.open({ trigger_id: body.trigger_id, view: renderReplyModal(r.id, q.question, q.id) });
  });
}
