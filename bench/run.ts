import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FakeSlack } from '../test/support/fake-slack';
import type { LoadResult } from './load';
import { type Child, startChild } from './process';
import { scenarios } from './scenarios';

/**
 * `npm run bench`: the app on PostgreSQL against the fake Slack, no internet. Prints a results
 * table (markdown) with its targets. BENCH_DATABASE_URL (default: the local server)
 * must allow CREATE DATABASE; each run uses a fresh database and drops it afterwards.
 */

export const SECRET = 'bench-signing-secret';
export const TOKEN = 'xoxb-test-token';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchContext {
  fake: FakeSlack;
  databaseUrl: string;
  appUrl: string;
  app: Child;
  bare: Child;
  bareUrl: string;
  db: pg.Pool;
  rows: Row[];
}

export interface Row {
  scenario: string;
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

async function main(): Promise<void> {
  const dbName = `pmo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();

  const fake = await new FakeSlack().start();
  const appPort = 31000 + Math.floor(Math.random() * 1000);
  const barePort = appPort + 1000;
  const baseEnv = {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
  // The app as `npm start` runs it: its bundle on plain node, with the start script's flags.
  const start = npmStart();
  const app = await startChild(
    start.entry,
    {
      ...baseEnv,
      PORT: String(appPort),
      DATABASE_URL: databaseUrl,
      PMO_CHANNEL_ID: 'CPMO',
      PMO_LEAD_IDS: 'ULEAD1,ULEAD2',
      LOG_LEVEL: 'warn',
      SCHEDULER_ENABLED: 'false',
      // Interactive work only: the bench drives the outbox explicitly where it measures it.
    },
    { url: `http://127.0.0.1:${appPort}/readyz` },
    start.flags,
  );
  const bare = await startChild(
    'bench/bare-bolt.ts',
    { ...baseEnv, PORT: String(barePort) },
    /bare bolt ready/,
  );
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const ctx: BenchContext = {
    fake,
    databaseUrl,
    appUrl: `http://127.0.0.1:${appPort}`,
    app,
    bare,
    bareUrl: `http://127.0.0.1:${barePort}`,
    db,
    rows: [],
  };
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  try {
    for (const [name, run] of Object.entries(scenarios)) {
      if (only.length && !only.includes(name)) continue;
      process.stderr.write(`• ${name}…\n`);
      await run(ctx);
    }
    ctx.rows.push({
      scenario: 'd. memory',
      measure: 'peak RSS of the app (a + b)',
      value: `${ctx.app.peakRssMb().toFixed(0)} MB`,
      target: '< 200 MB',
      met: ctx.app.peakRssMb() < 200,
    });
  } finally {
    await db.end();
    await app.stop();
    await bare.stop();
    await fake.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  printTable(ctx.rows);
}

/** `npm start`'s command (`node <flags> <entry>`), read from package.json. */
function npmStart(): { flags: string[]; entry: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  const [node, ...args] = String(pkg.scripts.start).split(/\s+/);
  const entry = args.pop();
  if (node !== 'node' || !entry)
    throw new Error(`npm start is not "node <flags> <entry>": ${pkg.scripts.start}`);
  return { flags: args, entry };
}

export function describeLoad(r: LoadResult): string {
  return `p50 ${r.p50.toFixed(1)} ms · p95 ${r.p95.toFixed(1)} · p99 ${r.p99.toFixed(1)} · ${r.throughput.toFixed(0)} req/s · ${r.errors} errors`;
}

function printTable(rows: Row[]): void {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`,
    '',
    '| scenario | measure | result | target | met |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.measure} | ${r.value} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
