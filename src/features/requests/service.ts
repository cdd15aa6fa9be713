import type { WebClient } from '@slack/web-api';
import type { Database } from '../../db/client';
import type { RequestRow } from '../../db/schema';
import type { Actor, Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { enqueueMessages } from '../../outbox/enqueue';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import type { UsersInfoClient } from '../../slack/people';
import { overdueTarget, targetsForNewRequest } from '../calendar';
import { OPEN_STATUSES, type RequestWithService } from './blocks/common';
import {
  renderOriginReply,
  renderOwnerNotice,
  renderQuestionDm,
  renderRequestConfirmation,
} from './blocks/messages';
import { renderThreadAnswer, renderThreadQuestion, renderTriagePost } from './blocks/triage-post';
import { describeEstimate, waitEstimate } from './estimate';
import {
  answerFormSchema,
  askFormSchema,
  type EditForm,
  editFormSchema,
  type RequestForm,
  requestFormSchema,
} from './form';
import { pmoTranslator, translatorOf, translatorsOf } from './language';
import { decide, RULES } from './policy';
import { nameOf, suggestMembers } from './routing';
import type { Workspace } from './workspace';

/**
 * Requests: submit, read, edit, and the question/answer conversation. State changes of the
 * lifecycle are in lifecycle.ts. Every message is enqueued in the same transaction
 * as the change it reports; callers kick the outbox after commit.
 */

export const KIND = OUTBOX_KINDS.request;

export function getRequest(db: Database, id: number): Promise<RequestWithService | undefined> {
  return getRequestIn(db, id);
}

function getRequestIn(db: Database, id: number): Promise<RequestWithService | undefined> {
  return db
    .selectFrom('requests')
    .innerJoin('services', 'services.id', 'requests.service_id')
    .selectAll('requests')
    .select('services.name as service_name')
    .where('requests.id', '=', id)
    .executeTakeFirst();
}

/** The triage post as it should look now (suggestions only matter while nobody has it). */
const triagePostKey = (requestId: number) => `request.${requestId}.triage`;

/** A reply in the triage post's thread: where it is, or, while it is not out yet, after it. */
export function underTriagePost(
  r: { id: number; triage_channel: string | null; triage_ts: string | null },
  pmoChannel: string,
): { channel: string; threadTs: string } | { channel: string; parentKey: string } {
  return r.triage_channel && r.triage_ts
    ? { channel: r.triage_channel, threadTs: r.triage_ts }
    : { channel: pmoChannel, parentKey: triagePostKey(r.id) };
}

export async function renderTriageFor(deps: Deps, client: UsersInfoClient, r: RequestWithService) {
  const now = deps.clock.now();
  const requesterName = await nameOf(deps.db, client, r.requester_id, now);
  const suggestions =
    r.status === 'new'
      ? await suggestMembers(deps.db, client, r.service_id, now, 3, localDate(now, deps.config.pmo.timezone))
      : [];
  return renderTriagePost(pmoTranslator(deps), {
    request: r,
    requesterName,
    suggestions,
    overdue: overdueTarget(r, now),
    timeZone: deps.config.pmo.timezone,
  });
}

export interface SubmitResult {
  request: RequestWithService;
  created: boolean;
}

/** The message a request came from (a shortcut or a reaction), as the app saw it. */
export interface RequestOrigin {
  channel: string;
  ts: string;
  /** Where a reply goes: the thread's parent (the message itself when it is not in a thread). */
  threadTs: string;
  permalink: string | null;
  /** The person chose "Reply in the thread". */
  replyInThread: boolean;
}

/**
 * Stores a new request with its first status event, the requester's confirmation DM and the
 * triage post. `submissionKey` is the modal's view id: a double submit or a Slack retry finds
 * the row already there and changes nothing.
 */
export async function submitRequest(
  deps: Deps,
  client: UsersInfoClient,
  input: {
    submissionKey: string;
    requesterId: string;
    form: RequestForm;
    origin?: RequestOrigin;
    workspace?: Workspace;
  },
): Promise<SubmitResult> {
  const { db, config, clock } = deps;
  const now = clock.now();
  const origin = input.origin;
  // The form's rules hold here too, whoever calls (the retired check is the query below).
  const f = requestFormSchema(localDate(now, config.pmo.timezone), [input.form.serviceId], {
    neededBy: 'optional',
  }).parse(input.form);
  // Names and suggestions may need users.info: looked up before the transaction, not in it.
  const service = await db
    .selectFrom('services')
    .select('name')
    .where('id', '=', f.serviceId)
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  const requesterName = await nameOf(db, client, input.requesterId, now);
  const suggestions = await suggestMembers(
    db,
    client,
    f.serviceId,
    now,
    3,
    localDate(now, config.pmo.timezone),
  );
  const targets = await targetsForNewRequest(db, config, {
    serviceId: f.serviceId,
    neededBy: f.neededBy,
    filedAt: now,
  });
  // The requester's DM in their language; the PMO channel's posts in the PMO's.
  const tr = await translatorOf(deps, client as WebClient, input.requesterId);
  const pmo = pmoTranslator(deps);
  const estimate = describeEstimate(
    await waitEstimate(db, f.serviceId, now, localDate(now, config.pmo.timezone)),
    tr,
  );
  const workspace = input.workspace && (await withKnownName(db, input.workspace));

  const result = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('requests')
      .values({
        submission_key: input.submissionKey,
        requester_id: input.requesterId,
        service_id: f.serviceId,
        project: f.project,
        need: f.need,
        expected_value: f.value,
        needed_by: f.neededBy,
        impact: f.impact,
        link: f.link,
        origin_channel: origin?.channel ?? null,
        origin_ts: origin?.ts ?? null,
        origin_permalink: origin?.permalink ?? null,
        team_id: workspace?.teamId ?? null,
        team_name: workspace?.teamName ?? null,
        enterprise_id: workspace?.enterpriseId ?? null,
        created_at: now,
        updated_at: now,
        first_response_due: targets.firstResponseDue,
        nudge_at: targets.nudgeAt,
        delivery_due: targets.deliveryDue,
      })
      .onConflict((oc) => oc.column('submission_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const existing = await trx
        .selectFrom('requests')
        .select('id')
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirstOrThrow();
      return { id: existing.id, request: undefined };
    }
    await trx
      .insertInto('request_events')
      .values({
        request_id: row.id,
        actor_id: input.requesterId,
        from_status: null,
        to_status: 'new',
        created_at: now,
      })
      .execute();
    const r: RequestWithService = { ...row, service_name: service.name };
    await enqueueMessages(trx, [
      {
        kind: KIND.requesterDm,
        dedupeKey: `request.${r.id}.created.dm`,
        channel: r.requester_id,
        payload: renderRequestConfirmation(tr, r, config.pmo.command, estimate),
        requestId: r.id,
        recipientId: r.requester_id,
      },
      {
        kind: KIND.triagePost,
        dedupeKey: triagePostKey(r.id),
        channel: config.pmo.channelId,
        payload: renderTriagePost(pmo, {
          request: r,
          requesterName,
          suggestions,
          timeZone: config.pmo.timezone,
        }),
        requestId: r.id,
      },
      // Only when chosen; the outbox skips it where the app cannot post (outbox.ts).
      ...(origin?.replyInThread
        ? [
            {
              kind: KIND.originReply,
              dedupeKey: `request.${r.id}.origin_reply`,
              channel: origin.channel,
              threadTs: origin.threadTs,
              // In the channel the request came from, for whoever reads there: the requester's words.
              payload: renderOriginReply(tr, r),
              requestId: r.id,
            },
          ]
        : []),
    ]);
    return { id: row.id, request: r };
  });
  if (result.request) {
    deps.outbox.kick();
    // The row it just inserted, as written: no need to read it again.
    return { request: result.request, created: true };
  }
  return { request: (await getRequest(db, result.id))!, created: false };
}

