import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { ConfigError, parseConfig } from '../../src/config';
import { runCheckinsJob } from '../../src/features/checkins/job';
import { runDigestJob } from '../../src/features/digest/job';
import { type Scheduler, startScheduler } from '../../src/jobs/scheduler';
import { createSenderClient } from '../../src/start';
import { FakeSlack } from '../support/fake-slack';
import { seedRequest } from '../support/seed';
import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, usingPostgres } from '../support/test-database';

const TUESDAY_10 = new Date('2026-11-24T10:00:00Z');
const MONDAY_9 = new Date('2026-11-23T09:00:00Z');

async function seedDelivered(t: TestApp, users: string[]) {
  for (const user of users) {
    await seedRequest(t.db, {
      requester: user,
      service: 'change-management',
      createdAt: '2026-11-02T10:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
  }
}

const checkinDmsPerUser = (fake: FakeSlack, users: string[]) =>
  users.map((u) => fake.messagesIn(u).filter((m) => m.text?.startsWith('How much value')).length);

const digestPosts = (fake: FakeSlack) => fake.messagesIn(PMO_CHANNEL).filter((m) => !m.thread_ts);

describe('exactly once on one embedded database (concurrent runs in one app)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('two concurrent check-in runs send one check-in per person', async () => {
    const users = ['UC1', 'UC2', 'UC3'];
    await seedDelivered(t, users);
    // same slot: one run claims it, the other finds it taken
    const sameSlot = await Promise.all([t.runJob('checkins', TUESDAY_10), t.runJob('checkins', TUESDAY_10)]);
    expect(sameSlot.map((o) => o.ran).sort()).toEqual([false, true]);
    expect(checkinDmsPerUser(t.fake, users)).toEqual([1, 1, 1]);

    // different slots, and the job called directly twice at once: each check-in still has one winner
    const more = ['UC4', 'UC5', 'UC6'];
    await seedDelivered(t, more);
    const client = createSenderClient(t.config);
    const deps = t.service.deps;
    const [a, b, c] = await Promise.all([
      runCheckinsJob(deps, client, new Date(TUESDAY_10.getTime() + 60_000)),
      runCheckinsJob(deps, client, new Date(TUESDAY_10.getTime() + 60_000)),
      t.runJob('checkins', new Date(TUESDAY_10.getTime() + 120_000)),
    ]);
    const sent = a.sent + b.sent + ((c.ran && (c.result as { sent: number }).sent) || 0);
    expect(sent).toBe(3);
    await t.flush();
    expect(checkinDmsPerUser(t.fake, [...users, ...more])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('two concurrent digest runs post one digest (and one thread reply)', async () => {
    const client = createSenderClient(t.config);
    const outcomes = await Promise.all([
      t.runJob('digest', MONDAY_9),
      t.runJob('digest', MONDAY_9),
      runDigestJob(t.service.deps, client, MONDAY_9),
    ]);
    expect(outcomes[0].ran !== outcomes[1].ran).toBe(true);
    await t.flush();
    const posts = digestPosts(t.fake);
    expect(posts).toHaveLength(1);
    expect(
      t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.thread_ts === posts[0]?.ts && !m.files),
    ).toHaveLength(1);
    // and one chart in its thread
    expect(t.fake.filesIn(PMO_CHANNEL).map((f) => f.threadTs)).toEqual([posts[0]?.ts]);
  });
});

(usingPostgres ? describe : describe.skip)('two app instances on one PostgreSQL database', () => {
  let fake: FakeSlack;
  let a: TestApp;
  let b: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    const database = await createTestDatabase();
    drop = database.drop;
    a = await startTestApp({ fake, database });
    b = await startTestApp({ fake, database });
    expect(a.service.instanceId).not.toBe(b.service.instanceId);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await fake?.stop();
    await drop?.();
  });

  it('send one check-in per person, whether their ticks share a slot or not', async () => {
    const users = ['UP1', 'UP2', 'UP3', 'UP4'];
    await seedDelivered(a, users);
    const same = await Promise.all([a.runJob('checkins', TUESDAY_10), b.runJob('checkins', TUESDAY_10)]);
    expect(same.filter((o) => o.ran)).toHaveLength(1);
    const more = ['UP5', 'UP6', 'UP7', 'UP8'];
    await seedDelivered(b, more);
    const next = await Promise.all([
      a.runJob('checkins', new Date(TUESDAY_10.getTime() + 60_000)),
      b.runJob('checkins', new Date(TUESDAY_10.getTime() + 120_000)),
    ]);
    expect(next.filter((o) => o.ran)).toHaveLength(2);
    await Promise.all([a.flush(), b.flush()]);
    expect(checkinDmsPerUser(fake, [...users, ...more])).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    const runs = await a.db
      .selectFrom('job_runs')
      .select(['run_key', 'instance_id'])
      .where('job', '=', 'checkins')
      .execute();
    expect(runs).toHaveLength(3);
  });

  it('post one digest per slot', async () => {
    const outcomes = await Promise.all([a.runJob('digest', MONDAY_9), b.runJob('digest', MONDAY_9)]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    await Promise.all([a.flush(), b.flush()]);
    await b.runJob('digest', new Date(MONDAY_9.getTime() + 3600_000));
    const posts = digestPosts(fake);
    expect(posts).toHaveLength(1);
    await fake.waitFor(
      () =>
        fake.messagesIn(PMO_CHANNEL).some((m) => m.thread_ts === posts[0]?.ts && !m.files) &&
        fake.filesIn(PMO_CHANNEL).length > 0,
      'thread reply and chart',
    );
    // the post, its details and its chart, once
    expect(fake.messagesIn(PMO_CHANNEL)).toHaveLength(3);
    expect(fake.filesIn(PMO_CHANNEL)).toHaveLength(1);
  });
});

