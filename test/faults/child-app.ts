import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { parseConfig } from '../../src/config';
import type { FakeSlack } from '../support/fake-slack';
import { SIGNING_SECRET, TestApp } from '../support/test-app';

/**
 * The app as a separate process (`node scripts/start.cjs`, what `npm start` runs), so a
 * test can `kill -9` it — and a driver that signs requests to it the way the harness does.
 */

const ROOT = path.resolve(__dirname, '../..');

export interface AppProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

export function appEnv(fake: FakeSlack, port: number, extra: Record<string, string>): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PMO_CHANNEL_ID: 'CPMO',
    PMO_LEAD_IDS: 'ULEAD1,ULEAD2',
    PORT: String(port),
    LOG_LEVEL: 'info',
    SCHEDULER_ENABLED: 'false',
    ...extra,
  };
}

/** Node on an entry of this repository, its output collected. */
function spawnNode(args: string[], env: Record<string, string>): AppProcess {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (!child.pid) throw new Error(`${args.at(-1)} did not start`);
  return { child, pid: child.pid, output: () => output, exited };
}

export function spawnApp(env: Record<string, string>): AppProcess {
  return spawnNode(['scripts/start.cjs'], env);
}

export async function waitReady(port: number, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error('the app never became ready');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const freePort = () => 20000 + Math.floor(Math.random() * 20000);

/**
 * The harness's signed slash commands, clicks and submissions, aimed at a process on `port`
 * instead of an in-process service (only the HTTP helpers are used; no service, no database).
 */
export class ProcessDriver extends TestApp {
  constructor(
    fake: FakeSlack,
    private readonly port: number,
    env: Record<string, string>,
  ) {
    super();
    this.fake = fake;
    this.config = parseConfig(env);
  }

  override get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
}

/** `npm run job -- <name>` as its own process: its exit code and what it printed. */
export async function runJobProcess(
  env: Record<string, string>,
  name: string,
): Promise<{ code: number | null; output: string }> {
  const job = spawnNode(['--import', 'tsx', 'src/jobs/run-cli.ts', name], env);
  const code = await job.exited;
  return { code, output: job.output() };
}
