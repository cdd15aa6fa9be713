import type { Database } from '../db/client';
import type { RequestRow, RequestStatus, RequestUpdate } from '../db/schema';
import type { Deps } from '../deps';
import { slackUserId } from '../lib/input';
import type { RequestWithService } from '../views/request-common';
import { renderOwnerNotice, renderRequesterUpdate } from '../views/request-messages';
import { enqueueMessages, type OutgoingMessage } from './outbox';
import { isLead, isMember } from './people';
import { declineFormSchema, deliveredSchema } from './request-form';
import { getRequest, KIND } from './requests';

/**
 * The request lifecycle: new → claimed → in_progress → delivered → closed, or declined, or
 * cancelled by the requester; delivered/closed → in_progress when the requester reopens
 * within 14 days. Every change is one conditional UPDATE (… WHERE status IN (…)) so two
 * clicks at once cannot both win; the loser gets the current row to tell the clicker why.
 */

export const REOPEN_WINDOW_DAYS = 14;

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
  guard?: {
    requesterId?: string;
    ownerId?: string;
    ownerNot?: string;
    /** The owner is one of these (null: nobody owns it). */
    ownerIn?: (string | null)[];
    deliveredSince?: Date;
  };
  /** Who else to tell, beyond the requester (who is told unless they acted themselves). */
  notify?: (r: RequestWithService) => OutgoingMessage[];
}

