import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { parseConfig } from '../src/config';
import { connectPostgres, type Database } from '../src/db/client';
import { type AlertDeps, runNudgeJob } from '../src/features/calendar/nudges';
import { claimButton } from '../src/features/requests';
import { createLogger } from '../src/logger';
import { createSenderClient } from '../src/start';
import { type BenchContext, TOKEN } from './run';
import { seedHistory } from './seed';

const REQUESTS = 100_000;
const OPEN = 5_000;
const BIG_TABLES = ['requests', 'request_alerts', 'away_periods', 'members', 'member_skills'];

/**
 * e. The nudge/escalation job at scale: 100k requests over a year, 5k open (half waiting for a
 * first response, half in progress), every older target already nudged and escalated (the
 * steady state of a job ticking every 15 minutes), and the requests of the last day still
 * fresh. Timed warm, median of 5, plus one cold catch-up run (no alert history at all), and
 * every statement the job runs EXPLAINed — the plans are printed.
 */
export async function nudgesAtScale(ctx: BenchContext): Promise<void> {
  const handle = connectPostgres(ctx.databaseUrl, { max: 2 });
  const db = handle.db;
  try {
    const now = new Date();
    const seedStart = Date.now();
    if (!(await db.selectFrom('requests').select('id').limit(1).executeTakeFirst()))
      await seedHistory(db, REQUESTS, 10_000, now);
    await shapeOpenWork(db, now);
    const seedMs = Date.now() - seedStart;

    const config = parseConfig({
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: 'x',
      SLACK_API_URL: ctx.fake.apiUrl,
      PMO_CHANNEL_ID: 'CPMO',
      PMO_LEAD_IDS: 'ULEAD1,ULEAD2',
      DATABASE_URL: ctx.databaseUrl,
    });
    const logger = createLogger({ level: 'warn', pretty: false });
    const client = createSenderClient(config);
    // The job's own queries are measured: escalations redraw no triage post here.
    const requests = { redrawTriagePost: async () => undefined, claimButton };
    // Everyone speaks English here: the bench measures the job's queries, not language lookups.
    const languages = { of: async () => 'en' as const, pmo: () => 'en' as const, forget: () => undefined };
    const deps = { db, config, logger, clock: { now: () => now }, requests, languages };

    // Cold: no alert history — the first run after the feature ships, in batches of 500.
    await db.deleteFrom('request_alerts').execute();
    const c0 = performance.now();
    const cold = await runNudgeJob(deps, client, now);
    const coldMs = performance.now() - c0;

    // Steady state: every target older than one 15-minute tick already handled.
    await steadyState(db, now);
    let last = await runNudgeJob(deps, client, now); // warm
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await steadyState(db, now);
      const t0 = performance.now();
      last = await runNudgeJob(deps, client, now);
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? 0;

    await steadyState(db, now);
    const plans = await explainJob(ctx.databaseUrl, deps, client, now);
    const counts = await sql<{ total: number; open: number }>`
      select count(*) as total, count(*) filter (where status in ('new','claimed','in_progress')) as open
      from requests`.execute(db);
    const c = counts.rows[0];
    ctx.rows.push(
      {
        scenario: 'e. nudges',
        measure: `seed ${Number(c?.total)} requests, ${Number(c?.open)} open`,
        value: `${(seedMs / 1000).toFixed(1)} s`,
      },
      {
        scenario: 'e. nudges',
        measure: 'nudge/escalation job, steady state (median of 5, warm)',
        value: `${median.toFixed(0)} ms (${last.nudgesPlanned} nudges and ${last.escalationsPlanned} escalations planned, ${last.sent} sent)`,
        target: '< 1 s',
        met: median < 1000,
      },
      {
        scenario: 'e. nudges',
        measure: 'first run with no alert history (catch-up, batches of 500)',
        value: `${coldMs.toFixed(0)} ms (${cold.escalationsPlanned} escalations planned, ${cold.sent} sent)`,
      },
      {
        scenario: 'e. nudges',
        measure: 'EXPLAIN: statements on large tables using an index',
        value: `${plans.indexed}/${plans.total}${plans.seqScans.length ? ` (seq scans: ${plans.seqScans.join(', ')})` : ''}`,
        target: 'all',
        met: plans.indexed === plans.total,
      },
    );
    process.stdout.write(`\nPlans of the nudge job's statements (e.):\n\n${plans.text}\n`);
  } finally {
    await handle.close();
  }
}

