import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeSlack } from '../support/fake-slack';
import { startTestApp } from '../support/test-app';
import { appEnv, freePort, spawnApp, waitReady } from './child-app';

/** Slack's Web API failing while the app starts: retried, never an unhandled crash. */
describe('Slack unreachable at start', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await new FakeSlack().start();
  });
  afterEach(() => fake.stop());

  it('retries auth.test on 5xx and starts once Slack answers', async () => {
    fake.failNext('auth.test', { status: 503, times: 2 });
    const t = await startTestApp({ fake });
    try {
      expect(fake.callsTo('auth.test').map((c) => c.status)).toEqual([503, 503, 200]);
      const help = await t.slash('UREQ1', 'help');
      expect(help.status).toBe(200);
      // Bolt was given the identity: it does not call auth.test per request.
      expect(fake.callsTo('auth.test')).toHaveLength(3);
    } finally {
      await t.stop();
    }
  });

  it('keeps /readyz at 503 until Slack requests can be served (database up, auth.test failing)', async () => {
    fake.failNext('auth.test', { status: 503, times: 3 });
    const port = freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-ready-'));
    const app = spawnApp(appEnv(fake, port, { PGLITE_DIR: path.join(dir, 'pglite') }));
    try {
      // While every auth.test so far failed, the probe must not send Slack traffic our way.
      const seen: number[] = [];
      while (!fake.callsTo('auth.test').some((c) => c.status === 200)) {
        const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status && !fake.callsTo('auth.test').some((c) => c.status === 200)) seen.push(status);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s === 503)).toBe(true);
      await waitReady(port);
      expect(app.output()).toContain('PMO Concierge is up');
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops start-up with a clear reason when Slack rejects the token', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    await expect(startTestApp({ fake })).rejects.toThrow('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
  });
});
