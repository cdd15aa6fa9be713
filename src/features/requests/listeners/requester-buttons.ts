import { rowId } from '../../../lib/input';
import { action, type Click } from '../../../slack/kit';
import { OPEN_STATUSES, reference } from '../blocks/common';
import { refusalText } from '../blocks/messages';
import { renderEditModal, renderReplyModal } from '../blocks/modals';
import { renderMyRequests } from '../blocks/status-list';
import { refreshRequestHomes } from '../homes';
import { REQUEST_IDS, STATUS_IDS } from '../ids';
import { cancelRequest, closeRequest, REOPEN_WINDOW_DAYS, reopenRequest } from '../lifecycle';
import { getQuestion, getRequest, listMyRequests } from '../service';
import { refreshTriagePost } from '../triage-post';
import { NOT_YOURS } from './common';

/**
 * The requester's buttons, in their DMs, `/pmo status` and Home: cancel, close, reopen, and
 * the ones that open a modal (edit, reply to a question). Only the requester may use them.
 */

const requesterSteps = [
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

/** `/pmo status` is a private list: after a change it is redrawn in place with the note on top. */
async function redrawStatusList(click: Click<number>, note: string): Promise<void> {
  if (!click.respond) return click.tell(note);
  const { deps } = click;
  const list = renderMyRequests(
    await listMyRequests(deps.db, click.userId),
    deps.clock.now(),
    deps.config.pmo.command,
  );
  await click.respond({
    response_type: 'ephemeral',
    replace_original: true,
    text: `${note} ${list.text}`,
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: note }] }, ...list.blocks],
  });
}

const stepRoutes = requesterSteps.flatMap((step) =>
  step.ids.map((id) =>
    action({
      id,
      value: rowId,
      run: async (click) => {
        const { deps, userId } = click;
        const result = await step.run(deps, click.value, userId);
        if (!result.ok) {
          const current = result.current;
          if (!current || current.requester_id !== userId) return click.tell(NOT_YOURS);
          if (step.run === reopenRequest && ['delivered', 'closed'].includes(current.status)) {
            return click.tell(
              `${reference(current.id)} was delivered more than ${REOPEN_WINDOW_DAYS} days ago, so it cannot be reopened. ` +
                `Please send a new request with \`${deps.config.pmo.command} request\` — you can mention ${reference(current.id)} in it.`,
            );
          }
          return click.tell(refusalText(current, userId));
        }
        await refreshTriagePost(deps, click.client, result.request);
        const done = step.done(reference(click.value));
        const onHome = click.place.kind === 'home';
        if (!onHome) {
          if (typeof id === 'string') await click.tell(done);
          else await redrawStatusList(click, done);
        }
        await refreshRequestHomes(deps, click.client, result.request, {
          id: userId,
          notice: onHome ? done : undefined,
        });
      },
    }),
  ),
);

const editRoutes = [REQUEST_IDS.edit, STATUS_IDS.edit].map((id) =>
  action({
    id,
    value: rowId,
    run: async (click) => {
      const r = await getRequest(click.deps.db, click.value);
      if (!r || r.requester_id !== click.userId) return click.tell(NOT_YOURS);
      if (!OPEN_STATUSES.includes(r.status)) return click.tell(refusalText(r, click.userId));
      await click.client.views.open({ trigger_id: click.triggerId, view: renderEditModal(r) });
    },
  }),
);

const replyRoute = action({
  id: REQUEST_IDS.reply,
  value: rowId,
  run: async (click) => {
    const q = await getQuestion(click.deps.db, click.value);
    const r = q ? await getRequest(click.deps.db, q.request_id) : undefined;
    if (!q || !r || r.requester_id !== click.userId) return click.tell(NOT_YOURS);
    if (q.answer !== null) return click.tell('You already answered this question — thank you.');
    await click.client.views.open({
      trigger_id: click.triggerId,
      view: renderReplyModal(r.id, q.question, q.id),
    });
  },
});

export const requesterButtons = [...stepRoutes, ...editRoutes, replyRoute];
