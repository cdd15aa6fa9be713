import { ManualClock } from '../../src/clock';
import { findJob, runJob } from '../../src/jobs/registry';
import { createSenderClient } from '../../src/start';
import { fileRequest, triagePost } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, usingPostgres } from '../support/test-database';

/**
 * Response targets in the PMO's working calendar (Paris, French public holidays): the one
 * nudge before the first-response target, in each member's own working hours; the one
 * escalation at the target, with the triage post showing "overdue"; once across replicas.
 */

const REQUESTER = 'UREQ1';
const PARIS_MEMBER = 'UMEMPAR';
const NY_MEMBER = 'UMEMNYC';
const AWAY_MEMBER = 'UMEMAWAY';
const ENV = { PMO_TIMEZONE: 'Europe/Paris', PMO_HOLIDAYS: 'FR' };
const USERS = [
  { id: PARIS_MEMBER, tz: 'Europe/Paris' },
  { id: NY_MEMBER, tz: 'America/New_York' },
  { id: AWAY_MEMBER, tz: 'Europe/Paris' },
  { id: LEAD, tz: 'Europe/Paris' },
  { id: LEAD2, tz: 'Europe/Paris' },
];

const nudgesJob = (t: TestApp) => findJob(t.service.jobs, 'nudges') ?? fail('no nudges job');
const nudges = (t: TestApp, user: string) =>
  t.fake.messagesIn(user).filter((m) => (m.text ?? '').includes('waiting for a first response'));
const escalations = (t: TestApp, user: string) =>
  t.fake.messagesIn(user).filter((m) => (m.text ?? '').startsWith('Overdue:'));

async function team(t: TestApp) {
  for (const m of [PARIS_MEMBER, NY_MEMBER, AWAY_MEMBER]) await seedMember(t.db, m, ['change-management']);
  await t.db
    .insertInto('away_periods')
    .values({ user_id: AWAY_MEMBER, first_day: '2026-12-20', last_day: '2027-01-03', set_by: LEAD })
    .execute();
}

