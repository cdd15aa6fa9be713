import type { WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Realised } from '../../db/schema';
import type { Deps } from '../../deps';
import { type Locale, type Translator, translatorFor } from '../../i18n';
import { optionalText } from '../../lib/input';
import { personalHours } from '../../lib/working-calendar';
import { enqueueMessages, type WithOutbox } from '../../outbox/enqueue';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { lookupPerson } from '../../slack/people';
import { checkinsSilenced, SILENCE_CHECKINS } from '../calendar';
import { REALISED_ANSWERS } from '../digest';
import {
  type CheckinSubject,
  OUTCOME_TAGS,
  renderCheckinAsk,
  renderFollowupAsk,
  renderOwnerNotice,
} from './blocks';
import { checkinsText } from './messages';
import { CHECKIN_RULES, decideCheckin } from './policy';

/**
 * Value check-ins: did the help land? Created after deliveries, during coaching, and as an
 * agreed follow-up; sent only in the recipient's own working hours; one reminder at most; then
 * they close quietly. Every state change is a conditional UPDATE so two replicas (or a double
 * click) cannot both win, and every message goes through the outbox in the same transaction.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** A check-in more than this late (the scheduler was off, the feature just turned on) is not asked. */
const STALE_AFTER_DAYS = 30;
/** Per run; the rest waits for the next run. */
const BATCH = 500;

type CheckinRules = Config['checkins'];

export interface CreatedCheckins {
  delivery: number;
  coaching: number;
  followup: number;
}

const OUTBOX_KIND = OUTBOX_KINDS.checkin;

export const checkinDedupe = (id: number, what: 'ask' | 'remind' | 'owner') => `checkin.${id}.${what}`;

