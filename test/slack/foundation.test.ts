import { signedHeaders } from '../support/slack-signing';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app';

describe('the HTTP surface', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers 404 on other paths', async () => {
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
  });

  describe('signature verification', () => {
    const body = 'command=%2Fpmo&text=help&user_id=U1&trigger_id=x';
    const send = (headers: Record<string, string>) =>
      fetch(`${t.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });

    it('rejects a missing signature with 401', async () => {
      expect((await send({})).status).toBe(401);
    });
    it('rejects a wrong signature with 401', async () => {
      expect((await send(signedHeaders('not-the-secret', body))).status).toBe(401);
    });
    it('rejects a signature older than 5 minutes with 401', async () => {
      const old = Math.floor(Date.now() / 1000) - 6 * 60;
      expect((await send(signedHeaders(SIGNING_SECRET, body, old))).status).toBe(401);
    });
    it('accepts a correct, fresh signature', async () => {
      expect((await send(signedHeaders(SIGNING_SECRET, body))).status).toBe(200);
    });
  });
});

describe('/pmo help', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it.each(['help', '', 'HELP'])('"/pmo %s" answers with an ephemeral list of commands', async (text) => {
    const res = await t.slash('UREQ1', text);
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(res.body.blocks)).toContain('/pmo help');
  });

  it('answers an unknown subcommand by saying so, then the help', async () => {
    const res = await t.slash('UREQ1', 'frobnicate now');
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toContain('frobnicate');
    expect(JSON.stringify(res.body.blocks)).toContain('/pmo help');
  });

  it('does not echo injected mrkdwn from an unknown subcommand', async () => {
    const res = await t.slash('UREQ1', '<!channel>');
    expect(JSON.stringify(res.body.blocks)).not.toContain('<!channel>');
  });
});

describe('Events API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('answers url_verification with the challenge', async () => {
    const res = await t.post(
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(res.body.challenge ?? res.text).toContain('abc123');
  });

  it('handles a retried event once: the person sees one Home publish, not two', async () => {
    const event = { type: 'app_home_opened', user: 'UREQ1', channel: 'DUREQ1', tab: 'home' };
    const publishes = () => t.fake.callsTo('views.publish').filter((c) => c.args.user_id === 'UREQ1').length;
    await t.event(event, { eventId: 'EvDUP1' });
    await t.fake.waitFor(() => publishes() === 1 || undefined, 'the first publish');
    // Slack's retry of the same delivery, after the first one was fully handled.
    const retry = await t.event(event, { eventId: 'EvDUP1', retryNum: 1 });
    expect(retry.status).toBe(200);
    await t.settle();
    expect(publishes()).toBe(1);
    // A new delivery (another event id) is handled: the test can see a second publish at all.
    await t.event(event, { eventId: 'EvDUP2' });
    await t.fake.waitFor(() => publishes() === 2 || undefined, 'the second event’s publish');
  });
});

describe('admission: a burst of Slack requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SLACK_MAX_IN_FLIGHT: '2' } });
  });
  afterAll(() => t.stop());

  it('handles at most SLACK_MAX_IN_FLIGHT at once, the rest in turn: every command is acked and every modal opens', async () => {
    const SLOW_MS = 250;
    t.fake.answerSlowly('views.open', SLOW_MS);
    const before = t.fake.callsTo('views.open').length;
    // Eight people type /pmo request at the same moment; Slack answers views.open slowly.
    const sent = Promise.all(
      Array.from({ length: 8 }, (_, i) => t.slash(`UBURST${i}`, 'request a template')),
    );
    // Meanwhile /metrics shows two in flight and the others waiting their turn.
    let gauges = '';
    for (let tries = 0; tries < 100 && !/pmo_slack_requests_waiting [1-9]/.test(gauges); tries++) {
      gauges = await (await fetch(`${t.url}/metrics`)).text();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(gauges).toMatch(/pmo_slack_requests_waiting [1-9]/);
    expect(gauges).toMatch(/pmo_slack_requests_in_flight 2\n/);
    const acks = await sent;
    expect(acks.map((a) => a.status)).toEqual(Array(8).fill(200));
    await t.fake.waitFor(
      () => t.fake.callsTo('views.open').length - before >= 8 || undefined,
      'eight modals',
    );
    const opens = t.fake.callsTo('views.open').slice(before);
    expect(opens.every((c) => (c.response as { ok?: boolean }).ok)).toBe(true);
    // Recorded when answered: with two at a time, any three answers span at least one delay.
    const at = opens.map((c) => c.at).sort((a, b) => a - b);
    for (let i = 2; i < at.length; i++) expect(at[i]! - at[i - 2]!).toBeGreaterThanOrEqual(SLOW_MS - 20);
  });
});