/**
 * A workspace as a payload gave it, named as an earlier payload named it when this one gave no
 * name (an org-wide install's submission may say only the person's workspace id; events never
 * name one).
 */
async function withKnownName(db: Database, w: Workspace): Promise<Workspace> {
  if (w.teamName) return w;
  const known = await db
    .selectFrom('requests')
    .select('team_name')
    .where('team_id', '=', w.teamId)
    .where('team_name', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { ...w, teamName: known?.team_name ?? null };
}

/** Records where the triage post landed (the first post wins). */
export async function recordTriagePost(db: Database, requestId: number, channel: string, ts: string) {
  await db
    .updateTable('requests')
    .set({ triage_channel: channel, triage_ts: ts })
    .where('id', '=', requestId)
    .where('triage_ts', 'is', null)
    .execute();
}

/** A requester's requests: open ones first, then the most recent others. */
export async function listMyRequests(db: Database, requesterId: string, limit = 15) {
  const rows = await db
    .selectFrom('requests')
    .innerJoin('services', 'services.id', 'requests.service_id')
    .selectAll('requests')
    .select('services.name as service_name')
    .where('requests.requester_id', '=', requesterId)
    .orderBy('requests.created_at', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(100)
    .execute();
  const open = rows.filter((r) => OPEN_STATUSES.includes(r.status) || r.status === 'delivered');
  const done = rows.filter((r) => !open.includes(r));
  return [...open, ...done].slice(0, limit);
}

export type EditResult = { ok: true; request: RequestWithService } | { ok: false; current?: RequestRow };

/**
 * The requester edits need, value and date while the request is open. The owner, if there
 * is one, is told what changed: it is their work.
 */
export async function editRequest(
  deps: Deps,
  input: { requestId: number; actor: string; form: EditForm; submissionKey: string },
): Promise<EditResult> {
  const { db, clock } = deps;
  const form = editFormSchema(localDate(clock.now(), deps.config.pmo.timezone)).parse(input.form);
  // The owner is told in their language, looked up before the transaction.
  const before = await getRequest(db, input.requestId);
  const trOf = await translatorsOf(deps, undefined, [before?.owner_id]);
  const done = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('requests')
      .set({
        need: form.need,
        expected_value: form.value,
        needed_by: form.neededBy,
        updated_at: clock.now(),
      })
      .where('id', '=', input.requestId)
      .where('requester_id', '=', input.actor)
      .where('status', 'in', RULES.edit.from)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return undefined;
    const r = (await getRequestIn(trx, input.requestId))!;
    if (r.owner_id && r.owner_id !== input.actor) {
      await enqueueMessages(trx, [
        {
          kind: KIND.memberDm,
          dedupeKey: `request.${r.id}.edited.${input.submissionKey}.dm`,
          channel: r.owner_id,
          payload: renderOwnerNotice(trOf(r.owner_id), r, 'edited', input.actor),
          requestId: r.id,
          recipientId: r.owner_id,
        },
      ]);
    }
    return r;
  });
  if (!done) return { ok: false, current: await getRequest(db, input.requestId) };
  deps.outbox.kick();
  return { ok: true, request: done };
}