/** Step 1: the check-ins that are due by now (idempotent: the unique index absorbs repeats). */
export async function createDueCheckins(
  db: Database,
  rules: CheckinRules,
  now: Date,
): Promise<CreatedCheckins> {
  const ms = (days: number) => new Date(now.getTime() - days * DAY_MS);

  const delivery = await sql`
    INSERT INTO checkins (kind, request_id, user_id, due_at)
    SELECT 'delivery', r.id, r.requester_id, r.delivered_at + make_interval(days => ${rules.afterDays})
    FROM requests r
    WHERE r.delivered_at <= ${ms(rules.afterDays)}
      AND r.delivered_at > ${ms(rules.afterDays + STALE_AFTER_DAYS)}
      AND r.status IN ('delivered', 'closed')
      AND NOT EXISTS (
        SELECT 1 FROM checkins c
        WHERE c.kind = 'delivery' AND coalesce(c.request_id, 0) = r.id
          AND coalesce(c.engagement_id, 0) = 0 AND c.sequence = 1)
    ON CONFLICT DO NOTHING`.execute(db);

  // Coaching: the latest due sequence n only (a missed one is not backfilled).
  const engagements = await db
    .selectFrom('coaching_engagements')
    .select(['id', 'coachee_id', 'started_at'])
    .where('status', '=', 'active')
    .where('started_at', '<=', ms(rules.coachingEveryDays))
    .execute();
  let coaching = 0;
  const every = rules.coachingEveryDays * DAY_MS;
  for (const e of engagements) {
    if (!e.started_at) continue;
    const n = Math.floor((now.getTime() - e.started_at.getTime()) / every);
    if (n < 1) continue;
    // Quiet after silence: two unanswered in a row and this engagement is not asked again.
    const latest = await db
      .selectFrom('checkins')
      .select('status')
      .where('engagement_id', '=', e.id)
      .where('kind', '=', 'coaching')
      .orderBy('sequence', 'desc')
      .limit(SILENCE_CHECKINS)
      .execute();
    if (checkinsSilenced(latest)) continue;
    const res = await db
      .insertInto('checkins')
      .values({
        kind: 'coaching',
        engagement_id: e.id,
        sequence: n,
        user_id: e.coachee_id,
        due_at: new Date(e.started_at.getTime() + n * every),
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    coaching += Number(res.numInsertedOrUpdatedRows ?? 0);
  }

  const followup = await sql`
    INSERT INTO checkins (kind, request_id, engagement_id, user_id, due_at)
    SELECT 'followup', c.request_id, c.engagement_id, c.user_id,
           c.answered_at + make_interval(days => ${rules.followupAfterDays})
    FROM checkins c
    WHERE c.answered_at <= ${ms(rules.followupAfterDays)}
      AND c.answered_at > ${ms(rules.followupAfterDays + STALE_AFTER_DAYS)}
      AND c.kind = 'delivery' AND c.status = 'answered' AND c.followup_agreed
    ON CONFLICT DO NOTHING`.execute(db);

  return {
    delivery: Number(delivery.numAffectedRows ?? 0),
    coaching,
    followup: Number(followup.numAffectedRows ?? 0),
  };
}

/** The request or engagement a check-in is about, as its DM names it. */
export async function loadSubject(
  db: Database,
  checkinId: number,
): Promise<
  | (CheckinSubject & {
      userId: string;
      ownerId: string | null;
      status: string;
      rating: number | null;
      messageChannel: string | null;
      messageTs: string | null;
    })
  | undefined
> {
  const row = await db
    .selectFrom('checkins as c')
    .leftJoin('requests as r', 'r.id', 'c.request_id')
    .leftJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('coaching_engagements as e', 'e.id', 'c.engagement_id')
    .select([
      'c.id',
      'c.kind',
      'c.user_id',
      'c.status',
      'c.rating',
      'c.request_id',
      'c.message_channel',
      'c.message_ts',
      'r.project',
      'r.expected_value',
      'r.owner_id',
      's.name as service_name',
      'e.goals',
      'e.coach_id',
    ])
    .where('c.id', '=', checkinId)
    .executeTakeFirst();
  if (!row) return undefined;
  const coaching = row.kind === 'coaching' || (row.request_id === null && row.goals !== null);
  return {
    checkinId: row.id,
    kind: row.kind,
    // Unknown names stay empty: the renderers name them in the reader's language.
    service: coaching ? '' : (row.service_name ?? ''),
    project: coaching ? (row.goals ?? '') : (row.project ?? ''),
    coaching,
    requestId: row.request_id,
    expected: coaching ? null : (row.expected_value ?? null),
    userId: row.user_id,
    ownerId: coaching ? row.coach_id : row.owner_id,
    status: row.status,
    rating: row.rating,
    messageChannel: row.message_channel,
    messageTs: row.message_ts,
  };
}

export interface SendResult {
  sent: number;
  deferred: number;
  reminded: number;
  expired: number;
  cancelled: number;
}

/**
 * Steps 2 and 3: send what is due, remind once, expire quietly. Each person is looked up
 * (users.info, cached) for their time zone; outside their working hours the check-in simply
 * waits for a later run.
 */
export async function sendDueCheckins(
  deps: Pick<Deps, 'db' | 'config' | 'logger' | 'languages'>,
  client: WebClient,
  now: Date,
): Promise<SendResult> {
  const { db, config } = deps;
  const rules = config.checkins;
  const hours = personalHours(rules);
  const result: SendResult = { sent: 0, deferred: 0, reminded: 0, expired: 0, cancelled: 0 };
  const people = new Map<string, Awaited<ReturnType<typeof lookupPerson>>>();
  const person = async (userId: string) => {
    let p = people.get(userId);
    if (!p) {
      p = await lookupPerson(db, client, userId, now);
      people.set(userId, p);
    }
    return p;
  };
  /** Deactivated → cancelled; outside working hours → false (try later); else true. */
  const reachable = async (id: number, userId: string): Promise<boolean> => {
    let p: Awaited<ReturnType<typeof person>>;
    try {
      p = await person(userId);
    } catch (err) {
      // One unreadable profile must not hold up everyone else's check-ins: try again next run.
      deps.logger.warn({ err, checkinId: id }, 'could not look up a check-in recipient; deferred');
      result.deferred++;
      return false;
    }
    if (p.deleted) {
      const res = await db
        .updateTable('checkins')
        .set({ status: 'cancelled' })
        .where('id', '=', id)
        .where('status', 'in', ['scheduled', 'sent', 'reminded'])
        .executeTakeFirst();
      result.cancelled += Number(res.numUpdatedRows);
      return false;
    }
    if (!hours.isWorkingTime(now, p.tz)) {
      result.deferred++;
      return false;
    }
    return true;
  };

  const due = await db
    .selectFrom('checkins')
    .select(['id', 'user_id'])
    .where('status', '=', 'scheduled')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(BATCH)
    .execute();
  for (const c of due) {
    if (!(await reachable(c.id, c.user_id))) continue;
    const subject = await loadSubject(db, c.id);
    if (!subject) continue;
    // In the recipient's language, fixed now: the outbox sends it as it is.
    const tr = translatorFor(await deps.languages.of(client, c.user_id));
    const body =
      subject.kind === 'followup'
        ? renderFollowupAsk(subject, tr)
        : renderCheckinAsk(subject, { reminder: false }, tr);
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('checkins')
        .set({ status: 'sent', sent_at: now })
        .where('id', '=', c.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      await enqueueMessages(trx, [
        {
          kind: subject.kind === 'followup' ? OUTBOX_KIND.followup : OUTBOX_KIND.ask,
          dedupeKey: checkinDedupe(c.id, 'ask'),
          channel: c.user_id,
          recipientId: c.user_id,
          payload: body,
          ...(subject.requestId ? { requestId: subject.requestId } : {}),
        },
      ]);
      return true;
    });
    if (sent) result.sent++;
  }

  const remindCutoff = new Date(now.getTime() - rules.reminderDays * DAY_MS);
  const toRemind = await db
    .selectFrom('checkins')
    .select(['id', 'user_id'])
    .where('status', '=', 'sent')
    // due_at ≤ sent_at, so this bound lets the partial due index narrow the scan
    .where('due_at', '<=', remindCutoff)
    .where('sent_at', '<=', remindCutoff)
    .orderBy('sent_at')
    .limit(BATCH)
    .execute();
  for (const c of toRemind) {
    if (!(await reachable(c.id, c.user_id))) continue;
    const subject = await loadSubject(db, c.id);
    if (!subject) continue;
    const tr = translatorFor(await deps.languages.of(client, c.user_id));
    const followupAsk = subject.kind === 'followup' ? renderFollowupAsk(subject, tr) : undefined;
    const body = followupAsk
      ? { ...followupAsk, text: tr.t(checkinsText, 'reminder', { question: followupAsk.text }) }
      : renderCheckinAsk(subject, { reminder: true }, tr);
    const reminded = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('checkins')
        .set({ status: 'reminded', reminded_at: now })
        .where('id', '=', c.id)
        .where('status', '=', 'sent')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      await enqueueMessages(trx, [
        {
          kind: OUTBOX_KIND.remind,
          dedupeKey: checkinDedupe(c.id, 'remind'),
          channel: c.user_id,
          recipientId: c.user_id,
          payload: body,
          ...(subject.requestId ? { requestId: subject.requestId } : {}),
        },
      ]);
      return true;
    });
    if (reminded) result.reminded++;
  }

  // Quietly: no message, the question just closes.
  const expired = await db
    .updateTable('checkins')
    .set({ status: 'expired' })
    .where('status', '=', 'reminded')
    .where('reminded_at', '<=', remindCutoff)
    .executeTakeFirst();
  result.expired = Number(expired.numUpdatedRows);
  return result;
}

