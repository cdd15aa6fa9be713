import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeSlack } from '../support/fake-slack';
import { signedHeaders } from '../support/slack-signing';

/**
 * The process as an operator runs it: `node scripts/start.cjs` (what `npm start` runs) with only the
 * required variables, on the embedded database.
 */
const ROOT = path.resolve(__dirname, '../..');
// What `npm start` runs: node on the compiled bundle (no wrapper process between the signal and us).

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, ['scripts/start.cjs'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Polls /readyz until it answers 200, or the process exits: no deadline a busy machine could miss. */
async function waitHealthy(port: number, p: Started): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (p.child.exitCode !== null || p.child.signalCode !== null)
      throw new Error(`the app exited (${p.child.exitCode ?? p.child.signalCode}):\n${p.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const freePort = () => 20000 + Math.floor(Math.random() * 20000);

describe('the process (npm start)', () => {
  // Spawning tsx and a fresh embedded database is slow on a busy 2-core machine.
  jest.setTimeout(120_000);
  let fake: FakeSlack;
  let dir: string;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const requiredEnv = (port: number) => ({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: 'process-secret',
    SLACK_API_URL: fake.apiUrl,
    PMO_CHANNEL_ID: 'CPMO',
    PMO_LEAD_IDS: 'ULEAD1',
    PORT: String(port),
    PGLITE_DIR: path.join(dir, 'pglite'),
  });

  it('starts on the embedded database, serves Slack, and stops cleanly on SIGTERM', async () => {
    const port = freePort();
    const p = startProcess(requiredEnv(port));
    const ms = await waitHealthy(port, p);
    console.log(`npm start → ready in ${ms} ms (embedded database, first start with migrations)`);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const body = new URLSearchParams({
      command: '/pmo',
      text: 'help',
      user_id: 'U1',
      trigger_id: 't',
    }).toString();
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    expect((await post({})).status).toBe(401);
    expect(
      (await post(signedHeaders('process-secret', body, Math.floor(Date.now() / 1000) - 600))).status,
    ).toBe(401);
    const help = await post(signedHeaders('process-secret', body));
    expect(help.status).toBe(200);
    expect(JSON.stringify(await help.json())).toContain('/pmo help');

    // A second process on the same embedded database must refuse to start, clearly.
    const second = startProcess(requiredEnv(freePort()));
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by process/);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.output()).toContain('stopped');
    expect(p.output()).not.toContain('process-secret');
    expect(p.output()).not.toContain('xoxb-test-token');
  });

  it('exits 1 naming SLACK_SIGNING_SECRET when it is missing, without a stack trace', async () => {
    const env: Record<string, string> = requiredEnv(freePort());
    delete env.SLACK_SIGNING_SECRET;
    const p = startProcess(env);
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('SLACK_SIGNING_SECRET is required');
    expect(p.output()).not.toMatch(/\n\s+at /);
  });
});
