import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { OutboxPayload } from '../../db/schema';
import { type Translator, translatorFor } from '../../i18n';
import { addDays, localDate } from '../../lib/calendar';
import { lookupRecipient, type UsersInfoClient } from '../../slack/people';
import { checkSilence } from '../calendar';
import { type ConsentDeps, type OptOutResult, optOut, pause } from '../consent';
import { type DmState, renderInvitationDm } from './blocks';
import { eligibility } from './eligibility';
import { waitlistPosition } from './rsvp';
import { InvitationViewCache, loadInvitationView } from './service';
import { capStanding } from './standing';

/**
 * The send-time check of every invitation DM: the guarantees of "invitation, never mandate"
 * hold here, per person, just before the post — so an opt-out, a pause or a cap reached after
 * the invitation was queued still stops it.
 */

export type SendDecision = { skip: string } | { payload: OutboxPayload };

/**
 * Decides whether `userId` may receive invitation `invitationId` now; if so, reserves one unit
 * of their cap (counted by every other sender from this moment) and renders the DM.
 *
 * Race safety: the whole check runs in a transaction holding a per-person advisory lock, and
 * the reservation is written before the lock is released. A second sender handling another
 * invitation for the same person waits for the lock, then sees the reservation.
 *
 * The DM is rendered in the recipient's language (`translate`, asked only once the DM will go:
 * a skipped person costs no lookup; English when not given).
 */
export async function checkInvitationDelivery(
  db: Database,
  client: UsersInfoClient,
  invitationId: number,
  userId: string,
  now: Date,
  views: InvitationViewCache = new InvitationViewCache(),
  translate: () => Promise<Translator> = async () => translatorFor('en'),
): Promise<SendDecision> {
  const current = await db
    .selectFrom('invitation_recipients')
    .innerJoin('invitations', 'invitations.id', 'invitation_recipients.invitation_id')
    .select([
      'invitation_recipients.delivery',
      'invitation_recipients.skip_reason',
      'invitation_recipients.topic_id',
      'invitation_recipients.rsvp',
      'invitations.status',
      'invitations.rsvp_deadline',
    ])
    .where('invitation_recipients.invitation_id', '=', invitationId)
    .where('invitation_recipients.user_id', '=', userId)
    .executeTakeFirst();
  if (!current) return { skip: 'not_a_recipient' };
  if (current.delivery === 'delivered') return { skip: 'already_delivered' };
  if (current.delivery === 'skipped') return { skip: current.skip_reason ?? 'skipped' };
  if (current.status === 'cancelled') return { skip: 'cancelled' };

  const person = await lookupRecipient(db, client, userId, now);
  if (!person) return { skip: 'user_not_found' };
  const today = localDate(now, person.tz);
  if (current.rsvp_deadline && current.rsvp_deadline < today) return { skip: 'rsvp_closed' };

  const decision = await db
    .transaction()
    .execute(async (tx): Promise<{ skip: string } | { topicName: string }> => {
      await sql`select pg_advisory_xact_lock(hashtext(${userId}))`.execute(tx);
      const consented = await tx
        .selectFrom('consents')
        .innerJoin('invitation_topics', 'invitation_topics.topic_id', 'consents.topic_id')
        .innerJoin('topics', 'topics.id', 'consents.topic_id')
        .select(['consents.topic_id', 'topics.name'])
        .where('invitation_topics.invitation_id', '=', invitationId)
        .where('consents.user_id', '=', userId)
        .where('consents.opted_in', '=', true)
        .where('topics.retired_at', 'is', null)
        .orderBy('topics.sort_order')
        .execute();
      // Name the topic they are still opted in to: the one recorded at compose time if possible.
      const topic = consented.find((c) => c.topic_id === current.topic_id) ?? consented[0];

      // Pause, cap and what this person already received (or has in flight) in one read.
      const standing = await capStanding(tx, userId, now, invitationId);
      const verdict = eligibility(
        {
          consented: topic !== undefined,
          deactivated: person.deleted,
          ...standing,
        },
        now,
        person.tz,
      );
      if (!verdict.ok || !topic) return { skip: verdict.ok ? 'no_consent' : verdict.reason };
      // Quiet after silence: three ignored in a row → "Still interested?", then none.
      const quiet = await checkSilence(tx, userId, now);
      if (!quiet.send) return { skip: quiet.reason };

      await tx
        .updateTable('invitation_recipients')
        .set({ cap_reserved_at: now, topic_id: topic.topic_id })
        .where('invitation_id', '=', invitationId)
        .where('user_id', '=', userId)
        .where('delivery', '=', 'queued')
        .execute();
      return { topicName: topic.name };
    });
  if ('skip' in decision) return decision;
  const [view, tr] = await Promise.all([views.get(db, invitationId), translate()]);
  if (!view) return { skip: 'cancelled' };
  // Just checked: consented, not paused, RSVPs open; an RSVP cannot precede the delivery.
  return {
    payload: renderInvitationDm(tr, view, decision.topicName, {
      rsvp: current.rsvp,
      pausedUntil: null,
      optedOut: false,
      closed: false,
    }),
  };
}