export async function transition(deps: Deps, input: TransitionInput): Promise<TransitionResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const result = await db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('requests')
      .set({ ...input.set, status: input.to, updated_at: now })
      .where('id', '=', input.requestId)
      .where('status', 'in', input.from);
    const g = input.guard ?? {};
    if (g.requesterId) q = q.where('requester_id', '=', g.requesterId);
    if (g.ownerId) q = q.where('owner_id', '=', g.ownerId);
    if (g.ownerNot)
      q = q.where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '!=', g.ownerNot!)]));
    if (g.ownerIn) {
      const owners = g.ownerIn.filter((o): o is string => o !== null);
      const unowned = g.ownerIn.includes(null);
      q = q.where((eb) =>
        eb.or([
          ...(unowned ? [eb('owner_id', 'is', null)] : []),
          ...(owners.length ? [eb('owner_id', 'in', owners)] : []),
        ]),
      );
    }
    if (g.deliveredSince) q = q.where('delivered_at', '>=', g.deliveredSince);
    // The status before the update, read in the same statement (no race with another click).
    const row = await q.returningAll().executeTakeFirst();
    if (!row) return undefined;
    const before = await previousStatus(trx, row, input.from);
    const event = await trx
      .insertInto('request_events')
      .values({
        request_id: row.id,
        actor_id: input.actor,
        from_status: before,
        to_status: input.to,
        note: input.note ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const service = await trx
      .selectFrom('services')
      .select('name')
      .where('id', '=', row.service_id)
      .executeTakeFirstOrThrow();
    const r: RequestWithService = { ...row, service_name: service.name };
    const messages: OutgoingMessage[] = [];
    if (input.actor !== r.requester_id && tellsRequester(input.to, before)) {
      messages.push({
        kind: KIND.requesterDm,
        dedupeKey: `request.${r.id}.event.${event.id}.dm`,
        channel: r.requester_id,
        payload: renderRequesterUpdate(r, input.actor, input.to, config.pmo.command),
        requestId: r.id,
        recipientId: r.requester_id,
      });
    }
    messages.push(
      ...(input.notify?.(r) ?? []).map((m) => ({ ...m, dedupeKey: `${m.dedupeKey}.${event.id}` })),
    );
    await enqueueMessages(trx, messages);
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

/**
 * The status before this update. The last event says it exactly (events are written in the
 * same transaction as every change); a single allowed status is the fallback.
 */
async function previousStatus(db: Database, row: RequestRow, from: RequestStatus[]) {
  const last = await db
    .selectFrom('request_events')
    .select('to_status')
    .where('request_id', '=', row.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.to_status ?? from[0] ?? null;
}

const memberDm = (to: string, key: string, payload: OutgoingMessage['payload'], requestId: number) => ({
  kind: KIND.memberDm,
  dedupeKey: key,
  channel: to,
  payload,
  requestId,
  recipientId: to,
});

/** Members act on triage buttons; owners (or leads) on work they hold. */
function ownerGuard(deps: Deps, actor: string) {
  return isLead(deps.config, actor) ? {} : { ownerId: actor };
}

/** Unclaimed work any member may take a step on; claimed work only its owner (or a lead). */
function unownedOrOwnerGuard(deps: Deps, actor: string) {
  return isLead(deps.config, actor) ? {} : { ownerIn: [null, actor] as (string | null)[] };
}

export const claimRequest = (deps: Deps, requestId: number, actor: string) =>
  transition(deps, {
    requestId,
    actor,
    from: ['new'],
    to: 'claimed',
    set: { owner_id: actor, claimed_at: deps.clock.now() },
  });

export async function assignRequest(
  deps: Deps,
  requestId: number,
  actor: string,
  assignee: string,
): Promise<TransitionResult | { ok: false; notMember: true }> {
  if (!slackUserId.safeParse(assignee).success || !(await isMember(deps.db, deps.config, assignee)))
    return { ok: false, notMember: true };
  return transition(deps, {
    requestId,
    actor,
    from: ['new', 'claimed'],
    to: 'claimed',
    note: `assigned to ${assignee}`,
    set: { owner_id: assignee, claimed_at: deps.clock.now() },
    // Reassigning work someone holds is for its owner or a lead.
    guard: { ownerNot: assignee, ...unownedOrOwnerGuard(deps, actor) },
    notify: (r) =>
      assignee === actor
        ? []
        : [
            memberDm(
              assignee,
              `request.${r.id}.assigned.${assignee}.dm`,
              renderOwnerNotice(r, 'assigned', actor),
              r.id,
            ),
          ],
  });
}

export const unclaimRequest = (deps: Deps, requestId: number, actor: string) =>
  transition(deps, {
    requestId,
    actor,
    from: ['claimed'],
    to: 'new',
    set: { owner_id: null, claimed_at: null },
    guard: ownerGuard(deps, actor),
  });

export const startRequest = (deps: Deps, requestId: number, actor: string) =>
  transition(deps, {
    requestId,
    actor,
    from: ['claimed'],
    to: 'in_progress',
    set: { started_at: deps.clock.now() },
    guard: ownerGuard(deps, actor),
  });

export const deliverRequest = (
  deps: Deps,
  requestId: number,
  actor: string,
  input: { note: string; links: string[] },
) => {
  const delivered = deliveredSchema.parse(input);
  return transition(deps, {
    requestId,
    actor,
    from: ['claimed', 'in_progress'],
    to: 'delivered',
    note: delivered.note,
    set: {
      delivery_note: delivered.note,
      delivery_links: delivered.links.length ? delivered.links.join('\n') : null,
      delivered_at: deps.clock.now(),
    },
    guard: ownerGuard(deps, actor),
  });
};

export const declineRequest = (deps: Deps, requestId: number, actor: string, input: string) => {
  const { reason } = declineFormSchema.parse({ reason: input });
  return transition(deps, {
    requestId,
    actor,
    from: ['new', 'claimed', 'in_progress'],
    to: 'declined',
    note: reason,
    set: { decline_reason: reason, closed_at: deps.clock.now() },
    // Declining work another member holds is theirs (or a lead's) to do.
    guard: unownedOrOwnerGuard(deps, actor),
  });
};

export const cancelRequest = (deps: Deps, requestId: number, actor: string) =>
  transition(deps, {
    requestId,
    actor,
    from: ['new', 'claimed', 'in_progress'],
    to: 'cancelled',
    set: { closed_at: deps.clock.now() },
    guard: { requesterId: actor },
    notify: (r) =>
      r.owner_id && r.owner_id !== actor
        ? [
            memberDm(
              r.owner_id,
              `request.${r.id}.cancelled.dm`,
              renderOwnerNotice(r, 'cancelled', actor),
              r.id,
            ),
          ]
        : [],
  });

export const closeRequest = (deps: Deps, requestId: number, actor: string) =>
  transition(deps, {
    requestId,
    actor,
    from: ['delivered'],
    to: 'closed',
    set: { closed_at: deps.clock.now() },
    guard: { requesterId: actor },
  });

/**
 * Back to in progress with the same owner, within 14 days of delivery. delivered_at is
 * cleared so nothing treats the request as delivered until it is delivered again.
 */
export const reopenRequest = (deps: Deps, requestId: number, actor: string) =>
  transition(deps, {
    requestId,
    actor,
    from: ['delivered', 'closed'],
    to: 'in_progress',
    set: { closed_at: null, delivered_at: null },
    guard: {
      requesterId: actor,
      deliveredSince: new Date(deps.clock.now().getTime() - REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000),
    },
    notify: (r) =>
      r.owner_id && r.owner_id !== actor
        ? [memberDm(r.owner_id, `request.${r.id}.reopened.dm`, renderOwnerNotice(r, 'reopened', actor), r.id)]
        : [],
  });
