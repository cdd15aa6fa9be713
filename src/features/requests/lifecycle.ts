import type { RequestStatus, RequestUpdate } from '../../db/schema';
import type { Actor, Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { slackUserId } from '../../lib/input';
import { reference } from '../../lib/request-reference';
import { enqueueMessages, type OutgoingMessage } from '../../outbox/enqueue';
import { AUDIT_ACTIONS, type AuditAction, recordAudit } from '../audit';
import type { RequestWithService } from './blocks/common';
import { renderOwnerNotice, renderRequesterUpdate } from './blocks/messages';
import { declineFormSchema, deliveredSchema } from './form';
import { translatorsOf } from './language';
import { guardFor, type RequestAction, type RowGuard, RULES } from './policy';
import { getRequest, KIND } from './service';

/**
 * The request lifecycle: new → claimed → in_progress → delivered → closed, or declined, or
 * cancelled by the requester; delivered/closed → in_progress when the requester reopens
 * within 14 days. Every change is one conditional UPDATE (… WHERE status IN (…)) so two
 * clicks at once cannot both win; the loser gets the current row to tell the clicker why.
 */

export { REOPEN_WINDOW_DAYS } from './policy';

export type TransitionResult =
  | { ok: true; request: RequestWithService; eventId: number }
  | { ok: false; current?: RequestWithService };

interface TransitionInput {
  requestId: number;
  actor: string;
  from: RequestStatus[];
  to: RequestStatus;
  note?: string | null;
  set?: RequestUpdate;
  /** Extra conditions: only the requester, only the owner, a still-open reopen window. */
  guard?: RowGuard & { ownerNot?: string };
  /** Who else to tell, beyond the requester (who is told unless they acted themselves). */
  notify?: (r: RequestWithService, trOf: (userId: string) => Translator) => OutgoingMessage[];
  /** Who `notify` may write to (beyond the requester and owner): their languages are looked up first. */
  recipients?: string[];
  /** An admin step (assign, decline): recorded in the audit log in the same transaction. */
  audit?: { action: AuditAction; target?: string };
}

export async function transition(deps: Deps, input: TransitionInput): Promise<TransitionResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  // Each DM is written in its recipient's language, looked up before the transaction (which
  // must not wait on anything else): the requester, the owner, and whoever else is named.
  const before = await db
    .selectFrom('requests')
    .select(['requester_id', 'owner_id'])
    .where('id', '=', input.requestId)
    .executeTakeFirst();
  const trOf = await translatorsOf(deps, undefined, [
    before?.requester_id,
    before?.owner_id,
    ...(input.recipients ?? []),
  ]);
  const result = await db.transaction().execute(async (trx) => {
    // One statement locks the row while it still has an allowed status, reads that status (the
    // event's "from"), updates it, records the status event and returns the row with its
    // service's name and the event's id: no second click can slip in between, and a click costs
    // one round trip to the database instead of four.
    const g = input.guard ?? {};
    const updated = await trx
      .with('old', (q) => {
        let sel = q
          .selectFrom('requests')
          .select(['id', 'status'])
          .where('id', '=', input.requestId)
          .where('status', 'in', input.from);
        if (g.requesterId) sel = sel.where('requester_id', '=', g.requesterId);
        if (g.ownerNot)
          sel = sel.where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '!=', g.ownerNot!)]));
        if (g.ownerIn) {
          const owners = g.ownerIn.filter((o): o is string => o !== null);
          const unowned = g.ownerIn.includes(null);
          sel = sel.where((eb) =>
            eb.or([
              ...(unowned ? [eb('owner_id', 'is', null)] : []),
              ...(owners.length ? [eb('owner_id', 'in', owners)] : []),
            ]),
          );
        }
        if (g.deliveredSince) sel = sel.where('delivered_at', '>=', g.deliveredSince);
        return sel.forUpdate();
      })
      .with('changed', (q) =>
        q
          .updateTable('requests')
          .from(['old', 'services'])
          .set((eb) => ({
            ...input.set,
            status: input.to,
            updated_at: now,
            // Any step the PMO takes on a waiting request (claim, assign, decline) answers it.
            ...(input.from.includes('new') && input.to !== 'cancelled'
              ? { first_response_at: eb.fn.coalesce('requests.first_response_at', eb.val(now)) }
              : {}),
          }))
          .whereRef('requests.id', '=', 'old.id')
          .whereRef('services.id', '=', 'requests.service_id')
          .returningAll('requests')
          .returning(['old.status as previous_status', 'services.name as service_name']),
      )
      .with('event', (q) =>
        q
          .insertInto('request_events')
          .columns(['request_id', 'actor_id', 'from_status', 'to_status', 'note', 'created_at'])
          .expression((eb) =>
            eb.selectFrom('changed').select([
              'changed.id',
              eb.val(input.actor).as('actor_id'),
              'changed.previous_status',
              eb.val(input.to).as('to_status'),
              eb.val(input.note ?? null).as('note'),
              // The change's own time, typed by its column (a bare parameter would be text).
              'changed.updated_at',
            ]),
          )
          .returning('id'),
      )
      .selectFrom(['changed', 'event'])
      .selectAll('changed')
      .select('event.id as event_id')
      .executeTakeFirst();
    if (!updated) return undefined;
    const { previous_status: before, service_name, event_id, ...row } = updated;
    const event = { id: event_id };
    const r: RequestWithService = { ...row, service_name };
    const messages: OutgoingMessage[] = [];
    if (input.actor !== r.requester_id && tellsRequester(input.to, before)) {
      messages.push({
        kind: KIND.requesterDm,
        dedupeKey: `request.${r.id}.event.${event.id}.dm`,
        channel: r.requester_id,
        payload: renderRequesterUpdate(trOf(r.requester_id), r, input.actor, input.to, config.pmo.command),
        requestId: r.id,
        recipientId: r.requester_id,
      });
    }
    messages.push(
      ...(input.notify?.(r, trOf) ?? []).map((m) => ({ ...m, dedupeKey: `${m.dedupeKey}.${event.id}` })),
    );
    await enqueueMessages(trx, messages);
    if (input.audit)
      await recordAudit(trx, {
        actor: input.actor,
        action: input.audit.action,
        target: input.audit.target ?? null,
        subject: reference(r.id),
        at: now,
      });
    return { request: r, eventId: event.id };
  });
  if (!result) return { ok: false, current: await getRequest(db, input.requestId) };
  deps.outbox.kick();
  return { ok: true, ...result };
}

