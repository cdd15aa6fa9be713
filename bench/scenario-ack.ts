import type { BodyData } from './bodies';
import { type LoadResult, runLoad } from './load';
import type { Child } from './process';
import { type BenchContext, describeLoad, SECRET } from './run';

const COUNT = 2000;
const CONCURRENCY = 50;

/** What the app may cost against the bare Bolt app, per kind of request. */
interface Targets {
  /** Largest p99 latency, as a multiple of bare Bolt's. */
  p99: number;
  /** Smallest throughput, as a fraction of bare Bolt's. */
  throughput: number;
  /** Most CPU per request (ms), work after the ack included, when there is a bound. */
  cpuMs?: number;
}

// A command only opens a modal; a claim also writes, queues a DM and redraws the triage post.
const COMMAND_TARGETS: Targets = { p99: 1.5, throughput: 0.8 };
const CLAIM_TARGETS: Targets = { p99: 2, throughput: 0.5, cpuMs: 3 };

/**
 * a. Acknowledgement latency: 2,000 `/pmo request` commands (ack + views.open of the form) and
 * 2,000 triage clicks (claim: a conditional update, a status event, a DM queued, the post
 * updated), at concurrency 50, against the app and a bare Bolt app that only acks.
 */
export async function ackLatency(ctx: BenchContext): Promise<void> {
  // Triggers are issued by the fake just before the load worker needs them (they live 3 s).
  const command = { kind: 'command' as const, fakeUrl: ctx.fake.url };
  await runLoad({
    url: `${ctx.appUrl}/slack/events`,
    secret: SECRET,
    count: 100,
    concurrency: 10,
    data: command,
    fake: ctx.fake,
  });
  await settled(() => ctx.fake.callsTo('views.open').length >= 100);
  const opensBefore = ctx.fake.callsTo('views.open').length;
  // The ack is only half the job: the modal must open within the trigger's 3 s.
  const opens = () => ctx.fake.callsTo('views.open').slice(opensBefore);
  const commands = await againstBoth(
    ctx,
    '/pmo request (modal)',
    command,
    COMMAND_TARGETS,
    () => opens().length >= COUNT,
  );
  const opened = opens().filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok).length;
  ctx.rows.push({
    scenario: 'a. ack latency',
    measure: `modals opened after ${COUNT} commands (trigger valid 3 s)`,
    value: `${opened} (all calls done ${(commands.settledMs / 1000).toFixed(1)} s after the last ack)`,
    target: String(COUNT),
    met: opened === COUNT,
  });

  // Triage clicks on 2,000 new requests, each with its post in the PMO channel.
  const ids = await seedRequestsWithPosts(ctx, COUNT);
  const click = { kind: 'click' as const, fakeUrl: ctx.fake.url, targets: ids };
  const claimedNow = async () =>
    (await ctx.db.query(`select count(*)::int as n from requests where status = 'claimed'`)).rows[0]
      .n as number;
  // Settled when every claim is recorded and the triage posts are updated (chat.update).
  const updatesBefore = ctx.fake.callsTo('chat.update').length;
  const clicks = await againstBoth(
    ctx,
    'triage click (claim)',
    click,
    CLAIM_TARGETS,
    async () =>
      (await claimedNow()) >= COUNT && ctx.fake.callsTo('chat.update').length - updatesBefore >= COUNT,
  );
  const claimed = await claimedNow();
  ctx.rows.push({
    scenario: 'a. ack latency',
    measure: `claims recorded after ${COUNT} clicks`,
    value: `${claimed} (all done ${(clicks.settledMs / 1000).toFixed(1)} s after the last ack)`,
    target: String(COUNT),
    met: claimed === COUNT,
  });
}

/**
 * The same load against the app (then waiting until its work is `done`) and the bare Bolt app;
 * adds the comparison rows and returns the app's figures.
 */