export async function markDelivered(
  db: Database,
  invitationId: number,
  userId: string,
  posted: { channel: string; ts: string },
  now: Date,
): Promise<void> {
  await markDeliveredAll(db, invitationId, [{ userId, posted }], now);
}

/** Several recipients of one invitation delivered at once: one lock, one update, one finish check. */
export async function markDeliveredAll(
  db: Database,
  invitationId: number,
  delivered: ReadonlyArray<{ userId: string; posted: { channel: string; ts: string } }>,
  now: Date,
): Promise<void> {
  if (delivered.length === 0) return;
  await lockForFinish(db, invitationId);
  const values = sql.join(delivered.map((d) => sql`(${d.userId}, ${d.posted.channel}, ${d.posted.ts})`));
  await sql`
    update invitation_recipients r set
      delivery = 'delivered',
      delivered_at = ${now},
      message_channel = v.channel,
      message_ts = v.ts,
      -- A message found by crash reconciliation was let through before the crash.
      cap_reserved_at = coalesce(r.cap_reserved_at, ${now})
    from (values ${values}) as v (user_id, channel, ts)
    where r.invitation_id = ${invitationId} and r.user_id = v.user_id`.execute(db);
  await finishIfDone(db, invitationId);
}

/** Skipped (or failed for good): the reservation is released, so the cap is not used up. */
export async function markSkipped(
  db: Database,
  invitationId: number,
  userId: string,
  reason: string,
): Promise<void> {
  await lockForFinish(db, invitationId);
  await db
    .updateTable('invitation_recipients')
    .set({ delivery: 'skipped', skip_reason: reason.slice(0, 200), cap_reserved_at: null })
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .where('delivery', '=', 'queued')
    .execute();
  await finishIfDone(db, invitationId);
}

/**
 * The outbox records each recipient in its own transaction, several at once. Without this lock
 * the last two could each still see the other as queued and neither would finish the
 * invitation. Taken before touching the recipient row, the same order as the RSVP handlers.
 */
async function lockForFinish(db: Database, invitationId: number): Promise<void> {
  await db.selectFrom('invitations').select('id').where('id', '=', invitationId).forUpdate().execute();
}

async function finishIfDone(db: Database, invitationId: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ status: 'sent' })
    .where('id', '=', invitationId)
    .where('status', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invitation_recipients')
            .select('user_id')
            .where('invitation_id', '=', invitationId)
            .where('delivery', '=', 'queued'),
        ),
      ),
    )
    .execute();
}

/** The DM as it should read now for this person (in their language): RSVP, pause and consent as they are. */
export async function renderDmNow(
  db: Database,
  invitationId: number,
  userId: string,
  now: Date,
  tz: string,
  tr: Translator,
): Promise<OutboxPayload | undefined> {
  const view = await loadInvitationView(db, invitationId);
  const me = await db
    .selectFrom('invitation_recipients')
    .innerJoin('topics', 'topics.id', 'invitation_recipients.topic_id')
    .select(['invitation_recipients.rsvp', 'invitation_recipients.topic_id', 'topics.name'])
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!view || !me) return undefined;
  const prefs = await db
    .selectFrom('invitation_prefs')
    .select('paused_until')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const consent = await db
    .selectFrom('consents')
    .select('opted_in')
    .where('user_id', '=', userId)
    .where('topic_id', '=', me.topic_id)
    .executeTakeFirst();
  const today = localDate(now, tz);
  const state: DmState = {
    rsvp: me.rsvp,
    waitlistPosition: me.rsvp === 'waitlist' ? await waitlistPosition(db, invitationId, userId) : undefined,
    pausedUntil: prefs?.paused_until && prefs.paused_until > today ? prefs.paused_until : null,
    optedOut: consent?.opted_in !== true,
    closed: Boolean(view.rsvpDeadline && view.rsvpDeadline < today),
  };
  return renderInvitationDm(tr, view, me.name, state);
}

export async function isRecipient(db: Database, invitationId: number, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('invitation_recipients')
    .select('user_id')
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** "Pause 4 weeks" on an invitation: every invitation, from every topic, until then. */
export async function pauseFromInvitation(
  db: Database,
  invitationId: number,
  userId: string,
  now: Date,
  tz: string,
): Promise<{ until: string; changed: boolean } | undefined> {
  if (!(await isRecipient(db, invitationId, userId))) return undefined;
  const until = addDays(localDate(now, tz), 28);
  const current = await db
    .selectFrom('invitation_prefs')
    .select('paused_until')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  // Works once: a second click (or an existing longer pause) changes nothing.
  if (current?.paused_until && current.paused_until >= until)
    return { until: current.paused_until, changed: false };
  const changed = await pause(db, userId, until, 'invitation_button', now, {
    invitation_id: String(invitationId),
  });
  return { until, changed };
}

/** "Opt out of this topic": the topic this person was invited for. */
export async function optOutFromInvitation(
  deps: ConsentDeps,
  invitationId: number,
  userId: string,
  now: Date,
): Promise<OptOutResult | undefined> {
  const me = await deps.db
    .selectFrom('invitation_recipients')
    .select('topic_id')
    .where('invitation_id', '=', invitationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!me) return undefined;
  return optOut(deps, userId, [me.topic_id], 'invitation_button', now, {
    invitation_id: String(invitationId),
  });
}
