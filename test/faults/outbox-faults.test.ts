import { enqueueMessages } from '../../src/outbox/enqueue';
import { startTestApp, type TestApp } from '../support/test-app';

/** Slack failing on sends: 5xx and 429 are retried, nothing is sent twice, final errors stop. */
describe('the outbox when Slack fails', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    // Fast backoff so the test does not wait for minutes.
    (t.service.deps.outbox as unknown as { backoffMs: number }).backoffMs = 20;
  });
  afterEach(() => t.stop());

  const enqueue = (n: number, tag: string) =>
    enqueueMessages(
      t.db,
      Array.from({ length: n }, (_, i) => ({
        // A kind with no send-time condition: what is tested here is the sender itself.
        kind: 'request.requester_dm' as const,
        dedupeKey: `${tag}.${i}`,
        channel: `UPERSON${i}`,
        payload: { text: `note ${i}` },
      })),
    );

  it('never sends a row of a kind it has no hooks for (a typo or a retired kind): it fails, visibly', async () => {
    await t.db
      .insertInto('outbox')
      .values({
        kind: 'invitation.dmm',
        dedupe_key: 'typo.1',
        channel: 'UTYPO',
        payload: JSON.stringify({ text: 'x' }),
      })
      .execute();
    await t.flush();
    const row = await t.db.selectFrom('outbox').select(['status', 'last_error']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', last_error: 'unknown outbox kind invitation.dmm' });
    expect(t.fake.messagesIn('UTYPO')).toEqual([]);
  });

  it('retries 5xx with backoff and delivers each message once', async () => {
    await enqueue(3, 'five');
    t.fake.failNext('chat.postMessage', { status: 503, times: 2 });
    for (let i = 0; i < 20; i++) {
      await t.flush();
      const rows = await t.db.selectFrom('outbox').select('status').execute();
      if (rows.every((r) => r.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const texts = t.fake.messages.map((m) => m.text).sort();
    expect(texts).toEqual(['note 0', 'note 1', 'note 2']);
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.status === 503)).toHaveLength(2);
  });

  it('honours 429 Retry-After and sends nothing twice', async () => {
    await enqueue(5, 'rl');
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      await t.flush();
      const pending = await t.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
      if (pending.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(t.fake.messages.map((m) => m.text).sort()).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
      'note 4',
    ]);
    // The 429 paused the sender for about a second before the throttled message went out.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/pmo_slack_rate_limited_total\{client="outbox"\} 1/);
    expect(metrics).toMatch(/pmo_outbox_sent_total\{kind="request.requester_dm"\} 5/);
  });

  it('does not retry a final Slack error, and records it', async () => {
    await enqueue(1, 'final');
    t.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await t.flush();
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.last_error).toBe('channel_not_found');
    expect(t.fake.messages).toHaveLength(0);
  });

  it('enqueueing the same message twice sends it once', async () => {
    await enqueue(2, 'dup');
    await enqueue(2, 'dup');
    await t.flush();
    expect(t.fake.messages).toHaveLength(2);
  });
});
