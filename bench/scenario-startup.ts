import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from './run';

const ROOT = path.resolve(__dirname, '..');
const RUNS = 3;

/**
 * e. Start-up: from the command `npm start` runs (package.json's `start` script, run by the
 * shell without npm's own start-up in front) to the first `/readyz` 200, on the embedded
 * database: a first start on a new data directory, then a second start on the same one.
 * The baseline is a bare Bolt app (bench/bare-bolt.ts, compiled to JavaScript beforehand as a
 * Bolt app in JavaScript would be) run by node, until it answers HTTP at all; the same app run
 * through tsx is shown too. Medians of three runs each, one process at a time.
 */
export async function startUp(ctx: BenchContext): Promise<void> {
  const start = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    }
  ).scripts.start;
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'bench-startup-secret',
    SLACK_API_URL: ctx.fake.apiUrl,
    PMO_CHANNEL_ID: 'CPMO',
    PMO_LEAD_IDS: 'ULEAD1',
    LOG_LEVEL: 'warn',
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-bench-start-'));
  // Inside the project, so `require('@slack/bolt')` resolves from the compiled file's folder.
  const bareBuilt = path.join(ROOT, 'node_modules', '.cache', 'pmo-concierge', 'bench-bare-bolt.js');
  (require('esbuild') as typeof import('esbuild')).buildSync({
    entryPoints: [path.join(ROOT, 'bench', 'bare-bolt.ts')],
    outfile: bareBuilt,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  const bare: number[] = [];
  const bareTsx: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  try {
    // Warm the file system cache and `npm start`'s bundle, as a developer's machine would be.
    await timeToAnswer(start, { ...env, PGLITE_DIR: path.join(work, 'warm') }, '/readyz');
    for (let i = 0; i < RUNS; i++) {
      bare.push(await timeToAnswer(`node ${bareBuilt}`, env, '/'));
      bareTsx.push(await timeToAnswer('node --import tsx bench/bare-bolt.ts', env, '/'));
      const withData = { ...env, PGLITE_DIR: path.join(work, `data-${i}`) };
      first.push(await timeToAnswer(start, withData, '/readyz'));
      second.push(await timeToAnswer(start, withData, '/readyz'));
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const b = median(bare);
  const row = (measure: string, times: number[], limit?: number) =>
    ctx.rows.push({
      scenario: 'e. start-up',
      measure,
      value: `${(median(times) / 1000).toFixed(2)} s (runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')}) · ${(median(times) / b).toFixed(1)}× bare`,
      ...(limit ? { target: `≤ ${limit}× bare`, met: median(times) <= limit * b } : {}),
    });
  row('bare Bolt, JavaScript (`node`)', bare);
  row('bare Bolt, TypeScript (`node --import tsx`)', bareTsx);
  row(`\`npm start\` (\`${start}\`), a new data directory`, first, 3);
  row('`npm start`, the second time', second, 2);
}

/** Spawns `command`, polls `probe` until it answers (200 for /readyz), stops it; the time, ms. */
async function timeToAnswer(command: string, env: Record<string, string>, probe: string): Promise<number> {
  const port = 40000 + Math.floor(Math.random() * 10000);
  const started = performance.now();
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  try {
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}${probe}`).then(
        (r) => (probe === '/' ? true : r.status === 200),
        () => false,
      );
      if (answered) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr.slice(-1000)}`);
      if (performance.now() - started > 60_000) throw new Error(`${command} never answered`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