describe('the scheduler on the job engine', () => {
  let t: TestApp;
  const replicas: Scheduler[] = [];
  afterAll(async () => {
    await Promise.all(replicas.map((s) => s.stop()));
    await t?.stop();
  });

  it('two instances on one database tick a scheduled slot once, in the PMO time zone', async () => {
    t = await startTestApp({ env: { CHECKIN_CRON: '* * * * *', PMO_TIMEZONE: 'Europe/Paris' } });
    await seedDelivered(t, ['USCHED1', 'USCHED2']);
    // Each replica its own instance id and engine (its own polls), on the one database.
    const fast = { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, tickPollSeconds: 1 };
    for (const id of ['replica-a', 'replica-b']) {
      replicas.push(startScheduler(t.service.deps, createSenderClient(t.config), id, t.service.jobs, fast));
    }
    await Promise.all(replicas.map((s) => s.ready));
    expect(replicas[0]?.schedules().checkins).toEqual({ expression: '* * * * *', timezone: 'Europe/Paris' });
    const saved = await sql<{
      timezone: string;
    }>`select timezone from pgboss.schedule where name = 'pmo-checkins'`.execute(t.db);
    expect(saved.rows).toEqual([{ timezone: 'Europe/Paris' }]);

    const dms = await t.fake.waitFor(
      () =>
        checkinDmsPerUser(t.fake, ['USCHED1', 'USCHED2']).every((n) => n > 0) && t.fake.messagesIn('USCHED1'),
      'the scheduled check-ins',
      25_000,
    );
    expect(dms[0]?.text).toBe('How much value did Change management bring to Apollo?');
    const ticks = async () => {
      const counted = await t.service.deps.metrics.jobRuns.get();
      return counted.values.filter((v) => v.labels.job === 'checkins').reduce((n, v) => n + v.value, 0);
    };
    await t.fake.waitFor(async () => (await ticks()) > 0, 'the tick counted', 10_000);
    await Promise.all(replicas.map((s) => s.stop()));

    // One engine job per cron slot, whichever replica's poll saw the slot first; one tick per job.
    const slots = await sql<{ slots: number; jobs: number }>`
      select count(distinct singleton_on)::int as slots, count(*)::int as jobs from (
        select singleton_on from pgboss.job where name = '__pgboss__send-it' and singleton_key = 'pmo-checkins'
        union all
        select singleton_on from pgboss.archive where name = '__pgboss__send-it' and singleton_key = 'pmo-checkins'
      ) sent`.execute(t.db);
    const started = await sql<{ n: number }>`
      select count(*)::int as n from (
        select started_on from pgboss.job where name = 'pmo-checkins'
        union all
        select started_on from pgboss.archive where name = 'pmo-checkins'
      ) tick where started_on is not null`.execute(t.db);
    const { slots: slotCount = 0, jobs: sent = 0 } = slots.rows[0] ?? {};
    expect(sent).toBe(slotCount);
    // a slot's job may still wait in the engine when the replicas stop
    expect(started.rows[0]?.n).toBeGreaterThanOrEqual(Math.max(1, slotCount - 1));
    expect(started.rows[0]?.n).toBeLessThanOrEqual(slotCount);
    expect(await ticks()).toBe(started.rows[0]?.n);
    expect(checkinDmsPerUser(t.fake, ['USCHED1', 'USCHED2'])).toEqual([1, 1]);
  }, 60_000);
});

