import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { type Translator, translatorFor } from '../../i18n';
import { cleanText, isBlank, rowIdOr } from '../../lib/input';
import { enqueueMessages, type WithOutbox } from '../../outbox/enqueue';
import { notAway } from '../calendar';
import { COACHING_TOPIC_SLUG, optInTx, topicBySlug } from '../consent';
import {
  CADENCES,
  type Cadence,
  renderCoachingIntro,
  renderCoachingUnmatched,
  renderCoachProposal,
} from './blocks';
import { endEngagementTx, loadEngagementView } from './end';
import { coachingText } from './messages';
import { decideCoaching } from './policy';

/**
 * Coaching matching: a request becomes a 'proposed' engagement offered to the least-loaded
 * member who has a matching skill and free capacity; they accept (→ 'active', group DM
 * introduction) or pass (→ the next candidate); nobody left → 'unmatched', told kindly.
 */

/** The longest goals the form takes. */
export const GOALS_MAX = 2000;

/**
 * The coaching form (focus areas among `activeServiceIds`), its errors in the person's
 * language; requestCoaching checks it again.
 */
export function coachingFormSchema(activeServiceIds: number[], tr: Translator = translatorFor('en')) {
  const t = tr.of(coachingText);
  return z.object({
    serviceIds: z
      .array(rowIdOr(t('errorFocusFromList')), { error: t('errorFocus') })
      .nullable()
      .transform((ids) => [...new Set(ids ?? [])].filter((id) => activeServiceIds.includes(id)))
      .refine((ids) => ids.length > 0, t('errorFocus')),
    // lib/input's requiredText rule, with its words in the person's language.
    goals: z
      .string({ error: t('errorGoals') })
      .transform((v) => cleanText(v).trim())
      .refine((v) => !isBlank(v), t('errorGoals'))
      .refine((v) => v.length <= GOALS_MAX, t('errorGoalsLong', { max: String(GOALS_MAX) })),
    cadence: z.enum(CADENCES as unknown as [Cadence, ...Cadence[]], { error: t('errorCadence') }),
  });
}

export interface CoachingRequest {
  coacheeId: string;
  serviceIds: number[];
  goals: string;
  cadence: Cadence;
}

export type RequestOutcome =
  | { kind: 'proposed' | 'unmatched'; engagementId: number }
  | { kind: 'already'; engagementId: number; status: string };

export async function activeServices(db: Database): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('retired_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function openEngagementOf(
  db: Database,
  coacheeId: string,
): Promise<{ id: number; status: string } | undefined> {
  return db
    .selectFrom('coaching_engagements')
    .select(['id', 'status'])
    .where('coachee_id', '=', coacheeId)
    .where('status', 'in', ['proposed', 'active'])
    .executeTakeFirst();
}

export async function requestCoaching(
  deps: WithOutbox,
  input: CoachingRequest,
  now: Date,
): Promise<RequestOutcome> {
  const outcome = await requestCoachingIn(deps.db, input, now);
  // The proposal to a coach, or the kind "no coach yet", is in the outbox.
  if (outcome.kind !== 'already') deps.outbox.kick();
  return outcome;
}

