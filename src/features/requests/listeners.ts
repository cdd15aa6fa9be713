import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { chosenUser, rowId } from '../../lib/input';
import { action, type Click, type Feature, type Submission, view } from '../../slack/kit';
import type { Block } from '../../slack/kit/blocks';
import { listServices } from '../catalog/service';
import { refreshHome, refreshRequestHomes } from '../home/publisher';
import { actorOf } from '../team/roles';
import { OPEN_STATUSES, type RequestWithService, reference } from './blocks/common';
import { refusalText } from './blocks/messages';
import {
  renderAskModal,
  renderAssignModal,
  renderDeclineModal,
  renderDeliverModal,
  renderEditModal,
  renderEstimateBlock,
  renderReplyModal,
} from './blocks/modals';
import { renderMyRequests } from './blocks/status-list';
import { describeEstimate, waitEstimate } from './estimate';
import {
  answerFormSchema,
  askFormSchema,
  declineFormSchema,
  deliverFormSchema,
  editFormSchema,
  requestFormSchema,
} from './form';
import { perItemPattern, REQUEST_IDS, STATUS_IDS, TRIAGE_IDS } from './ids';
import {
  assignRequest,
  cancelRequest,
  claimRequest,
  closeRequest,
  declineRequest,
  deliverRequest,
  REOPEN_WINDOW_DAYS,
  reopenRequest,
  startRequest,
  type TransitionResult,
  unclaimRequest,
} from './lifecycle';
import { formOriginOf } from './origin';
import { decide, type RequestAction } from './policy';
import {
  answerQuestion,
  askQuestion,
  editRequest,
  getQuestion,
  getRequest,
  listMyRequests,
  submitRequest,
} from './service';
import { refreshTriagePost, syncTriagePost } from './triage-post';

/**
 * Requests in Slack: the form, the requester's buttons (in their DMs, `/pmo status` and Home)
 * and the triage post's buttons and modals. Every click names a request id; each step re-reads
 * the request and lets the conditional update decide, so a forged or stale click changes nothing.
 */

const NOT_YOURS = 'Only the person who sent this request can do that.';
const NOT_A_MEMBER =
  'Only PMO members can act on triage posts. If you would like to help with this request, ask a PMO lead to add you with `/pmo team`.';

/** `triage_claim` (the triage post) or `triage_claim:<id>` (Home, where ids must be unique). */
const anyForm = (actionId: string): RegExp => new RegExp(`^${actionId}$|${perItemPattern(actionId).source}`);
const today = (deps: Deps) => localDate(deps.clock.now(), deps.config.pmo.timezone);
const requestMeta = z.object({ requestId: rowId });

type Step = (deps: Deps, requestId: number, actor: string) => Promise<TransitionResult>;

const directSteps: [string, RequestAction, Step, string][] = [
  [TRIAGE_IDS.claim, 'claim', claimRequest, 'You claimed it — the requester has been told.'],
  [TRIAGE_IDS.start, 'start', startRequest, 'Marked in progress — the requester has been told.'],
  [TRIAGE_IDS.unclaim, 'unclaim', unclaimRequest, 'Unclaimed: it is back in the queue.'],
];

/** After a change: the triage post in place, then the Home tabs of those concerned. */
async function afterChange(click: Click<number>, request: RequestWithService, done: string): Promise<void> {
  const { deps, client } = click;
  await refreshTriagePost(deps, client, request);
  // On Home the note rides on the Home refresh; elsewhere it is a private reply.
  const onHome = click.place.kind === 'home';
  if (!onHome) await click.tell(done);
  await refreshRequestHomes(deps, client, request, { id: click.userId, notice: onHome ? done : undefined });
}

const triageStepRoutes = directSteps.map(([actionId, name, step, done]) =>
  action({
    id: anyForm(actionId),
    audience: 'members',
    refusal: NOT_A_MEMBER,
    value: rowId,
    run: async (click) => {
      const result = await step(click.deps, click.value, click.userId);
      if (!result.ok) {
        await click.tell(refusalText(result.current, click.userId));
        // A click refused because the state moved means the post may be stale (say an earlier
        // chat.update failed past its retries): repaint it, unless it already shows the truth.
        // A click refused because of who clicked says nothing about the post.
        const why = result.current
          ? decide(name, result.current, await actorOf(click.deps, click.userId), click.deps.clock.now())
          : undefined;
        if (why && !why.ok && why.reason === 'state')
          await syncTriagePost(click.deps, click.client, click.value, click.body.message?.blocks);
        return;
      }
      await afterChange(click, result.request, done);
    },
  }),
);