describe('cron settings', () => {
  const base = {
    SLACK_BOT_TOKEN: 'xoxb-x',
    SLACK_SIGNING_SECRET: 's',
    PMO_CHANNEL_ID: 'CPMO',
    PMO_LEAD_IDS: 'ULEAD1',
  };
  it('accepts 5- and 6-field expressions and has the documented defaults', () => {
    const defaults = parseConfig(base);
    expect(defaults.schedule).toMatchObject({ checkinCron: '*/15 * * * *', digestCron: '0 9 * * 1' });
    const six = parseConfig({ ...base, DIGEST_CRON: '30 0 9 * * 1', CHECKIN_CRON: '0 */5 * * * *' });
    expect(six.schedule).toMatchObject({ digestCron: '30 0 9 * * 1', checkinCron: '0 */5 * * * *' });
  });
  it('rejects anything else, naming each variable', () => {
    let error: unknown;
    try {
      parseConfig({ ...base, DIGEST_CRON: 'every monday', CHECKIN_CRON: '61 * * * *', OUTBOX_CRON: '* * *' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['DIGEST_CRON', 'CHECKIN_CRON', 'OUTBOX_CRON']) expect(problems).toContain(name);
  });
});

describe('npm run job -- <name>', () => {
  let fake: FakeSlack;
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-job-'));
    const database = usingPostgres ? await createTestDatabase() : undefined;
    if (database) drop = database.drop;
    env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: fake.apiUrl,
      PMO_CHANNEL_ID: PMO_CHANNEL,
      PMO_LEAD_IDS: 'ULEAD1',
      LOG_LEVEL: 'silent',
      ...(database ? database.env : { PGLITE_DIR: path.join(dir, 'db') }),
    };
  });
  afterAll(async () => {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    await drop();
  });

  const run = (args: string[], extraEnv: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'job', '--', ...args], {
        cwd: path.resolve(__dirname, '..', '..'),
        env: { ...env, ...extraEnv },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('runs the digest once, posts it and exits 0; a second run finds the slot done', async () => {
    const first = await run(['digest']);
    expect(first.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Job digest done \(slot \d{4}-\d\d-\d\d\)\. Messages sent: 1\.$/m);
    expect(digestPosts(fake)).toHaveLength(1);
    expect(digestPosts(fake)[0]?.text).toMatch(/^Quiet week in the PMO/);
    expect(fake.callsTo('auth.test')).toHaveLength(0); // no Bolt app, no HTTP server

    const second = await run(['digest']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/was already run by another instance/);
    expect(digestPosts(fake)).toHaveLength(1);
  }, 60_000);

  it('exits non-zero with a clear message for an unknown job, or a broken configuration', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'Unknown job "frobnicate". Known jobs: checkins, digest, library-index, library-news, library-review, nudges, outbox, privacy.',
    );

    const broken = await run(['checkins'], { PMO_CHANNEL_ID: 'not-a-channel' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('PMO_CHANNEL_ID must be a channel id');
  }, 60_000);
});
