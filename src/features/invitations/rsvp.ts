import type { Database } from '../../db/client';
import { translatorFor } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { enqueueMessages, type WithOutbox } from '../../outbox/enqueue';
import { renderPromotedDm } from './blocks';
import { loadInvitationView } from './service';

/**
 * RSVPs on an invitation DM. Seats are counted under a lock on the invitation row, so two
 * clicks on the last seat cannot both get it; a 'going' person who steps back frees the seat
 * for the first person on the waitlist, who is told by DM.
 */

export type GoingOutcome = 'going' | 'waitlist' | 'already' | 'not_invited' | 'closed';
export type DeclineOutcome = 'declined' | 'already' | 'not_invited';

async function lockInvitation(tx: Database, id: number) {
  return tx
    .selectFrom('invitations')
    .select(['id', 'seats', 'rsvp_deadline', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function rsvpGoing(
  db: Database,
  invitationId: number,
  userId: string,
  now: Date,
  tz: string,
): Promise<GoingOutcome> {
  return db.transaction().execute(async (tx) => {
    const inv = await lockInvitation(tx, invitationId);
    if (!inv) return 'not_invited';
    const me = await tx
      .selectFrom('invitation_recipients')
      .select('rsvp')
      .where('invitation_id', '=', invitationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!me) return 'not_invited';
    if (me.rsvp !== null) return 'already';
    if (inv.status === 'cancelled' || (inv.rsvp_deadline && inv.rsvp_deadline < localDate(now, tz)))
      return 'closed';
    let answer: 'going' | 'waitlist' = 'going';
    if (inv.seats !== null) {
      const going = await tx
        .selectFrom('invitation_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('invitation_id', '=', invitationId)
        .where('rsvp', '=', 'going')
        .executeTakeFirstOrThrow();
      if (Number(going.n) >= inv.seats) answer = 'waitlist';
    }
    const updated = await tx
      .updateTable('invitation_recipients')
      .set({ rsvp: answer, rsvp_at: now })
      .where('invitation_id', '=', invitationId)
      .where('user_id', '=', userId)
      .where('rsvp', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0 ? answer : 'already';
  });
}

export interface DeclineResult {
  outcome: DeclineOutcome;
  /** Someone moved from the waitlist to 'going' because this seat freed up. */
  promoted?: { userId: string; channel: string | null; ts: string | null };
}

export async function rsvpDecline(
  deps: WithOutbox,
  invitationId: number,
  userId: string,
  now: Date,
): Promise<DeclineResult> {
  const result = await rsvpDeclineIn(deps.db, invitationId, userId, now);
  // The person promoted from the waitlist is told, from the outbox.
  if (result.promoted) deps.outbox.kick();
  return result;
}

async function rsvpDeclineIn(
  db: Database,
  invitationId: number,
  userId: string,
  now: Date,
): Promise<DeclineResult> {
  return db.transaction().execute(async (tx) => {
    const inv = await lockInvitation(tx, invitationId);
    if (!inv) return { outcome: 'not_invited' };
    const me = await tx
      .selectFrom('invitation_recipients')
      .select('rsvp')
      .where('invitation_id', '=', invitationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!me) return { outcome: 'not_invited' };
    if (me.rsvp === 'declined') return { outcome: 'already' };
    const updated = await tx
      .updateTable('invitation_recipients')
      .set({ rsvp: 'declined', rsvp_at: now })
      .where('invitation_id', '=', invitationId)
      .where('user_id', '=', userId)
      .where((eb) => (me.rsvp === null ? eb('rsvp', 'is', null) : eb('rsvp', '=', me.rsvp)))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { outcome: 'already' };
    if (me.rsvp !== 'going' || inv.seats === null) return { outcome: 'declined' };

    const next = await tx
      .selectFrom('invitation_recipients')
      .select(['user_id', 'message_channel', 'message_ts'])
      .where('invitation_id', '=', invitationId)
      .where('rsvp', '=', 'waitlist')
      .orderBy('rsvp_at')
      .orderBy('user_id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return { outcome: 'declined' };
    await tx
      .updateTable('invitation_recipients')
      .set({ rsvp: 'going', rsvp_at: now })
      .where('invitation_id', '=', invitationId)
      .where('user_id', '=', next.user_id)
      .where('rsvp', '=', 'waitlist')
      .execute();
    const view = await loadInvitationView(tx, invitationId);
    if (view) {
      await enqueueMessages(tx, [
        {
          kind: 'rsvp.promoted',
          dedupeKey: `rsvp.${invitationId}.promoted.${next.user_id}`,
          channel: next.user_id,
          // What a reader of the outbox sees: the sender renders it again in the person's language.
          payload: renderPromotedDm(translatorFor('en'), view),
          invitationId,
        },
      ]);
    }
    return {
      outcome: 'declined',
      promoted: { userId: next.user_id, channel: next.message_channel, ts: next.message_ts },
    };
  });
}

/** 1-based position on the waitlist, for the DM. */
export async function waitlistPosition(
  db: Database,
  invitationId: number,
  userId: string,
): Promise<number | undefined> {
  const me = await db
    .selectFrom('invitation_recipients')
    .select(['rsvp', 'rsvp_at'])
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (me?.rsvp !== 'waitlist' || !me.rsvp_at) return undefined;
  const ahead = await db
    .selectFrom('invitation_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('invitation_id', '=', invitationId)
    .where('rsvp', '=', 'waitlist')
    .where((eb) =>
      eb.or([
        eb('rsvp_at', '<', me.rsvp_at as Date),
        eb.and([eb('rsvp_at', '=', me.rsvp_at as Date), eb('user_id', '<', userId)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}