/** Unclaiming is the PMO's own business; every other step the requester hears about. */
function tellsRequester(to: RequestStatus, from: RequestStatus | null): boolean {
  return !(to === 'new' && from === 'claimed');
}

const memberDm = (to: string, key: string, payload: OutgoingMessage['payload'], requestId: number) => ({
  kind: KIND.memberDm,
  dedupeKey: key,
  channel: to,
  payload,
  requestId,
  recipientId: to,
});

/** Who acts: a click or a form hands down the actor its route resolved; other callers name a person. */
type Who = string | Actor;
const idOf = (who: Who) => (typeof who === 'string' ? who : who.id);

type StepInput = Omit<TransitionInput, 'requestId' | 'actor' | 'from' | 'to' | 'guard'> & {
  ownerNot?: string;
};

/**
 * One step of the policy: who may take it is checked against the actor, and the rest (the
 * statuses it starts from, who must hold it) goes into the conditional UPDATE.
 */
async function step(
  deps: Deps,
  action: RequestAction,
  requestId: number,
  who: Who,
  input: StepInput = {},
): Promise<TransitionResult> {
  const rule = RULES[action];
  if (!rule.to) throw new Error(`${action} is not a change of status`);
  const actor = typeof who === 'string' ? await deps.roles.actor(who) : who;
  const actorId = actor.id;
  if (rule.who !== 'requester' && !actor.member)
    return { ok: false, current: await getRequest(deps.db, requestId) };
  const { ownerNot, ...rest } = input;
  return transition(deps, {
    ...rest,
    requestId,
    actor: actorId,
    from: rule.from,
    to: rule.to,
    guard: { ...guardFor(action, actor, deps.clock.now()), ...(ownerNot ? { ownerNot } : {}) },
  });
}