export type RatingOutcome =
  | { status: 'recorded'; subject: CheckinSubject; rating: number; offerFollowup: boolean }
  | { status: 'already'; rating: number | null }
  | { status: 'closed' }
  | { status: 'not_found' };

/**
 * A click on 1–5. Only the person asked, only while the question is open, only once.
 * `languageOf` gives the owner's language for their note (English without it).
 */
export async function recordRating(
  deps: WithOutbox,
  input: { checkinId: number; userId: string; rating: number; now: Date },
  languageOf?: (userId: string) => Promise<Locale>,
): Promise<RatingOutcome> {
  // The owner's language is asked before the transaction: Slack is never called inside one.
  const before = languageOf ? await loadSubject(deps.db, input.checkinId) : undefined;
  const ownerTr =
    before?.ownerId && languageOf
      ? translatorFor(await languageOf(before.ownerId).catch(() => 'en' as const))
      : translatorFor('en');
  const outcome = await recordRatingIn(deps.db, input, ownerTr);
  // The owner's note is in the outbox.
  if (outcome.status === 'recorded') deps.outbox.kick();
  return outcome;
}

async function recordRatingIn(
  db: Database,
  input: { checkinId: number; userId: string; rating: number; now: Date },
  ownerTr: Translator,
): Promise<RatingOutcome> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('checkins')
      .set({ status: 'answered', rating: input.rating, answered_at: input.now })
      .where('id', '=', input.checkinId)
      .where('user_id', '=', input.userId)
      .where('kind', 'in', CHECKIN_RULES.rate.kinds)
      .where('status', 'in', CHECKIN_RULES.rate.open)
      .returning(['id'])
      .executeTakeFirst();
    const subject = await loadSubject(trx, input.checkinId);
    if (!updated || !subject) {
      const why = decideCheckin('rate', subject && factsOf(subject), input.userId);
      if (why.ok || why.refusal === 'not_yours') return { status: 'not_found' } as const;
      return why.refusal === 'already'
        ? ({ status: 'already', rating: subject?.rating ?? null } as const)
        : ({ status: 'closed' } as const);
    }
    if (subject.ownerId && subject.ownerId !== input.userId) {
      await enqueueMessages(trx, [
        {
          kind: OUTBOX_KIND.owner,
          dedupeKey: checkinDedupe(subject.checkinId, 'owner'),
          channel: subject.ownerId,
          recipientId: subject.ownerId,
          payload: renderOwnerNotice(subject, input.rating, ownerTr),
          ...(subject.requestId ? { requestId: subject.requestId } : {}),
        },
      ]);
    }
    return {
      status: 'recorded',
      subject,
      rating: input.rating,
      offerFollowup: subject.kind === 'delivery',
    } as const;
  });
}