/**
 * 2,500 waiting for a first response and 2,500 in progress, spread over the year like the rest;
 * targets as the app sets them (one working day ≈ 24 h here, delivery in 14 days).
 */
async function shapeOpenWork(db: Database, now: Date): Promise<void> {
  await sql`update requests set status = 'closed', delivered_at = coalesce(delivered_at, created_at + interval '4 days'),
      closed_at = coalesce(closed_at, created_at + interval '6 days'),
      claimed_at = coalesce(claimed_at, created_at + interval '5 hours'),
      owner_id = coalesce(owner_id, 'UMEMBER1')
    where status in ('new', 'in_progress', 'claimed')`.execute(db);
  const every = Math.floor(REQUESTS / (OPEN / 2));
  await sql`update requests set status = 'new', owner_id = null, claimed_at = null, delivered_at = null, closed_at = null
    where id % ${every} = 0`.execute(db);
  await sql`update requests set status = 'in_progress', delivered_at = null, closed_at = null
    where id % ${every} = 1`.execute(db);
  // The day's newest requests are waiting too (the job's fresh work).
  await sql`update requests set status = 'new', owner_id = null, claimed_at = null, delivered_at = null, closed_at = null
    where created_at > ${now}::timestamptz - interval '1 day'`.execute(db);
  await sql`update requests set
      first_response_due = created_at + interval '1 day',
      nudge_at = created_at + interval '12 hours',
      delivery_due = created_at + interval '14 days',
      first_response_at = case when status = 'new' then null else coalesce(claimed_at, created_at + interval '5 hours') end`.execute(
    db,
  );
  await sql`analyze requests`.execute(db);
}

/** What 15-minute ticks would have left: older targets nudged and escalated, the last tick's not. */
async function steadyState(db: Database, now: Date): Promise<void> {
  const tick = new Date(now.getTime() - 15 * 60_000);
  await db.deleteFrom('request_alerts').execute();
  await sql`insert into request_alerts (request_id, target, kind, user_id, not_before, sent_at)
    select id, 'first_response', 'nudge', 'UMEMBER1', nudge_at, nudge_at from requests
    where status = 'new' and first_response_at is null and nudge_at <= ${tick}`.execute(db);
  await sql`insert into request_alerts (request_id, target, kind, user_id, not_before, sent_at)
    select r.id, 'first_response', 'escalation', l.lead, r.first_response_due, r.first_response_due
    from requests r cross join (values ('ULEAD1'), ('ULEAD2')) l(lead)
    where r.status = 'new' and r.first_response_at is null and r.first_response_due <= ${tick}`.execute(db);
  await sql`insert into request_alerts (request_id, target, kind, user_id, not_before, sent_at)
    select r.id, 'delivery', 'escalation', l.lead, r.delivery_due, r.delivery_due
    from requests r cross join (values ('ULEAD1'), ('ULEAD2')) l(lead)
    where r.status in ('claimed', 'in_progress') and r.delivery_due <= ${tick}`.execute(db);
  await sql`analyze request_alerts`.execute(db);
}

/** Runs the job once through a logging Kysely, then EXPLAINs every statement it ran. */
async function explainJob(
  url: string,
  deps: Omit<AlertDeps, 'db'>,
  client: ReturnType<typeof createSenderClient>,
  now: Date,
): Promise<{ total: number; indexed: number; seqScans: string[]; text: string }> {
  const captured: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<never>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await runNudgeJob({ ...deps, db: db as never }, client, now);
    let total = 0;
    let indexed = 0;
    const seqScans: string[] = [];
    const texts: string[] = [];
    const seen = new Set<string>();
    for (const q of captured) {
      if (/^\s*(begin|commit|rollback)/i.test(q.sql) || seen.has(q.sql)) continue;
      seen.add(q.sql);
      const big = BIG_TABLES.filter((t) => new RegExp(`\\b${t}\\b`).test(q.sql));
      if (!big.length) continue;
      total++;
      const plan = await pool.query(`EXPLAIN ${q.sql}`, q.parameters as unknown[]);
      const text = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      // Small lookup tables (members, skills, away periods) may be scanned: a few rows each.
      const seq = ['requests', 'request_alerts'].filter((t) => new RegExp(`Seq Scan on ${t}\\b`).test(text));
      if (seq.length === 0) indexed++;
      else seqScans.push(...seq);
      texts.push(`${q.sql.replace(/\s+/g, ' ').slice(0, 300)}\n${text}\n`);
    }
    return { total, indexed, seqScans: [...new Set(seqScans)], text: texts.join('\n') };
  } finally {
    await db.destroy();
  }
}