export const claimRequest = (deps: Deps, requestId: number, actor: Who) =>
  step(deps, 'claim', requestId, actor, {
    set: { owner_id: idOf(actor), claimed_at: deps.clock.now() },
  });

export async function assignRequest(
  deps: Deps,
  requestId: number,
  who: Who,
  assignee: string,
): Promise<TransitionResult | { ok: false; notMember: true }> {
  if (!slackUserId.safeParse(assignee).success || !(await deps.roles.isMember(assignee)))
    return { ok: false, notMember: true };
  const actor = idOf(who);
  return step(deps, 'assign', requestId, who, {
    note: `assigned to ${assignee}`,
    audit: { action: AUDIT_ACTIONS.requestAssign, target: assignee },
    set: { owner_id: assignee, claimed_at: deps.clock.now() },
    ownerNot: assignee,
    recipients: [assignee],
    notify: (r, trOf) =>
      assignee === actor
        ? []
        : [
            memberDm(
              assignee,
              `request.${r.id}.assigned.${assignee}.dm`,
              renderOwnerNotice(trOf(assignee), r, 'assigned', actor),
              r.id,
            ),
          ],
  });
}

export const unclaimRequest = (deps: Deps, requestId: number, actor: Who) =>
  step(deps, 'unclaim', requestId, actor, { set: { owner_id: null, claimed_at: null } });

export const startRequest = (deps: Deps, requestId: number, actor: Who) =>
  step(deps, 'start', requestId, actor, { set: { started_at: deps.clock.now() } });

export const deliverRequest = (
  deps: Deps,
  requestId: number,
  actor: Who,
  input: { note: string; links: string[] },
) => {
  const delivered = deliveredSchema.parse(input);
  return step(deps, 'deliver', requestId, actor, {
    note: delivered.note,
    set: {
      delivery_note: delivered.note,
      delivery_links: delivered.links.length ? delivered.links.join('\n') : null,
      delivered_at: deps.clock.now(),
    },
  });
};

export const declineRequest = (deps: Deps, requestId: number, actor: Who, input: string) => {
  const { reason } = declineFormSchema.parse({ reason: input });
  return step(deps, 'decline', requestId, actor, {
    note: reason,
    set: { decline_reason: reason, closed_at: deps.clock.now() },
    audit: { action: AUDIT_ACTIONS.requestDecline },
  });
};

export const cancelRequest = (deps: Deps, requestId: number, actor: string) =>
  step(deps, 'cancel', requestId, actor, {
    set: { closed_at: deps.clock.now() },
    notify: (r, trOf) =>
      r.owner_id && r.owner_id !== actor
        ? [
            memberDm(
              r.owner_id,
              `request.${r.id}.cancelled.dm`,
              renderOwnerNotice(trOf(r.owner_id), r, 'cancelled', actor),
              r.id,
            ),
          ]
        : [],
  });

export const closeRequest = (deps: Deps, requestId: number, actor: string) =>
  step(deps, 'close', requestId, actor, { set: { closed_at: deps.clock.now() } });

/**
 * Back to in progress with the same owner, within 14 days of delivery. delivered_at is
 * cleared so nothing treats the request as delivered until it is delivered again.
 */
export const reopenRequest = (deps: Deps, requestId: number, actor: string) =>
  step(deps, 'reopen', requestId, actor, {
    set: { closed_at: null, delivered_at: null },
    notify: (r, trOf) =>
      r.owner_id && r.owner_id !== actor
        ? [
            memberDm(
              r.owner_id,
              `request.${r.id}.reopened.dm`,
              renderOwnerNotice(trOf(r.owner_id), r, 'reopened', actor),
              r.id,
            ),
          ]
        : [],
  });