const comment = optionalText({ max: 1000 });
const TAGS = OUTCOME_TAGS.map(([t]) => t) as [string, ...string[]];

/** The optional modal after a rating, its field errors in the reader's language. */
export const detailsForm = (tr: Translator) =>
  z.object({
    whatChanged: comment,
    couldBeBetter: comment,
    followup: z
      .array(z.string(), { error: tr.t(checkinsText, 'tickTheBox') })
      .nullable()
      .transform((v) => (v ?? []).includes('yes')),
  });

/** recordDetails checks it again. */
export const detailsFormSchema = detailsForm(translatorFor('en'));

const REALISED = REALISED_ANSWERS.map((a) => a.value) as [Realised, ...Realised[]];

/** "Did it happen?" (one of four), what changed (outcomes, optional), and an optional note. */
export const followupForm = (tr: Translator) => {
  const tick = tr.t(checkinsText, 'tickOutcomes');
  return z.object({
    realised: z.enum(REALISED, { error: tr.t(checkinsText, 'pickRealised') }),
    tags: z
      .array(z.enum(TAGS, { error: tick }), { error: tick })
      .nullable()
      .transform((v) => [...new Set(v ?? [])])
      .refine((v) => v.length <= TAGS.length, tick),
    note: comment,
  });
};

export const followupFormSchema = followupForm(translatorFor('en'));

