import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { translatorFor } from '../../i18n';
import { addDays } from '../../lib/calendar';
import { enqueueMessages } from '../../outbox/enqueue';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { type ConsentDeps, optOut, pause } from '../consent';
import { renderStillInterested } from './blocks';
import { invitationQuiet, SILENCE_INVITATIONS } from './policy';

/**
 * Quiet after silence, for invitations: three delivered in a row with no click (an RSVP, or
 * Pause / Opt out on it) → one "Still interested?" DM, and no invitations until the person
 * answers or eight weeks pass. Asked from the invitation's send-time check.
 */

export type SilenceVerdict = { send: true } | { send: false; reason: 'quiet_after_silence' };

export async function checkSilence(db: Database, userId: string, now: Date): Promise<SilenceVerdict> {
  // One statement (it runs for every invitation DM, inside the person's send-time lock): the
  // latest question, and whether each of the last three invitations since then got a click.
  const { rows } = await sql<{ asked_at: Date | null; answered_at: Date | null; clicks: boolean[] | null }>`
    WITH last AS (
      SELECT asked_at, answered_at FROM silence_checks
      WHERE user_id = ${userId} ORDER BY asked_at DESC LIMIT 1)
    SELECT last.asked_at, last.answered_at,
      (SELECT array_agg(x.clicked ORDER BY x.delivered_at DESC) FROM (
         SELECT ir.delivered_at,
                ir.rsvp IS NOT NULL OR EXISTS (
                  SELECT 1 FROM consent_events ce
                  WHERE ce.detail ->> 'invitation_id' = ir.invitation_id::text AND ce.user_id = ir.user_id
                ) AS clicked
         FROM invitation_recipients ir
         WHERE ir.user_id = ${userId} AND ir.delivery = 'delivered'
           AND ir.delivered_at > coalesce(greatest(last.asked_at, last.answered_at), '-infinity'::timestamptz)
         ORDER BY ir.delivered_at DESC LIMIT ${SILENCE_INVITATIONS}) x) AS clicks
    FROM (SELECT 1) one LEFT JOIN last ON true`.execute(db);
  const row = rows[0];
  const recent = (row?.clicks ?? []).map((clicked) => ({ clicked: Boolean(clicked) }));
  const open = row?.asked_at && !row.answered_at ? new Date(row.asked_at) : undefined;
  const verdict = invitationQuiet(recent, open, now);
  if (verdict.send) return { send: true };
  if (verdict.ask) await askStillInterested(db, userId, now);
  return { send: false, reason: 'quiet_after_silence' };
}

/**
 * One open question per person (a unique index); an unanswered one older than 8 weeks lapses.
 * Runs in the caller's transaction (the invitation's send-time check holds the person's lock).
 */
async function askStillInterested(trx: Database, userId: string, now: Date): Promise<void> {
  {
    await trx
      .updateTable('silence_checks')
      .set({ answered_at: now })
      .where('user_id', '=', userId)
      .where('answered_at', 'is', null)
      .execute();
    const row = await trx
      .insertInto('silence_checks')
      .values({ user_id: userId, asked_at: now })
      .onConflict((oc) => oc.column('user_id').where('answered_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return;
    await enqueueMessages(trx, [
      {
        kind: OUTBOX_KINDS.calendar.stillInterested,
        dedupeKey: `calendar.still.${row.id}`,
        channel: userId,
        recipientId: userId,
        // Rendered again in the recipient's language when sent (the outbox hook knows their client).
        payload: renderStillInterested(translatorFor('en'), row.id),
      },
    ]);
  }
}

export async function silenceCheckOpen(db: Database, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('silence_checks')
    .select('id')
    .where('user_id', '=', userId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export type StillAnswer = 'keep' | 'pause' | 'optout';
export type StillOutcome = { ok: true; answer: StillAnswer; pausedUntil?: string } | { ok: false };

/** Only the person asked, once: keep, pause three months, or opt out of every topic. */
export async function answerStillInterested(
  deps: ConsentDeps,
  input: { checkId: number; userId: string; answer: StillAnswer; now: Date; today: string },
): Promise<StillOutcome> {
  const res = await deps.db
    .updateTable('silence_checks')
    .set({ answered_at: input.now, answer: input.answer })
    .where('id', '=', input.checkId)
    .where('user_id', '=', input.userId)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return { ok: false };
  if (input.answer === 'pause') {
    const until = addMonths(input.today, 3);
    await pause(deps.db, input.userId, until, 'still_interested', input.now);
    return { ok: true, answer: 'pause', pausedUntil: until };
  }
  if (input.answer === 'optout') await optOut(deps, input.userId, 'all', 'still_interested', input.now);
  return { ok: true, answer: input.answer };
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return addDays(`${target.toISOString().slice(0, 8)}01`, Math.min(d.getUTCDate(), lastDay) - 1);
}