async function againstBoth(
  ctx: BenchContext,
  what: string,
  data: BodyData,
  targets: Targets,
  done: () => boolean | Promise<boolean>,
): Promise<Measured> {
  const load = (url: string) => () =>
    runLoad({
      url: `${url}/slack/events`,
      secret: SECRET,
      count: COUNT,
      concurrency: CONCURRENCY,
      data,
      fake: ctx.fake,
    });
  const app = await measured(ctx.app, load(ctx.appUrl), done);
  const bare = await measured(ctx.bare, load(ctx.bareUrl));
  compare(ctx, what, app, bare, targets);
  return app;
}

interface Measured extends LoadResult {
  /** CPU the process used per request, until its work was done (ms). */
  cpuPerRequestMs: number;
  /** How long after the last ack the work was done (ms). */
  settledMs: number;
}

/** Runs the load, waits until its work is `done` (if given), and charges the CPU used to it. */
async function measured(
  child: Child,
  run: () => Promise<LoadResult>,
  done?: () => boolean | Promise<boolean>,
): Promise<Measured> {
  const before = child.cpuMs();
  const result = await run();
  const settledMs = done ? await settled(done) : 0;
  return { ...result, settledMs, cpuPerRequestMs: (child.cpuMs() - before) / result.count };
}

/** Waits until `done` holds (or 60 s pass); the time it took, in ms. */
async function settled(done: () => boolean | Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await done()) && performance.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - started;
}

function compare(ctx: BenchContext, what: string, app: Measured, bare: Measured, targets: Targets): void {
  const p99Ratio = app.p99 / bare.p99;
  const tputRatio = app.throughput / bare.throughput;
  const cpu = (m: Measured) => ` · ${m.cpuPerRequestMs.toFixed(2)} ms CPU/req`;
  ctx.rows.push(
    { scenario: 'a. ack latency', measure: `${what}: app`, value: describeLoad(app) + cpu(app) },
    { scenario: 'a. ack latency', measure: `${what}: bare Bolt`, value: describeLoad(bare) + cpu(bare) },
    {
      scenario: 'a. ack latency',
      measure: `${what}: p99 ratio app/bare`,
      value: `${p99Ratio.toFixed(2)}×`,
      target: `≤ ${targets.p99}×`,
      met: p99Ratio <= targets.p99 && app.errors === 0,
    },
    {
      scenario: 'a. ack latency',
      measure: `${what}: throughput ratio app/bare`,
      value: `${tputRatio.toFixed(2)}×`,
      target: `≥ ${targets.throughput}×`,
      met: tputRatio >= targets.throughput,
    },
  );
  if (targets.cpuMs !== undefined)
    ctx.rows.push({
      scenario: 'a. ack latency',
      measure: `${what}: app CPU per request (work after the ack included)`,
      value: `${app.cpuPerRequestMs.toFixed(2)} ms (bare Bolt ${bare.cpuPerRequestMs.toFixed(2)} ms)`,
      target: `≤ ${targets.cpuMs} ms`,
      met: app.cpuPerRequestMs <= targets.cpuMs,
    });
}

async function seedRequestsWithPosts(ctx: BenchContext, n: number): Promise<{ id: number; ts: string }[]> {
  const { rows } = await ctx.db.query(
    `insert into requests (submission_key, requester_id, service_id, project, need, expected_value, impact, status,
       triage_channel, created_at, updated_at)
     select 'bench-click-' || g, 'UREQ' || (g % 300), 1 + g % 10, 'Project ' || g, 'Need', 'Value', 'important', 'new',
       'CPMO', now(), now()
     from generate_series(1, $1::int) g returning id`,
    [n],
  );
  const out: { id: number; ts: string }[] = [];
  for (const r of rows as { id: number }[]) {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(900000 + out.length).padStart(6, '0')}`;
    ctx.fake.messages.push({ channel: 'CPMO', ts, text: 'triage', blocks: [], user: 'UPMOBOT', updates: 0 });
    out.push({ id: Number(r.id), ts });
  }
  await ctx.db.query(
    `update requests r set triage_ts = v.ts from unnest($1::bigint[], $2::text[]) as v(id, ts) where r.id = v.id`,
    [out.map((o) => o.id), out.map((o) => o.ts)],
  );
  return out;
}