/** The optional modal after a rating; submitting twice just writes the same words again. */
export async function recordDetails(
  db: Database,
  input: {
    checkinId: number;
    userId: string;
    whatChanged: string | null;
    couldBeBetter: string | null;
    followupAgreed: boolean;
  },
): Promise<boolean> {
  const text = detailsFormSchema
    .pick({ whatChanged: true, couldBeBetter: true })
    .parse({ whatChanged: input.whatChanged, couldBeBetter: input.couldBeBetter });
  const res = await db
    .updateTable('checkins')
    .set({
      what_changed: text.whatChanged,
      could_be_better: text.couldBeBetter,
      // only a delivery check-in offers the follow-up
      followup_agreed: sql<boolean>`CASE WHEN kind = 'delivery' THEN ${input.followupAgreed}::boolean ELSE NULL END`,
    })
    .where('id', '=', input.checkinId)
    .where('user_id', '=', input.userId)
    .where('kind', 'in', CHECKIN_RULES.details.kinds)
    .where('status', 'in', CHECKIN_RULES.details.open)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export type FollowupOutcome =
  | { status: 'recorded'; subject: CheckinSubject; tags: string[]; realised: Realised }
  | { status: 'already' }
  | { status: 'closed' }
  | { status: 'not_found' };

/** Whether a follow-up can still be answered (before opening its modal). */
export async function openFollowup(
  db: Database,
  input: { checkinId: number; userId: string },
): Promise<{ status: 'open'; subject: CheckinSubject } | { status: 'already' | 'closed' | 'not_found' }> {
  const subject = await loadSubject(db, input.checkinId);
  const decision = decideCheckin('followup', subject && factsOf(subject), input.userId);
  if (decision.ok && subject) return { status: 'open', subject };
  if (decision.ok || decision.refusal === 'not_yours') return { status: 'not_found' };
  return { status: decision.refusal };
}

export async function recordFollowup(
  db: Database,
  input: {
    checkinId: number;
    userId: string;
    realised: Realised;
    tags: string[];
    note: string | null;
    now: Date;
  },
): Promise<FollowupOutcome> {
  const { realised, tags, note } = followupFormSchema.parse({
    realised: input.realised,
    tags: input.tags,
    note: input.note,
  });
  const updated = await db
    .updateTable('checkins')
    .set({ status: 'answered', realised, outcome_tags: tags, what_changed: note, answered_at: input.now })
    .where('id', '=', input.checkinId)
    .where('user_id', '=', input.userId)
    .where('kind', 'in', CHECKIN_RULES.followup.kinds)
    .where('status', 'in', CHECKIN_RULES.followup.open)
    .executeTakeFirst();
  const subject = await loadSubject(db, input.checkinId);
  if (Number(updated.numUpdatedRows) === 1 && subject) return { status: 'recorded', subject, tags, realised };
  const why = decideCheckin('followup', subject && factsOf(subject), input.userId);
  if (why.ok || why.refusal === 'not_yours') return { status: 'not_found' };
  return { status: why.refusal };
}

/** A check-in as the policy reads it. */
const factsOf = (s: { userId: string; kind: string; status: string }) => ({
  user_id: s.userId,
  kind: s.kind,
  status: s.status,
});

/** Outbox hooks: a DM for a question that closed meanwhile is not sent; the ask's ts is kept. */
export async function checkinStillOpen(db: Database, checkinId: number): Promise<boolean> {
  const row = await db.selectFrom('checkins').select('status').where('id', '=', checkinId).executeTakeFirst();
  return row?.status === 'sent' || row?.status === 'reminded';
}

export async function recordCheckinMessage(
  db: Database,
  checkinId: number,
  posted: { channel: string; ts: string },
): Promise<void> {
  await db
    .updateTable('checkins')
    .set({ message_channel: posted.channel, message_ts: posted.ts })
    .where('id', '=', checkinId)
    .execute();
}
