import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startSandbox } from '../../sandbox/start-sandbox';
import { shouldRunSandbox } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeSlack } from '../support/fake-slack';
import { signedHeaders } from '../support/slack-signing';

/**
 * When the sandbox starts: only when no Slack credential at all is configured — a real
 * install with one token missing keeps failing with the configuration error. It binds to
 * 127.0.0.1 only and never uses a real install's database.
 */
const ROOT = path.resolve(__dirname, '../..');
const freePort = () => 20000 + Math.floor(Math.random() * 20000);

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startProcess(script: string, env: Record<string, string>): Started {
  let output = '';
  // node with tsx's loader rather than the tsx CLI: the CLI relays SIGTERM and force-kills its
  // child if the child does not confirm within 60 ms, which a busy CI machine cannot promise.
  // `npm start` runs scripts/start.cjs (plain node); other entry points run through tsx.
  const args = script.endsWith('.cjs') ? [script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
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

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('choosing the sandbox', () => {
  it('is chosen only when none of the Slack credentials is set', () => {
    expect(shouldRunSandbox({})).toBe(true);
    expect(shouldRunSandbox({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: ' ', PORT: '3000' })).toBe(true);
    expect(shouldRunSandbox({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(false);
    expect(shouldRunSandbox({ SLACK_SIGNING_SECRET: 's' })).toBe(false);
    expect(shouldRunSandbox({ SLACK_APP_TOKEN: 'xapp-1' })).toBe(false);
    expect(shouldRunSandbox({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toBe(false);
  });
});

describe('npm start without Slack credentials', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-sandbox-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts the sandbox on 127.0.0.1, says where to open it in one line, and stops on SIGTERM', async () => {
    const port = freePort();
    const started = Date.now();
    const p = startProcess('scripts/start.cjs', {
      PORT: String(port),
      SANDBOX_PGLITE_DIR: path.join(dir, 'db'),
    });
    try {
      await waitFor(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/sandbox/api/state`);
        return res.status === 200 ? true : undefined;
      }, 'the sandbox page to answer');
      const ms = Date.now() - started;
      console.log(`npm start (no env, fresh data directory) → sandbox page answering in ${ms} ms`);

      const page = await fetch(`http://127.0.0.1:${port}/sandbox`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script src="/sandbox/app.js">');
      // The page can answer a moment before start-up finishes and logs its line: wait for it.
      await waitFor(async () => (p.output().includes('Sandbox:') ? true : undefined), 'the sandbox log line');
      const lines = p
        .output()
        .split('\n')
        .filter((l) => l.includes('Sandbox:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        `Sandbox: no Slack credentials found — open http://localhost:${port}/sandbox`,
      );

      // The app's Slack endpoint still checks signatures: the sandbox's secret is its own.
      const body = 'command=%2Fpmo&text=help&user_id=USAM&trigger_id=t';
      const forged = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders('guess', body) },
        body,
      });
      expect(forged.status).toBe(401);

      // Bound to loopback only: not reachable on the machine's other addresses.
      const listening = p
        .output()
        .split('\n')
        .find((l) => l.includes('HTTP server listening'));
      expect(listening).toContain('"host":"127.0.0.1"');
      const external = externalAddress();
      if (external) expect(await connects(external, port)).toBe(false);
      expect(await connects('127.0.0.1', port)).toBe(true);
    } finally {
      p.child.kill('SIGTERM');
    }
    expect(await p.exited).toBe(0);
  }, 90_000);

  it('keeps the configuration error when only some credentials are set', async () => {
    const p = startProcess('scripts/start.cjs', {
      SLACK_APP_TOKEN: 'xapp-1-something',
      PORT: String(freePort()),
      SANDBOX_PGLITE_DIR: path.join(dir, 'db'),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('SLACK_BOT_TOKEN is required');
    expect(p.output()).toContain('SLACK_SIGNING_SECRET is required');
    expect(p.output()).not.toContain('Sandbox:');
  }, 30_000);

  it('npm run sandbox refuses to start when Slack credentials are set', async () => {
    const p = startProcess('sandbox/main.ts', {
      SLACK_BOT_TOKEN: 'xoxb-real-token',
      SLACK_SIGNING_SECRET: 'real-secret',
      PORT: String(freePort()),
    });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET are set');
    expect(p.output()).not.toContain('real-secret');
  }, 30_000);
});

describe('npm start with Slack credentials', () => {
  it('never serves the sandbox', async () => {
    const fake = await new FakeSlack().start();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-real-'));
    const port = freePort();
    const p = startProcess('scripts/start.cjs', {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 'process-secret',
      SLACK_API_URL: fake.apiUrl,
      PMO_CHANNEL_ID: 'CPMO',
      PMO_LEAD_IDS: 'ULEAD1',
      PORT: String(port),
      PGLITE_DIR: path.join(dir, 'pglite'),
    });
    try {
      await waitFor(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? true : undefined;
      }, 'the app to be ready');
      expect((await fetch(`http://127.0.0.1:${port}/sandbox`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/sandbox/api/state`)).status).toBe(404);
      expect(p.output()).not.toContain('Sandbox:');
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
      await fake.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('startSandbox', () => {
  it('uses its own embedded database and Slack stand-in whatever the environment says, and seeds the cast once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-sandbox-seed-'));
    const quiet = createLogger({
      level: 'warn',
      pretty: false,
      destination: new Writable({ write: (_c, _e, cb) => cb() }),
    });
    const env = {
      DATABASE_URL: 'postgres://real:secret@db.example.com/pmo',
      PGLITE_DIR: path.join(dir, 'real-install'),
      SLACK_API_URL: 'https://slack.com/api/',
      PMO_CHANNEL_ID: 'CREAL',
      PMO_TIMEZONE: 'Europe/Paris',
    };
    const start = () =>
      startSandbox({
        env,
        port: 0,
        pgliteDir: path.join(dir, 'sandbox'),
        overrides: { SCHEDULER_ENABLED: 'false' },
        logger: quiet,
      });
    let sandbox = await start();
    try {
      expect(sandbox.config.databaseUrl).toBeUndefined();
      expect(sandbox.config.pgliteDir).toBe(path.join(dir, 'sandbox'));
      expect(sandbox.config.slack.apiUrl).toBe(sandbox.standIn.apiUrl);
      expect(sandbox.standIn.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
      expect(sandbox.config.pmo.channelId).toBe('CSANDBOXPMO');
      expect(sandbox.config.pmo.leadIds).toEqual(['UAMARA', 'UJONAS']);
      expect(sandbox.config.pmo.timezone).toBe('Europe/Paris');
      expect(sandbox.url).toBe(`http://localhost:${sandbox.port}/sandbox`);
      expect(fs.existsSync(path.join(dir, 'real-install'))).toBe(false);

      await sandbox.stop();
      sandbox = await start();
      const skills = await sandbox.deps.db
        .selectFrom('member_skills')
        .innerJoin('services', 'services.id', 'member_skills.service_id')
        .select(['member_id', 'services.slug'])
        .orderBy('services.slug')
        .execute();
      expect(skills).toEqual([
        { member_id: 'UPRIYA', slug: 'change-management' },
        { member_id: 'UPRIYA', slug: 'executive-coaching' },
        { member_id: 'UPRIYA', slug: 'stakeholder-management' },
        { member_id: 'UPRIYA', slug: 'training-mentoring' },
      ]);
      const members = await sandbox.deps.db.selectFrom('members').select('slack_user_id').execute();
      expect(members).toEqual([{ slack_user_id: 'UPRIYA' }]);

      // The stand-in knows the cast's names and time zones (users.info).
      const info = await sandbox.service.slack.bolt.client.users.info({ user: 'UMEI' });
      expect(info.user).toMatchObject({ real_name: 'Mei Chen', tz: 'Asia/Singapore' });
    } finally {
      await sandbox.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