describe('a request filed on Christmas Eve afternoon in Paris', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Thursday 24 December 2026, 16:00 in Paris; Friday 25 is Noël, then a weekend.
    t = await startTestApp({ env: ENV, users: USERS, clock: new ManualClock('2026-12-24T15:00:00Z') });
    await team(t);
  });
  afterAll(() => t.stop());

  it('is nudged once per suggested member in their own working hours, skipping Noël and the weekend, then escalated once', async () => {
    const { request, post } = await fileRequest(t, REQUESTER, { request_needed_by: '2027-01-29' });
    // Targets in working time: one working day (8 h) → Monday 28, 16:00 Paris; the nudge half-way.
    expect(request.first_response_due?.toISOString()).toBe('2026-12-28T15:00:00.000Z');
    expect(request.nudge_at?.toISOString()).toBe('2026-12-28T11:00:00.000Z');
    // The away member is not suggested on the triage post.
    expect(JSON.stringify(post.blocks)).not.toContain(AWAY_MEMBER.toLowerCase());

    for (const at of ['2026-12-25T10:00:00Z', '2026-12-26T10:00:00Z', '2026-12-28T09:30:00Z']) {
      t.clock.set(at);
      await t.runJob('nudges');
    }
    expect(nudges(t, PARIS_MEMBER)).toHaveLength(0);

    // Monday 12:30 in Paris: the Paris member now; New York is asleep (06:30).
    t.clock.set('2026-12-28T11:30:00Z');
    await t.runJob('nudges');
    expect(nudges(t, PARIS_MEMBER)).toHaveLength(1);
    expect(nudges(t, NY_MEMBER)).toHaveLength(0);
    expect(JSON.stringify(nudges(t, PARIS_MEMBER)[0]!.blocks)).toContain(`triage_claim:${request.id}`);

    // 09:30 in New York, still before the target.
    t.clock.set('2026-12-28T14:30:00Z');
    await t.runJob('nudges');
    t.clock.set('2026-12-28T14:45:00Z');
    await t.runJob('nudges');
    expect(nudges(t, PARIS_MEMBER)).toHaveLength(1);
    expect(nudges(t, NY_MEMBER)).toHaveLength(1);
    expect(nudges(t, AWAY_MEMBER)).toHaveLength(0);
    expect(escalations(t, LEAD)).toHaveLength(0);
    expect(JSON.stringify(triagePost(t, request.id).blocks)).not.toContain('Overdue');

    // The target passes: the post says so (in place), each lead hears once.
    t.clock.set('2026-12-28T15:15:00Z');
    await t.runJob('nudges');
    await t.fake.waitFor(
      () => JSON.stringify(triagePost(t, request.id).blocks).includes('Overdue'),
      'overdue',
    );
    expect(triagePost(t, request.id).ts).toBe(post.ts);
    for (const at of ['2026-12-28T15:30:00Z', '2026-12-29T10:00:00Z']) {
      t.clock.set(at);
      await t.runJob('nudges');
    }
    expect(escalations(t, LEAD)).toHaveLength(1);
    expect(escalations(t, LEAD2)).toHaveLength(1);
    expect(nudges(t, PARIS_MEMBER)).toHaveLength(1);
    expect(nudges(t, AWAY_MEMBER)).toHaveLength(0);
  });

  it('stops counting once someone claims it (from the nudge itself)', async () => {
    t.clock.set('2026-12-29T09:00:00Z');
    const { request } = await fileRequest(t, REQUESTER, { request_needed_by: '2027-01-29' });
    t.clock.set(request.nudge_at!);
    await t.runJob('nudges');
    const nudge = nudges(t, PARIS_MEMBER).at(-1)!;
    expect(nudge.text).toContain(`PMO-${request.id}`);
    await t.click(PARIS_MEMBER, `triage_claim:${request.id}`, { message: nudge });
    await t.settle();
    const row = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('claimed');
    expect(row.first_response_at).not.toBeNull();
    const before = escalations(t, LEAD).length;
    t.clock.set(new Date(request.first_response_due!.getTime() + 3_600_000));
    await t.runJob('nudges');
    expect(escalations(t, LEAD)).toHaveLength(before);
  });
});

describe('two instances on one database', () => {
  it('nudge and escalate once between them', async () => {
    const database = await createTestDatabase();
    const clock = new ManualClock('2026-12-24T15:00:00Z');
    const a = await startTestApp({ env: ENV, users: USERS, clock, database });
    // On PGlite an in-memory database belongs to one process: the second "replica" is a second
    // scheduler instance of the same app (its own instance id), racing on the same rows.
    const b = usingPostgres ? await startTestApp({ env: ENV, clock, database, fake: a.fake }) : a;
    try {
      await team(a);
      const { request } = await fileRequest(a, REQUESTER, { request_needed_by: '2027-01-29' });
      const race = async (at: string) => {
        clock.set(at);
        // Different minutes, so the job-slot claim does not serialise them: the unique key must.
        const t0 = new Date(at);
        await Promise.all([
          runJob(nudgesJob(a), a.service.deps, createSenderClient(a.config), t0, 'instance-a'),
          runJob(
            nudgesJob(b),
            b.service.deps,
            createSenderClient(b.config),
            new Date(t0.getTime() + 60_000),
            'instance-b',
          ),
        ]);
        await a.flush();
        await b.flush();
      };
      await race('2026-12-28T11:30:00Z');
      await race('2026-12-28T15:30:00Z');
      await race('2026-12-28T16:30:00Z');
      expect(nudges(a, PARIS_MEMBER)).toHaveLength(1);
      expect(escalations(a, LEAD)).toHaveLength(1);
      expect(escalations(a, LEAD2)).toHaveLength(1);
      const alerts = await a.db
        .selectFrom('request_alerts')
        .selectAll()
        .where('request_id', '=', request.id)
        .execute();
      expect(alerts.filter((x) => x.kind === 'escalation')).toHaveLength(2);
    } finally {
      if (b !== a) await b.stop();
      await a.stop();
      await database.drop();
    }
  });
});
