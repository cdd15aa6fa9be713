import { sql } from 'kysely';
import { digestPeriod } from '../../src/features/digest/service';
import { renderFeedbackModal } from '../../src/features/value/blocks';
import { seedMember, serviceId, topicId } from '../support/seed';
import { PMO_CHANNEL, type TestApp } from '../support/test-app';

/**
 * The world the hardening tests attack: requests in each state, a question, an invitation DM, a
 * draft, coaching engagements, check-ins — each belonging to somebody, with text only its
 * people may read (SECRET), so a test can tell when something leaks.
 */

/** A plain invitation draft by DM to one topic, as /pmo invite stores it. */
export const dmDraft = (topic: number, title: string, message = title) => ({
  title,
  message,
  topicIds: [topic],
  eventDate: null,
  link: null,
  seats: null,
  rsvpDeadline: null,
  mode: 'dm' as const,
  channel: null,
});

/** Anything seeded that only its people may read. */
export const SECRET = 'SECRET';

export interface World {
  rNew: number;
  rClaimed: number;
  rDelivered: number;
  question: number;
  invitation: number;
  draft: number;
  proposed: number;
  active: number;
  checkin: number;
  answered: number;
  followup: number;
  service: number;
  topic: number;
  /** The digest period's run key now (what `/pmo feedback` puts in its modal). */
  period: string;
}

/** The `/pmo feedback` modal as a lead would have it open, offering the world's service. */
export const feedbackModalFor = (w: World) =>
  renderFeedbackModal('16–22 Nov 2026', w.period, [
    {
      serviceId: w.service,
      name: 'Change management',
      people: 3,
      averageRating: 4,
      comments: [],
      action: null,
    },
  ]);

export async function seedWorld(t: TestApp): Promise<World> {
  const db = t.db;
  await seedMember(db, 'UM1', ['change-management']);
  await seedMember(db, 'UM2', ['change-management']);
  const service = await serviceId(db, 'change-management');
  const topic = await topicId(db, 'executive-coaching');
  const now = t.clock.now();
  const req = (status: 'new' | 'claimed' | 'delivered', extra: Record<string, unknown> = {}) =>
    db
      .insertInto('requests')
      .values({
        submission_key: `world-${status}-${Math.random()}`,
        requester_id: 'UREQ1',
        service_id: service,
        project: `${SECRET} project`,
        need: `${SECRET} need`,
        expected_value: `${SECRET} value`,
        impact: 'important',
        status,
        created_at: now,
        updated_at: now,
        triage_channel: PMO_CHANNEL,
        triage_ts: `1700000000.00${Math.floor(Math.random() * 1000)}`,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const rNew = await req('new');
  const rClaimed = await req('claimed', { owner_id: 'UM1', claimed_at: now });
  const rDelivered = await req('delivered', { owner_id: 'UM1', claimed_at: now, delivered_at: now });
  // UREQ2 is a requester too, of something else.
  await db
    .insertInto('requests')
    .values({
      submission_key: 'world-other',
      requester_id: 'UREQ2',
      service_id: service,
      project: 'Other',
      need: 'Other',
      expected_value: 'Other',
      impact: 'important',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const question = (
    await db
      .insertInto('request_questions')
      .values({
        request_id: rNew,
        asked_by: 'UM1',
        question: `${SECRET} question`,
        asked_at: now,
        submission_key: 'q1',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const invitation = (
    await db
      .insertInto('invitations')
      .values({
        submission_key: 'inv1',
        created_by: 'UM1',
        title: `${SECRET} invitation`,
        message: `${SECRET} message`,
        mode: 'dm',
        summary_channel: PMO_CHANNEL,
        summary_ts: '1700000001.000100',
        status: 'sent',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('invitation_topics').values({ invitation_id: invitation, topic_id: topic }).execute();
  await db
    .insertInto('invitation_recipients')
    .values({
      invitation_id: invitation,
      user_id: 'UREQ1',
      topic_id: topic,
      delivery: 'delivered',
      delivered_at: now,
      message_channel: 'DUREQ1',
      message_ts: '1700000002.000100',
    })
    .execute();
  await db
    .insertInto('consents')
    .values({ user_id: 'UREQ1', topic_id: topic, opted_in: true, updated_at: now })
    .execute();
  const draft = (
    await db
      .insertInto('invitation_drafts')
      .values({
        created_by: 'UM1',
        draft: JSON.stringify(dmDraft(topic, 'Draft')),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const engagement = (coachee: string, values: Record<string, unknown>) =>
    db
      .insertInto('coaching_engagements')
      .values({
        coachee_id: coachee,
        focus_service_ids: [service],
        goals: `${SECRET} goals`,
        cadence: 'weekly',
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const proposed = await engagement('UREQ1', { status: 'proposed', proposed_to: 'UM1' });
  const active = await engagement('UREQ3', { status: 'active', coach_id: 'UM1', started_at: now });
  const checkin = (kind: 'delivery' | 'followup', status: 'sent' | 'answered', seq: number) =>
    db
      .insertInto('checkins')
      .values({
        kind,
        request_id: rDelivered,
        sequence: seq,
        user_id: 'UREQ1',
        due_at: now,
        status,
        sent_at: now,
        message_channel: 'DUREQ1',
        message_ts: `1700000003.00010${seq}`,
        ...(status === 'answered' ? { rating: 5, answered_at: now } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  return {
    rNew,
    rClaimed,
    rDelivered,
    question,
    invitation,
    draft,
    proposed,
    active,
    checkin: await checkin('delivery', 'sent', 1),
    answered: await checkin('delivery', 'answered', 2),
    followup: await checkin('followup', 'sent', 3),
    service,
    topic,
    period: digestPeriod(now, t.service.deps.config.pmo.timezone).runKey,
  };
}

/**
 * Every row of every table a person's action could change, read in one query (a UNION over the
 * tables) rather than one per table: the matrix takes two snapshots for each of its cases.
 */
export async function snapshot(t: TestApp): Promise<Record<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('people', 'processed_events', 'kysely_migration', 'kysely_migration_lock')
    ORDER BY table_name`.execute(t.db);
  const names = tables.rows.map((r) => r.table_name);
  const out: Record<string, string[]> = Object.fromEntries(names.map((name) => [name, []]));
  if (!names.length) return out;
  const everyRow = sql.join(
    names.map(
      (name) => sql`SELECT ${name}::text AS name, row_to_json(r)::text AS row FROM ${sql.table(name)} r`,
    ),
    sql` UNION ALL `,
  );
  const rows = await sql<{ name: string; row: string }>`${everyRow}`.execute(t.db);
  for (const { name, row } of rows.rows) out[name]?.push(row);
  for (const name of names) out[name]?.sort();
  return out;
}
