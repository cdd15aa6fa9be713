import type { Database } from '../../db/client';
import { translatorFor } from '../../i18n';
import { enqueueMessages } from '../../outbox/enqueue';
import { type EngagementView, renderCoachingEnded } from './blocks';

/**
 * Ending a coaching engagement, on its own so consent (opt-out ends coaching) and coaching
 * (the End button) share it without importing each other.
 */

export async function loadEngagementView(db: Database, id: number): Promise<EngagementView | undefined> {
  const e = await db
    .selectFrom('coaching_engagements')
    .select(['id', 'coachee_id', 'coach_id', 'focus_service_ids', 'goals', 'cadence'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!e) return undefined;
  const services = e.focus_service_ids.length
    ? await db
        .selectFrom('services')
        .select(['id', 'name'])
        .where('id', 'in', e.focus_service_ids)
        .orderBy('sort_order')
        .execute()
    : [];
  return {
    id: e.id,
    coacheeId: e.coachee_id,
    coachId: e.coach_id,
    focus: services.map((s) => s.name),
    goals: e.goals,
    cadence: e.cadence,
  };
}

/**
 * Ends an open engagement (conditional: only one of two clicks wins) and tells both sides.
 * Returns false when it was not open any more.
 */
export async function endEngagementTx(
  tx: Database,
  id: number,
  endedBy: string,
  reason: 'opted_out' | 'ended',
  now: Date,
): Promise<boolean> {
  const ended = await tx
    .updateTable('coaching_engagements')
    .set({ status: 'ended', ended_at: now, ended_by: endedBy, end_reason: reason })
    .where('id', '=', id)
    .where('status', 'in', ['proposed', 'active'])
    .returning(['coachee_id', 'coach_id'])
    .executeTakeFirst();
  if (!ended) return false;
  const view = await loadEngagementView(tx, id);
  if (!view) return true;
  const people = [ended.coachee_id, ...(ended.coach_id ? [ended.coach_id] : [])];
  await enqueueMessages(
    tx,
    people.map((user) => ({
      kind: 'coaching.ended',
      dedupeKey: `coaching.${id}.ended.${user}`,
      channel: user,
      // Written in English here; the sender renders it again in the recipient's language (outbox.ts).
      payload: renderCoachingEnded(translatorFor('en'), view, user, reason, endedBy),
    })),
  );
  return true;
}

/** Opting out of coaching ends the person's open engagement, politely, for both sides. */
export async function endCoachingOnOptOut(tx: Database, coacheeId: string, now: Date): Promise<boolean> {
  const open = await tx
    .selectFrom('coaching_engagements')
    .select('id')
    .where('coachee_id', '=', coacheeId)
    .where('status', 'in', ['proposed', 'active'])
    .execute();
  let any = false;
  for (const e of open) any = (await endEngagementTx(tx, e.id, coacheeId, 'opted_out', now)) || any;
  return any;
}