const triageModals: [string, (r: RequestWithService, meta: unknown) => ModalView, RequestAction][] = [
  [TRIAGE_IDS.assign, renderAssignModal, 'assign'],
  [TRIAGE_IDS.ask, renderAskModal, 'ask'],
  [TRIAGE_IDS.decline, renderDeclineModal, 'decline'],
  [TRIAGE_IDS.deliver, renderDeliverModal, 'deliver'],
];

/** Opens a triage modal only if the policy lets this member take that step now. */
const triageModalRoutes = triageModals.map(([actionId, render, step]) =>
  action({
    id: anyForm(actionId),
    audience: 'members',
    refusal: NOT_A_MEMBER,
    value: rowId,
    run: async (click) => {
      const { deps } = click;
      const r = await getRequest(deps.db, click.value);
      const actor = await actorOf(deps, click.userId);
      if (!r || !decide(step, r, actor, deps.clock.now()).ok) return click.tell(refusalText(r, click.userId));
      await click.client.views.open({ trigger_id: click.triggerId, view: render(r, { requestId: r.id }) });
    },
  }),
);

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

const requesterStepRoutes = requesterSteps.flatMap((step) =>
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

// --- modals -----------------------------------------------------------------------------

/**
 * The request form. Checked first (field errors keep the modal open), then stored before the
 * ack — one short transaction — so a closed modal always means a stored request. The view id is
 * the submission key: a double submit makes one request.
 */
const requestForm = view({
  callbackId: REQUEST_IDS.modal,
  fields: {
    serviceId: REQUEST_IDS.service,
    project: REQUEST_IDS.project,
    need: REQUEST_IDS.need,
    value: REQUEST_IDS.value,
    neededBy: REQUEST_IDS.neededBy,
    impact: REQUEST_IDS.impact,
    link: REQUEST_IDS.link,
    threadReply: REQUEST_IDS.threadReply,
  },
  schema: async ({ deps }) =>
    requestFormSchema(
      today(deps),
      (await listServices(deps.db)).map((s) => s.id),
    ).extend({
      // Only on a form opened from a message; absent elsewhere.
      threadReply: z.unknown().transform((v) => Array.isArray(v) && v.includes('reply')),
    }),
  submit: async (s) => {
    const { threadReply, ...form } = s.values;
    const origin = await formOriginOf(s.deps.db, s.viewId, s.userId);
    await submitRequest(s.deps, s.client, {
      submissionKey: s.viewId,
      requesterId: s.userId,
      form,
      ...(origin ? { origin: { ...origin, replyInThread: threadReply } } : {}),
    });
    s.later(() => refreshHome(s.deps, s.client, s.userId));
    return undefined;
  },
});

/**
 * Choosing a service in the form (dispatch_action) redraws its wait estimate in place. Only the
 * estimate block changes; Slack keeps what was typed, and the view hash makes a stale redraw
 * (a quicker second choice) lose instead of overwrite.
 */
const serviceChosenRoute = action({
  id: REQUEST_IDS.service,
  value: rowId,
  run: async (click) => {
    const { deps } = click;
    const form = click.body.view;
    if (!form || form.callback_id !== REQUEST_IDS.modal || click.place.kind !== 'modal') return;
    const text = describeEstimate(await waitEstimate(deps.db, click.value, deps.clock.now(), today(deps)));
    const blocks = (form.blocks as Block[]).map((b) =>
      b.block_id === REQUEST_IDS.estimate ? renderEstimateBlock(text) : b,
    );
    await click.client.views
      .update({
        view_id: form.id,
        hash: form.hash,
        view: {
          type: 'modal',
          callback_id: form.callback_id,
          title: form.title,
          ...(form.submit ? { submit: form.submit } : {}),
          ...(form.close ? { close: form.close } : {}),
          ...(form.private_metadata ? { private_metadata: form.private_metadata } : {}),
          blocks,
        } as ModalView,
      })
      .catch((err: { data?: { error?: string } }) => {
        // hash_conflict: a newer choice redraws it; anything else is worth a log, not an error.
        if (err.data?.error !== 'hash_conflict') deps.logger.warn({ err }, 'could not redraw the estimate');
      });
  },
});

const editForm = view({
  callbackId: REQUEST_IDS.editModal,
  metadata: requestMeta,
  fields: { need: REQUEST_IDS.need, value: REQUEST_IDS.value, neededBy: REQUEST_IDS.neededBy },
  schema: ({ deps }) => editFormSchema(today(deps)),
  submit: async (s) => {
    const { requestId } = s.metadata;
    const result = await editRequest(s.deps, {
      requestId,
      actor: s.userId,
      form: s.values,
      submissionKey: s.viewId,
    });
    if (!result.ok) {
      // Nothing about a request is told to someone who did not send it.
      const mine = result.current?.requester_id === s.userId;
      return { errors: { [REQUEST_IDS.need]: mine ? refusalText(result.current, s.userId) : NOT_YOURS } };
    }
    s.later(async () => {
      await refreshTriagePost(s.deps, s.client, result.request);
      await refreshRequestHomes(s.deps, s.client, result.request);
    });
    return undefined;
  },
});

const replyForm = view({
  callbackId: REQUEST_IDS.replyModal,
  metadata: z.object({ questionId: rowId }),
  fields: { answer: REQUEST_IDS.answer },
  schema: () => answerFormSchema,
  submit: async (s) => {
    const result = await answerQuestion(s.deps, {
      questionId: s.metadata.questionId,
      actor: s.userId,
      answer: s.values.answer,
    });
    if (!result.ok && result.reason !== 'answered') return { errors: { [REQUEST_IDS.answer]: NOT_YOURS } };
    // Answered already (a double submit): the first answer stands; just close.
    return undefined;
  },
});

/**
 * A triage modal whose submission is one step of the lifecycle: members only (checked again at
 * submit), the conditional update decides the rest, and a refused step says why on its input.
 */
function stepForm<F>(
  callbackId: string,
  fields: Record<string, string>,
  schema: z.ZodType<F>,
  errorBlock: string,
  step: (
    s: Submission<{ requestId: number }, F>,
  ) => Promise<TransitionResult | { ok: false; notMember: true }>,
) {
  return view({
    callbackId,
    audience: 'members',
    metadata: requestMeta,
    fields,
    schema: () => schema,
    submit: async (s) => {
      const result = await step(s);
      if ('notMember' in result)
        return {
          errors: { [errorBlock]: 'Only PMO members can be assigned. A lead can add them with /pmo team.' },
        };
      if (!result.ok) return { errors: { [errorBlock]: refusalText(result.current, s.userId) } };
      s.later(async () => {
        await refreshTriagePost(s.deps, s.client, result.request);
        await refreshRequestHomes(s.deps, s.client, result.request, { id: s.userId });
      });
      return undefined;
    },
  });
}

const assignForm = stepForm(
  TRIAGE_IDS.assignModal,
  { assignee: TRIAGE_IDS.assignee },
  z.object({ assignee: chosenUser('Please choose someone.') }),
  TRIAGE_IDS.assignee,
  (s) => assignRequest(s.deps, s.metadata.requestId, s.userId, s.values.assignee),
);

const deliverForm = stepForm(
  TRIAGE_IDS.deliverModal,
  { note: TRIAGE_IDS.delivered, links: TRIAGE_IDS.links },
  deliverFormSchema,
  TRIAGE_IDS.delivered,
  (s) => deliverRequest(s.deps, s.metadata.requestId, s.userId, s.values),
);

const declineForm = stepForm(
  TRIAGE_IDS.declineModal,
  { reason: TRIAGE_IDS.reason },
  declineFormSchema,
  TRIAGE_IDS.reason,
  (s) => declineRequest(s.deps, s.metadata.requestId, s.userId, s.values.reason),
);

const askForm = view({
  callbackId: TRIAGE_IDS.askModal,
  audience: 'members',
  metadata: requestMeta,
  fields: { question: TRIAGE_IDS.question },
  schema: () => askFormSchema,
  submit: async (s) => {
    const result = await askQuestion(s.deps, {
      requestId: s.metadata.requestId,
      askedBy: s.userId,
      question: s.values.question,
      submissionKey: s.viewId,
    });
    if (!result.ok) return { errors: { [TRIAGE_IDS.question]: refusalText(result.current, s.userId) } };
    return undefined;
  },
});

export const requestsFeature: Feature = {
  name: 'requests',
  actions: [
    ...triageStepRoutes,
    ...triageModalRoutes,
    ...requesterStepRoutes,
    ...editRoutes,
    replyRoute,
    serviceChosenRoute,
  ],
  views: [requestForm, editForm, replyForm, assignForm, deliverForm, declineForm, askForm],
};
