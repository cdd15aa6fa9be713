import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { appEnv, freePort, ProcessDriver, spawnApp, waitReady } from '../faults/child-app';
import { FakeSlack } from '../support/fake-slack';
import { signedHeaders } from '../support/slack-signing';
import { LEAD, SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app';

/**
 * What a port scanner or an unsigned
 * client can do to the Slack endpoint.
 */
describe('the Slack endpoint against requests Slack never sends (a real process)', () => {
  let fake: FakeSlack;
  let dir: string;
  let app: ReturnType<typeof spawnApp>;
  let port: number;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    port = freePort();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-http-'));
    app = spawnApp(appEnv(fake, port, { PGLITE_DIR: path.join(dir, 'pglite') }));
    await waitReady(port);
  }, 90_000);
  afterAll(async () => {
    app.child.kill('SIGTERM');
    await app.exited;
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 405 to every method but POST on /slack/events (with or without a query) and keeps serving', async () => {
    const base = `http://127.0.0.1:${port}`;
    for (const [method, url] of [
      ['GET', '/slack/events'],
      ['PUT', '/slack/events'],
      ['DELETE', '/slack/events'],
      ['HEAD', '/slack/events'],
      ['GET', '/slack/events?challenge=1'],
      ['OPTIONS', '/slack/events'],
    ] as const) {
      const res = await fetch(`${base}${url}`, { method, ...(method === 'PUT' ? { body: 'x' } : {}) });
      expect([method, url, res.status]).toEqual([method, url, 405]);
      expect(res.headers.get('allow')).toBe('POST');
    }
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{"type":"x"}' })).status).toBe(401);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const driver = new ProcessDriver(fake, port, appEnv(fake, port, {}));
    expect((await driver.slash('UREQ1', 'help')).status).toBe(200);
    expect(app.child.exitCode).toBeNull();
  });
});

describe('metrics and limits of the HTTP server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { METRICS_TOKEN: 'metrics-secret' },
    });
  });
  afterAll(() => t.stop());

  const scrape = async () =>
    (await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } })).text();

  it('serves /metrics only with the bearer token when METRICS_TOKEN is set', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    expect(await scrape()).toContain('pmo_slack_requests_total');
  });

  it('labels no metric with what an unsigned request says: 300 forged types add no series', async () => {
    await t.slash('UREQ1', 'help');
    const before = await scrape();
    const forged = Array.from({ length: 300 }, (_, i) => `forged_type_${i}_${'x'.repeat(200)}`);
    for (let i = 0; i < forged.length; i += 50) {
      await Promise.all(
        forged.slice(i, i + 50).map((type, j) =>
          fetch(`${t.url}/slack/events`, {
            method: 'POST',
            headers: { 'content-type': j % 2 ? 'application/json' : 'application/x-www-form-urlencoded' },
            body:
              j % 2 ? JSON.stringify({ type }) : `payload=${encodeURIComponent(JSON.stringify({ type }))}`,
          }),
        ),
      );
    }
    const after = await scrape();
    expect(after).not.toContain('forged_type');
    const series = (text: string) =>
      text.split('\n').filter((l) => l.startsWith('pmo_slack_requests_total{'));
    expect(series(after).length - series(before).length).toBeLessThanOrEqual(1);
    expect(after).toMatch(/pmo_slack_requests_total\{surface="unverified",status="401"\} 300/);
    expect(after.length - before.length).toBeLessThan(2000);
  });
});

describe('a response_url that is not Slack’s', () => {
  let t: TestApp;
  let evil: http.Server;
  let hits = 0;
  beforeAll(async () => {
    t = await startTestApp();
    evil = http.createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise((r) => evil.close(r));
    await t.stop();
  });

  it('is refused with 400 before any listener could post to it', async () => {
    const { port } = evil.address() as net.AddressInfo;
    const payload = {
      type: 'block_actions',
      user: { id: 'UREQ1', username: 'ureq1', name: 'ureq1', team_id: 'T0TEST' },
      team: { id: 'T0TEST', domain: 'test' },
      api_app_id: 'A0TEST',
      trigger_id: t.fake.issueTrigger('UREQ1'),
      actions: [{ type: 'button', action_id: 'catalog_add', block_id: 'b', action_ts: '1' }],
      container: { type: 'message', message_ts: '1.1', channel_id: 'CGENERAL', is_ephemeral: true },
      response_url: `http://127.0.0.1:${port}/steal`,
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await t.post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    const command = new URLSearchParams({
      command: '/pmo',
      text: 'catalog',
      user_id: 'UREQ1',
      response_url: `http://127.0.0.1:${port}/steal`,
      trigger_id: 'x',
    }).toString();
    expect((await t.post(command, 'application/x-www-form-urlencoded')).status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toBe(0);
    // Slack's own kind of response_url still works (the harness uses the fake's origin).
    expect((await t.slash(LEAD, 'catalog')).status).toBe(200);
  });
});

describe('HTTP server timeouts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ httpTimeouts: { requestMs: 1000, headersMs: 1000, keepAliveMs: 1000 } });
  });
  afterAll(() => t.stop());

  it('cuts off a client that trickles its body, and keeps answering others meanwhile', async () => {
    const { port } = new URL(t.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => {
      answer += String(d);
    });
    // Characters of the body sent so far. The trickle never completes the body, so only the
    // server's request timeout ends it; cut while the trickle still runs (4.6 s of it) means the
    // configured 1 s, not the default 15 s. An order of events, not a clock a busy machine slows.
    let i = 0;
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(i)));
    const body = 'command=%2Fpmo&text=help';
    const headers = signedHeaders(SIGNING_SECRET, body);
    socket.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `X-Slack-Request-Timestamp: ${headers['x-slack-request-timestamp']}\r\n` +
        `X-Slack-Signature: ${headers['x-slack-signature']}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const trickle = setInterval(() => {
      if (i < body.length - 1 && !socket.destroyed) socket.write(body[i++]!);
    }, 200);
    try {
      expect((await t.slash('UREQ1', 'help')).status).toBe(200);
      expect(await closed).toBeLessThan(body.length - 1);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });
});