export type AskResult = { ok: true; questionId: number } | { ok: false; current?: RequestRow };

/** A member asks the requester a question: by DM, and noted under the triage post. */
export async function askQuestion(
  deps: Deps,
  input: {
    requestId: number;
    askedBy: string;
    question: string;
    submissionKey: string;
    /** The asker as the form's route resolved them, when it did. */
    actor?: Actor;
  },
): Promise<AskResult> {
  const { db, clock } = deps;
  const { question } = askFormSchema.parse({ question: input.question });
  const r = await getRequest(db, input.requestId);
  if (!r || !decide('ask', r, input.actor ?? (await deps.roles.actor(input.askedBy)), clock.now()).ok)
    return { ok: false, current: r };
  const tr = await translatorOf(deps, undefined, r.requester_id);
  const result = await db.transaction().execute(async (trx) => {
    const q = await trx
      .insertInto('request_questions')
      .values({
        request_id: r.id,
        asked_by: input.askedBy,
        question,
        asked_at: clock.now(),
        submission_key: input.submissionKey,
      })
      .onConflict((oc) => oc.column('submission_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!q) return undefined;
    // A question to the requester is a first response (the target stops counting).
    await trx
      .updateTable('requests')
      .set({ first_response_at: clock.now() })
      .where('id', '=', r.id)
      .where('first_response_at', 'is', null)
      .execute();
    await enqueueMessages(trx, [
      {
        kind: KIND.requesterDm,
        dedupeKey: `request.${r.id}.question.${q.id}.dm`,
        channel: r.requester_id,
        payload: renderQuestionDm(tr, r, q.id, input.askedBy, question),
        requestId: r.id,
        recipientId: r.requester_id,
      },
      {
        kind: KIND.thread,
        dedupeKey: `request.${r.id}.question.${q.id}.thread`,
        ...underTriagePost(r, deps.config.pmo.channelId),
        payload: renderThreadQuestion(pmoTranslator(deps), r.id, question),
        requestId: r.id,
      },
    ]);
    return q.id;
  });
  const existing =
    result ??
    (
      await db
        .selectFrom('request_questions')
        .select('id')
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirstOrThrow()
    ).id;
  deps.outbox.kick();
  return { ok: true, questionId: existing };
}

export async function getQuestion(db: Database, questionId: number) {
  return db.selectFrom('request_questions').selectAll().where('id', '=', questionId).executeTakeFirst();
}

export type AnswerResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_requester' | 'answered' };

/** The requester's answer, stored once and threaded under the triage post. */
export async function answerQuestion(
  deps: Deps,
  input: { questionId: number; actor: string; answer: string },
): Promise<AnswerResult> {
  const { db, clock } = deps;
  const { answer } = answerFormSchema.parse({ answer: input.answer });
  const q = await getQuestion(db, input.questionId);
  const r = q ? await getRequest(db, q.request_id) : undefined;
  if (!q || !r) return { ok: false, reason: 'not_found' };
  if (r.requester_id !== input.actor) return { ok: false, reason: 'not_requester' };
  const done = await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('request_questions')
      .set({ answer, answered_at: clock.now() })
      .where('id', '=', q.id)
      .where('answer', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await enqueueMessages(trx, [
      {
        kind: KIND.thread,
        dedupeKey: `request.${r.id}.question.${q.id}.answer`,
        ...underTriagePost(r, deps.config.pmo.channelId),
        payload: renderThreadAnswer(pmoTranslator(deps), r.id, q.asked_by, q.question, answer),
        requestId: r.id,
      },
    ]);
    return true;
  });
  if (!done) return { ok: false, reason: 'answered' };
  deps.outbox.kick();
  return { ok: true };
}