async function requestCoachingIn(db: Database, input: CoachingRequest, now: Date): Promise<RequestOutcome> {
  const active = (await activeServices(db)).map((s) => s.id);
  const req = { coacheeId: input.coacheeId, ...coachingFormSchema(active).parse(input) };
  const topic = await topicBySlug(db, COACHING_TOPIC_SLUG);
  try {
    return await db.transaction().execute(async (tx) => {
      const open = await openEngagementOf(tx, req.coacheeId);
      if (open) return { kind: 'already', engagementId: open.id, status: open.status } as const;
      // Asking for coaching is opting in to hearing about it; recorded like any other consent.
      if (topic && !topic.retired) await optInTx(tx, req.coacheeId, [topic.id], 'coaching', now);
      const row = await tx
        .insertInto('coaching_engagements')
        .values({
          coachee_id: req.coacheeId,
          focus_service_ids: req.serviceIds,
          goals: req.goals,
          cadence: req.cadence,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const matched = await proposeNext(tx, row.id, now);
      return { kind: matched ? 'proposed' : 'unmatched', engagementId: row.id } as const;
    });
  } catch (err) {
    // A double submit racing past the check above meets the one-open-engagement index.
    if ((err as { code?: string }).code === '23505') {
      const open = await openEngagementOf(db, req.coacheeId);
      if (open) return { kind: 'already', engagementId: open.id, status: open.status };
    }
    throw err;
  }
}

/**
 * Offers the engagement to the next candidate: active members with a skill in one of the
 * focus areas, not the coachee, not someone who passed, with load below their weekly
 * capacity; least loaded first. Load = active engagements coached + proposals waiting on them
 * + requests they own that are still open. Nobody away today is offered it.
 */
async function proposeNext(tx: Database, id: number, now: Date): Promise<boolean> {
  const e = await tx
    .selectFrom('coaching_engagements')
    .select(['coachee_id', 'focus_service_ids', 'passed_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const focus = e.focus_service_ids.length ? e.focus_service_ids : [-1];
  const exclude = [e.coachee_id, ...e.passed_by];
  const candidates = await tx
    .selectFrom('members as m')
    .select((eb) => [
      'm.slack_user_id as id',
      'm.weekly_capacity as capacity',
      sql<number>`(
        (select count(*) from coaching_engagements c where c.coach_id = m.slack_user_id and c.status = 'active')
        + (select count(*) from coaching_engagements c where c.proposed_to = m.slack_user_id
             and c.status = 'proposed' and c.id <> ${id})
        + (select count(*) from requests r where r.owner_id = m.slack_user_id
             and r.status in ('claimed', 'in_progress'))
      )::int`.as('load'),
      eb
        .exists(
          eb
            .selectFrom('member_skills as s')
            .select('s.service_id')
            .whereRef('s.member_id', '=', 'm.slack_user_id')
            .where('s.service_id', 'in', focus),
        )
        .as('skilled'),
    ])
    .where('m.active', '=', true)
    .where('m.slack_user_id', 'not in', exclude)
    // Away members are not matched as coaches.
    .where(notAway('m.slack_user_id', now.toISOString().slice(0, 10)))
    .execute();
  const next = candidates
    .filter((c) => c.skilled && Number(c.load) < c.capacity)
    .sort((a, b) => Number(a.load) - Number(b.load) || a.id.localeCompare(b.id))[0];
  if (!next) {
    await tx
      .updateTable('coaching_engagements')
      .set({ status: 'unmatched', proposed_to: null })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .execute();
    await enqueueMessages(tx, [
      {
        kind: 'coaching.unmatched',
        dedupeKey: `coaching.${id}.unmatched`,
        channel: e.coachee_id,
        payload: renderCoachingUnmatched(translatorFor('en')),
      },
    ]);
    return false;
  }
  await tx
    .updateTable('coaching_engagements')
    .set({ proposed_to: next.id })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .execute();
  const view = await loadEngagementView(tx, id);
  if (view) {
    await enqueueMessages(tx, [
      {
        kind: 'coaching.proposal',
        dedupeKey: proposalKey(id, next.id),
        channel: next.id,
        payload: renderCoachProposal(translatorFor('en'), view),
      },
    ]);
  }
  return true;
}

/** `not_yours`: the clicker was never asked to coach this engagement. */
export type ProposalOutcome = 'accepted' | 'passed' | 'closed' | 'not_yours';

/** The coach's Accept: only the person it was proposed to, only while it is still proposed. */
export async function acceptCoaching(
  deps: WithOutbox,
  id: number,
  coachId: string,
  now: Date,
): Promise<ProposalOutcome> {
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('coaching_engagements')
      .set({ status: 'active', coach_id: coachId, started_at: now })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .where('proposed_to', '=', coachId)
      .returning('coachee_id')
      .executeTakeFirst();
    if (!row) return proposalState(tx, id, coachId);
    const view = await loadEngagementView(tx, id);
    if (view) {
      // Posted into a group DM of the two; the sender opens it (conversations.open) at send time.
      await enqueueMessages(tx, [
        {
          kind: 'coaching.intro',
          dedupeKey: introKey(id),
          channel: row.coachee_id,
          payload: renderCoachingIntro(translatorFor('en'), view),
        },
      ]);
    }
    return 'accepted';
  });
  // The introduction is in the outbox.
  if (outcome === 'accepted') deps.outbox.kick();
  return outcome;
}

export async function passCoaching(
  deps: WithOutbox,
  id: number,
  coachId: string,
  now: Date,
): Promise<ProposalOutcome> {
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('coaching_engagements')
      .set({ proposed_to: null, passed_by: sql<string[]>`array_append(passed_by, ${coachId})` })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .where('proposed_to', '=', coachId)
      .returning('id')
      .executeTakeFirst();
    if (!row) return proposalState(tx, id, coachId);
    await proposeNext(tx, id, now);
    return 'passed';
  });
  // The proposal to the next coach (or the "no coach yet" note) is in the outbox.
  if (outcome === 'passed') deps.outbox.kick();
  return outcome;
}

/** A refused Accept or Pass: what the policy says this clicker is told. */
async function proposalState(tx: Database, id: number, coachId: string): Promise<ProposalOutcome> {
  const decision = decideCoaching('accept', await engagementFacts(tx, id), coachId);
  return decision.ok ? 'closed' : decision.refusal;
}

function engagementFacts(db: Database, id: number) {
  return db
    .selectFrom('coaching_engagements')
    .select(['status', 'coachee_id', 'coach_id', 'proposed_to', 'passed_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The introduction in the group DM of coach and coachee. */
export const introKey = (id: number) => `coaching.${id}.intro`;

/** The proposal DM the app sent this coach, if it did. */
export const proposalKey = (id: number, coachId: string) => `coaching.${id}.proposal.${coachId}`;

export type EndOutcome = 'ended' | 'not_open' | 'not_yours';

/** Either side's End button. */
export async function endCoaching(
  deps: WithOutbox,
  id: number,
  userId: string,
  now: Date,
): Promise<EndOutcome> {
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const decision = decideCoaching('end', await engagementFacts(tx, id), userId);
    if (!decision.ok) return decision.refusal === 'not_yours' ? 'not_yours' : 'not_open';
    // Conditional too: of two End clicks at once, one ends it.
    return (await endEngagementTx(tx, id, userId, 'ended', now)) ? 'ended' : 'not_open';
  });
  // Both sides' goodbyes are in the outbox.
  if (outcome === 'ended') deps.outbox.kick();
  return outcome;
}

/** Coach and coachee of an engagement that is (still) active, for the introduction. */
export async function introParticipants(
  db: Database,
  id: number,
): Promise<{ coachId: string; coacheeId: string } | undefined> {
  const e = await db
    .selectFrom('coaching_engagements')
    .select(['coachee_id', 'coach_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!e?.coach_id || e.status !== 'active') return undefined;
  return { coachId: e.coach_id, coacheeId: e.coachee_id };
}

/** Where the introduction landed, for the record and for check-ins. */
export async function recordIntroChannel(db: Database, id: number, channel: string): Promise<void> {
  await db.updateTable('coaching_engagements').set({ intro_channel: channel }).where('id', '=', id).execute();
}

export { loadEngagementView };
