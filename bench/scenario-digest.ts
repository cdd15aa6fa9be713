import { WebClient } from '@slack/web-api';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { connectPostgres } from '../src/db/client';
import { renderDigest } from '../src/features/digest/blocks';
import { chartAltText, chartData, renderChartPng } from '../src/features/digest/chart';
import { computeDigest } from '../src/features/digest/service';
import { shareFile } from '../src/slack/kit/files';
import type { BenchContext } from './run';
import { seedHistory } from './seed';

const REQUESTS = 100_000;
const FEEDBACK = 300_000;
/** Tables large enough at this scale that a sequential scan would show in the timing. */
const BIG_TABLES = ['requests', 'request_events', 'checkins', 'consent_events', 'invitation_recipients'];

/**
 * c. Digest at scale: a year of history (100k requests, 300k answers), then the digest's
 * queries and rendering timed, the post timed through the app's own job runner, and each
 * query EXPLAINed to show which use an index.
 */
export async function digestAtScale(ctx: BenchContext): Promise<void> {
  const handle = connectPostgres(ctx.databaseUrl, { max: 2 });
  try {
    const seedStart = Date.now();
    await seedHistory(handle.db, REQUESTS, FEEDBACK);
    const seedMs = Date.now() - seedStart;

    // Warm once (plans, caches, the chart's renderers), then time what the job and the sender do:
    // compute, render the blocks, draw the chart (PNG), and share it in the digest's thread.
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: ctx.fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const parent = await client.chat.postMessage({ channel: 'CPMO', text: 'bench digest parent' });
    const firstLoadStart = performance.now();
    await renderChartPng(chartData(await computeDigest(handle.db, new Date(), 'UTC')));
    const firstLoadMs = performance.now() - firstLoadStart;
    const runs: number[] = [];
    const parts = { compute: [] as number[], draw: [] as number[], upload: [] as number[] };
    let blocks = 0;
    let pngBytes = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const data = await computeDigest(handle.db, new Date(), 'UTC');
      const rendered = renderDigest(data, new Date(), { quiet: false });
      const t1 = performance.now();
      const chart = chartData(data);
      const png = await renderChartPng(chart);
      const t2 = performance.now();
      await shareFile(client, {
        channelId: 'CPMO',
        threadTs: String(parent.ts),
        filename: `bench-${i}.png`,
        bytes: png,
        altText: chartAltText(chart),
      });
      const t3 = performance.now();
      runs.push(t3 - t0);
      parts.compute.push(t1 - t0);
      parts.draw.push(t2 - t1);
      parts.upload.push(t3 - t2);
      blocks = rendered.main.blocks.length;
      pngBytes = png.length;
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    runs.sort((a, b) => a - b);

    // The job end to end, as operators run it: compute, enqueue, post main message + thread.
    const postsBefore = ctx.fake.messages.filter((m) => m.channel === 'CPMO').length;
    const jobStart = performance.now();
    const { execFile } = await import('node:child_process');
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/jobs/run-cli.ts', 'digest'],
        {
          env: {
            PATH: process.env.PATH ?? '',
            DATABASE_URL: ctx.databaseUrl,
            SLACK_BOT_TOKEN: 'xoxb-test-token',
            SLACK_SIGNING_SECRET: 'x',
            SLACK_API_URL: ctx.fake.apiUrl,
            PMO_CHANNEL_ID: 'CPMO',
            PMO_LEAD_IDS: 'ULEAD1',
            LOG_LEVEL: 'warn',
          },
        },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    const jobMs = performance.now() - jobStart;
    const posted = ctx.fake.messages.filter((m) => m.channel === 'CPMO').length - postsBefore;

    const plans = await explainDigestQueries(ctx.databaseUrl);
    const median = runs[Math.floor(runs.length / 2)] ?? 0;
    ctx.rows.push(
      {
        scenario: 'c. digest',
        measure: `seed ${REQUESTS} requests + ${FEEDBACK} answers`,
        value: `${(seedMs / 1000).toFixed(1)} s`,
      },
      {
        scenario: 'c. digest',
        measure: 'compute + render + draw the chart + upload it (median of 5, warm)',
        value: `${median.toFixed(0)} ms: compute and blocks ${mid(parts.compute).toFixed(0)} ms (${blocks} blocks), chart PNG ${mid(parts.draw).toFixed(0)} ms (${Math.round(pngBytes / 1024)} KB), upload ${mid(parts.upload).toFixed(0)} ms`,
        target: '< 1 s',
        met: median < 1000,
      },
      {
        scenario: 'c. digest',
        measure: 'first chart of a process (loading Vega, Vega-Lite and resvg)',
        value: `${firstLoadMs.toFixed(0)} ms`,
      },
      {
        scenario: 'c. digest',
        measure: '`npm run job -- digest` end to end (process start, compute, chart, post + thread + chart)',
        value: `${(jobMs / 1000).toFixed(2)} s, ${posted} messages posted`,
      },
      {
        scenario: 'c. digest',
        measure: `EXPLAIN: queries on large tables using an index`,
        value: `${plans.indexed}/${plans.total}${plans.seqScans.length ? ` (seq scans: ${plans.seqScans.join(', ')})` : ''}`,
      },
    );
  } finally {
    await handle.close();
  }
}

/** Captures the SQL computeDigest runs and EXPLAINs each statement. */
async function explainDigestQueries(
  url: string,
): Promise<{ total: number; indexed: number; seqScans: string[] }> {
  const captured: CompiledQuery[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<never>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await computeDigest(db as never, new Date(), 'UTC');
    let total = 0;
    let indexed = 0;
    const seqScans: string[] = [];
    for (const q of captured) {
      const big = BIG_TABLES.filter((t) => new RegExp(`\\b${t}\\b`).test(q.sql));
      if (!big.length) continue;
      total++;
      const plan = await pool.query(`EXPLAIN ${q.sql}`, q.parameters as unknown[]);
      const text = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      const seq = big.filter((t) => new RegExp(`Seq Scan on ${t}\\b`).test(text));
      if (/Index|Bitmap/.test(text) && seq.length === 0) indexed++;
      else seqScans.push(...seq.map((t) => `${t}`));
    }
    return { total, indexed, seqScans: [...new Set(seqScans)] };
  } finally {
    await db.destroy();
  }
}
