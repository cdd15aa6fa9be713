import { WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import { outboxHooksOf } from '../../src/compose';
import { enqueueMessages } from '../../src/outbox/enqueue';
import { OutboxSender } from '../../src/outbox/sender';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Slack's rate limits are per workspace, so replicas pace together: a 429 that one sender gets
 * pauses every sender on the same database until Retry-After, and what they learnt is shared.
 * Two senders on one database stand for two replicas.
 */
describe('pacing shared by the senders of one database', () => {
  let t: TestApp;
  afterEach(() => t.stop());

  const senders = (names: string[]) => {
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: t.fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    return names.map((name) => {
      const sender = new OutboxSender({ db: t.db, client, logger: t.service.deps.logger, instanceId: name });
      sender.useHooks(outboxHooksOf({ ...t.service.deps, outbox: sender }, client));
      return sender;
    });
  };
  const enqueue = (from: number, n: number) =>
    enqueueMessages(
      t.db,
      Array.from({ length: n }, (_, i) => ({
        kind: 'request.requester_dm' as const,
        dedupeKey: `paced.${from + i}`,
        channel: `UPACED${from + i}`,
        payload: { text: `note ${from + i}` },
      })),
    );

  it('after one sender gets a 429, the other posts nothing until Retry-After', async () => {
    t = await startTestApp();
    // Only the two senders below deliver.
    await t.service.deps.outbox.stop();
    const [one, two] = senders(['one', 'two']);
    if (!one || !two) throw new Error('two senders');

    await enqueue(0, 1);
    t.fake.failNext('chat.postMessage', { status: 429, retryAfter: 2, times: 1 });
    const first = one.drain();
    // Wait for the 429 to be answered and the row put back for later.
    for (;;) {
      const row = await t.db.selectFrom('outbox').select(['status', 'last_error']).executeTakeFirstOrThrow();
      if (row.status === 'pending' && row.last_error === 'ratelimited') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const throttledAt = t.fake.callsTo('chat.postMessage').find((c) => c.status === 429)?.at ?? 0;

    // The other sender has work of its own, due now.
    await enqueue(1, 5);
    await two.drain();
    await first;
    for (let i = 0; i < 100; i++) {
      await Promise.all([one.drain(), two.drain()]);
      const left = await t.db.selectFrom('outbox').select('id').where('status', '<>', 'sent').execute();
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts.filter((p) => p.status === 429)).toHaveLength(1);
    // Every post after the 429 waited out its Retry-After, whichever sender made it.
    const early = posts.filter((p) => p.status === 200 && p.at < throttledAt + 2000);
    expect(early.map((p) => p.args.channel)).toEqual([]);
    expect(t.fake.messages.map((m) => m.text).sort()).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
      'note 4',
      'note 5',
    ]);
  }, 120_000);

  it('delivers each message once under a shared limit, and learns one spacing for both', async () => {
    t = await startTestApp();
    await t.service.deps.outbox.stop();
    const [one, two] = senders(['one', 'two']);
    if (!one || !two) throw new Error('two senders');
    // Slack accepts 10 posts a second; the senders share what they learn of it.
    t.fake.rateLimit('chat.postMessage', 10, 1000, 1);
    await enqueue(0, 40);
    await Promise.all([one.drain(), two.drain()]);
    for (let i = 0; i < 100; i++) {
      await Promise.all([one.drain(), two.drain()]);
      const left = await t.db.selectFrom('outbox').select('id').where('status', '<>', 'sent').execute();
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Each once, none missed.
    expect(new Set(t.fake.messages.map((m) => m.text)).size).toBe(40);
    expect(t.fake.messages).toHaveLength(40);
    // What the 429s taught is one row for the method, not one per sender.
    const rate = await sql<{ method: string; spacing_ms: number }>`
      select method, spacing_ms from slack_rate`.execute(t.db);
    expect(rate.rows.map((r) => r.method)).toEqual(['chat.postMessage']);
    expect(Number(rate.rows[0]?.spacing_ms)).toBeGreaterThan(0);
  }, 120_000);
});
