import type { Translator } from '../../../i18n';
import { rowId } from '../../../lib/input';
import { action, type Click } from '../../../slack/kit';
import { OPEN_STATUSES, reference } from '../blocks/common';
import { refusalText } from '../blocks/messages';
import { renderEditModal, renderReplyModal } from '../blocks/modals';
import { renderMyRequests } from '../blocks/status-list';
import { refreshRequestHomes } from '../homes';
import { REQUEST_IDS, STATUS_IDS } from '../ids';
import { cancelRequest, closeRequest, REOPEN_WINDOW_DAYS, reopenRequest } from '../lifecycle';
import { requestsText } from '../messages';
import { getQuestion, getRequest, listMyRequests } from '../service';
import { refreshTriagePost } from '../triage-post';

/**
 * The requester's buttons, in their DMs, `/pmo status` and Home: cancel, close, reopen, and
 * the ones that open a modal (edit, reply to a question). Only the requester may use them.
 */

const requesterSteps = [
  {
    ids: [REQUEST_IDS.cancel, STATUS_IDS.cancel],
    run: cancelRequest,
    done: 'cancelledDone',
  },
  {
    ids: [REQUEST_IDS.close, STATUS_IDS.close],
    run: closeRequest,
    done: 'closedDone',
  },
  {
    ids: [REQUEST_IDS.reopen, STATUS_IDS.reopen],
    run: reopenRequest,
    done: 'reopenedDone',
  },
] as const;

/** `/pmo status` is a private list: after a change it is redrawn in place with the note on top. */
async function redrawStatusList(click: Click<number>, tr: Translator, note: string): Promise<void> {
  if (!click.respond) return click.tell(note);
  const { deps } = click;
  const list = renderMyRequests(
    tr,
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
        const tr = await click.tr();
        const result = await step.run(deps, click.value, userId);
        const t = tr.of(requestsText);
        if (!result.ok) {
          const current = result.current;
          if (!current || current.requester_id !== userId) return click.tell(t('notYours'));
          if (step.run === reopenRequest && ['delivered', 'closed'].includes(current.status)) {
            return click.tell(
              t('tooLateToReopen', {
                ref: reference(current.id),
                days: REOPEN_WINDOW_DAYS,
                command: deps.config.pmo.command,
              }),
            );
          }
          return click.tell(refusalText(tr, current, userId));
        }
        await refreshTriagePost(deps, click.client, result.request);
        const done = t(step.done, { ref: reference(click.value) });
        const onHome = click.place.kind === 'home';
        if (!onHome) {
          if (typeof id === 'string') await click.tell(done);
          else await redrawStatusList(click, tr, done);
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
      const [r, tr] = await Promise.all([getRequest(click.deps.db, click.value), click.tr()]);
      if (!r || r.requester_id !== click.userId) return click.tell(tr.t(requestsText, 'notYours'));
      if (!OPEN_STATUSES.includes(r.status)) return click.tell(refusalText(tr, r, click.userId));
      await click.client.views.open({ trigger_id: click.triggerId, view: renderEditModal(tr, r) });
    },
  }),
);

const replyRoute = action({
  id: REQUEST_IDS.reply,
  value: rowId,
  run: async (click) => {
    const tr = await click.tr();
    const q = await getQuestion(click.deps.db, click.value);
    const r = q ? await getRequest(click.deps.db, q.request_id) : undefined;
    if (!q || !r || r.requester_id !== click.userId) return click.tell(tr.t(requestsText, 'notYours'));
    if (q.answer !== null) return click.tell(tr.t(requestsText, 'alreadyAnswered'));
    await click.client.views.open({
      trigger_id: click.triggerId,
      view: renderReplyModal(tr, r.id, q.question, q.id),
    });
  },
});

export const requesterButtons = [...stepRoutes, ...editRoutes, replyRoute];
