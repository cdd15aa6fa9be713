import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { lastDigestSlot } from '../../sandbox/seed-history';
import { type Sandbox, startSandbox } from '../../sandbox/start-sandbox';
import { REQUEST_STATUSES } from '../../src/db/enums';
import { digestPeriod } from '../../src/features/digest';
import { createLogger } from '../../src/logger';

/**
 * The sandbox opens on a PMO that has been working for a few weeks: a library of every kind,
 * requests in every state, answered check-ins, an opted-in audience and last week's digest with
 * its chart — all made through the app's services, once. What a newcomer sees is read through
 * the page's own API, as the browser reads it.
 */
jest.setTimeout(120_000);

type Json = Record<string, unknown>;

describe('the sandbox seeded with a living PMO', () => {
  let dir: string;
  let sandbox: Sandbox;
  const logs: string[] = [];
  const start = async () => {
    const began = Date.now();
    const s = await startSandbox({
      env: {},
      port: 0,
      pgliteDir: path.join(dir, 'db'),
      overrides: { SCHEDULER_ENABLED: 'false' },
      logger: createLogger({
        level: 'info',
        pretty: false,
        destination: new Writable({
          write(chunk, _enc, cb) {
            logs.push(String(chunk));
            cb();
          },
        }),
      }),
    });
    return { s, ms: Date.now() - began };
  };
  const api = (s: Sandbox) => `http://127.0.0.1:${s.port}/sandbox/api`;
  const post = async (s: Sandbox, route: string, body: Json) => {
    const res = await fetch(`${api(s)}/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  };
  const state = async (s: Sandbox, user: string) =>
    (await (await fetch(`${api(s)}/state?user=${user}`)).json()) as {
      ephemerals: { text?: string; blocks?: Json[] }[];
      home: { view: Json } | null;
      channels: { id: string; messages: { text?: string; files?: unknown[] }[] }[];
    };
  let firstStartMs = 0;
  let postedMs = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-sandbox-seeded-'));
    const first = await start();
    sandbox = first.s;
    firstStartMs = first.ms;
    const t = Date.now();
    await sandbox.seeded;
    postedMs = Date.now() - t;
  });

  afterAll(async () => {
    await sandbox?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a library of at least a dozen published entries of all five kinds, a draft to review and a stale one', async () => {
    const db = sandbox.deps.db;
    const rows = await db.selectFrom('library_entries').select(['kind', 'status', 'review_by']).execute();
    const published = rows.filter((r) => r.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(12);
    expect(new Set(published.map((r) => r.kind))).toEqual(
      new Set(['template', 'standard', 'playbook', 'training', 'lesson']),
    );
    expect(rows.filter((r) => r.status === 'draft')).toHaveLength(1);
    const today = sandbox.clock.now().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.parse(today) - 31 * 86_400_000).toISOString().slice(0, 10);
    expect(published.filter((r) => r.review_by < monthAgo)).toHaveLength(1);
    const adoptions = await db.selectFrom('library_adoptions').select('id').execute();
    const ratings = await db.selectFrom('library_ratings').select('useful').execute();
    expect(adoptions.length).toBeGreaterThanOrEqual(5);
    expect(ratings.filter((r) => r.useful).length).toBeGreaterThanOrEqual(5);
    expect(ratings.some((r) => !r.useful)).toBe(true);
    // Written by the service: every entry's addition and publication is in the audit log.
    const audited = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action like 'library.%'`.execute(db);
    expect(audited.rows[0]?.n).toBeGreaterThanOrEqual(rows.length + published.length);
  });

  it('answers /pmo library risk with hits, as the person who typed it sees them', async () => {
    await post(sandbox, 'command', {
      user: 'USAM',
      channel: sandbox.config.pmo.channelId,
      text: '/pmo library risk',
    });
    const seen = JSON.stringify((await state(sandbox, 'USAM')).ephemerals);
    expect(seen).toContain('Risk register template');
    expect(seen).toContain('Risk scoring standard');
    // The draft is the PMO's working copy: a requester does not find it.
    expect(seen).not.toContain('vendor dependencies belong');
  });

  it('has requests in every state, from several people across services, with questions asked and answered', async () => {
    const db = sandbox.deps.db;
    const requests = await db
      .selectFrom('requests')
      .select(['status', 'requester_id', 'service_id', 'created_at'])
      .execute();
    expect(new Set(requests.map((r) => r.status))).toEqual(new Set(REQUEST_STATUSES));
    expect(new Set(requests.map((r) => r.requester_id)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(requests.map((r) => r.service_id)).size).toBeGreaterThanOrEqual(6);
    // Filed over weeks, dated as they happened.
    const oldest = Math.min(...requests.map((r) => r.created_at.getTime()));
    expect(sandbox.clock.now().getTime() - oldest).toBeGreaterThan(21 * 86_400_000);
    const questions = await db.selectFrom('request_questions').select(['answer']).execute();
    expect(questions.some((q) => q.answer === null)).toBe(true);
    expect(questions.some((q) => q.answer !== null)).toBe(true);

    const checkins = await db
      .selectFrom('checkins')
      .select(['status', 'rating', 'answered_at'])
      .where('status', '=', 'answered')
      .execute();
    expect(checkins.length).toBeGreaterThanOrEqual(3);
    expect(checkins.every((c) => c.rating !== null && c.answered_at! < sandbox.clock.now())).toBe(true);

    const optedIn = await db
      .selectFrom('consents')
      .select('user_id')
      .distinct()
      .where('opted_in', '=', true)
      .execute();
    expect(optedIn.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the triage posts as their requests stand, and last week’s digest with its chart', async () => {
    const pmo = (await state(sandbox, 'UAMARA')).channels.find((c) => c.id === sandbox.config.pmo.channelId);
    const texts = (pmo?.messages ?? []).map((m) => JSON.stringify(m));
    const digest = texts.filter((t) => t.includes('PMO digest'));
    expect(digest).toHaveLength(1);
    const chart = [...sandbox.standIn.files.values()].filter((f) => f.shared);
    expect(chart).toHaveLength(1);
    expect(chart[0]).toMatchObject({ channel: sandbox.config.pmo.channelId });
    expect(chart[0]?.filename).toMatch(/^pmo-digest-.*\.png$/);
    expect(chart[0]?.bytes?.length).toBeGreaterThan(1000);
    // The digest's slot is taken: the scheduler will not post last week's again.
    const slot = lastDigestSlot(sandbox.clock.now(), sandbox.config.pmo.timezone);
    const runs = await sandbox.deps.db.selectFrom('job_runs').select(['job', 'run_key']).execute();
    expect(runs).toEqual([
      { job: 'digest', run_key: digestPeriod(slot, sandbox.config.pmo.timezone).runKey },
    ]);

    // A delivered request's post shows it delivered, not a Claim button from the day it was filed.
    const delivered = texts.find((t) => t.includes('Payments platform v2'));
    expect(delivered).toMatch(/Delivered/i);
    expect(delivered).not.toContain('"Claim"');
    expect(sandbox.standIn.violations).toEqual([]);
  });

  it('gives a lead a Home with real figures for this period', async () => {
    await post(sandbox, 'home-opened', { user: 'UAMARA' });
    await sandbox.standIn.waitFor(() => sandbox.standIn.homeOf('UAMARA') !== undefined, 'the lead’s Home');
    const home = JSON.stringify((await state(sandbox, 'UAMARA')).home?.view);
    const figure = (label: string) => Number(new RegExp(`\\*${label}\\*\\\\n(\\d+)`).exec(home)?.[1] ?? 0);
    expect(figure('Requests')).toBeGreaterThan(0);
    expect(figure('Delivered')).toBeGreaterThan(0);
    expect(home).toMatch(/\d\.\d \/ 5 \(\d+ answers\)/);
    expect(home).not.toContain('Opted-in people by topic: nobody yet');
  });

  it('seeds nothing on a restart on the same data, and keeps the start quick', async () => {
    const db = () => sandbox.deps.db;
    const counts = async () => {
      const n = async (table: string) =>
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db())).rows[0]
          ?.n;
      return {
        entries: await n('library_entries'),
        adoptions: await n('library_adoptions'),
        ratings: await n('library_ratings'),
        requests: await n('requests'),
        checkins: await n('checkins'),
        consents: await n('consent_events'),
        outbox: await n('outbox'),
        jobs: await n('job_runs'),
      };
    };
    const before = await counts();
    await sandbox.stop();
    const again = await start();
    sandbox = again.s;
    await sandbox.seeded;
    expect(await counts()).toEqual(before);
    // Nothing was posted again into the fresh stand-in.
    expect(sandbox.standIn.messages).toEqual([]);
    const seeded = logs.filter((l) => l.includes('sandbox seeded'));
    expect(seeded).toHaveLength(1);
    const seedMs = Number((JSON.parse(seeded[0] ?? '{}') as { ms?: number }).ms);
    console.log(
      `sandbox start: ${firstStartMs} ms with seeding (the seed itself ${seedMs} ms, then ${postedMs} ms more for its posts behind the start), ${again.ms} ms on a restart`,
    );
    // About 2 s on an idle 2-core machine, half of it the digest's chart: shown, not asserted, as
    // a busy machine runs several times slower; a seed that never ends fails the file's timeout.
    expect(seedMs).toBeGreaterThan(0);
  });
});

describe('the seeded digest’s slot', () => {
  it.each([
    ['a Wednesday afternoon', '2026-12-09T15:00:00Z', '2026-12-07T08:00:00.000Z'],
    ['a Monday after 09:00', '2026-12-07T08:30:00Z', '2026-12-07T08:00:00.000Z'],
    ['a Monday before 09:00', '2026-12-07T07:30:00Z', '2026-11-30T08:00:00.000Z'],
    ['a Sunday', '2026-12-06T20:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['the Monday after the clocks went back', '2026-10-26T10:00:00Z', '2026-10-26T08:00:00.000Z'],
  ])('is the last Monday 09:00 in the PMO’s time zone, on %s', (_when, now, slot) => {
    expect(lastDigestSlot(new Date(now), 'Europe/Paris').toISOString()).toBe(slot);
  });
});
