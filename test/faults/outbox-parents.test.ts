import { enqueueMessages } from '../../src/outbox/enqueue';
import { startTestApp, type TestApp } from '../support/test-app';

const CHANNEL = 'CPARENTS';

/** A reply names its parent message: sent after it, in its thread, and never without it. */
describe('outbox replies and their parent message', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.stop());

  const message = (key: string, extra: { parentKey?: string; notBefore?: Date } = {}) => ({
    kind: 'request.requester_dm' as const,
    dedupeKey: key,
    channel: CHANNEL,
    payload: { text: key },
    ...extra,
  });

  const rows = () =>
    t.db.selectFrom('outbox').select(['dedupe_key', 'status', 'skip_reason']).orderBy('id').execute();

  it('sends a reply enqueued with its parent after the parent, in the parent’s thread', async () => {
    // The reply first in the table: order of insertion must not matter.
    await enqueueMessages(t.db, [message('reply', { parentKey: 'post' }), message('post')]);
    await t.flush();
    const [post, reply] = [
      t.fake.messages.find((m) => m.text === 'post'),
      t.fake.messages.find((m) => m.text === 'reply'),
    ];
    expect(post?.thread_ts).toBeUndefined();
    expect(reply?.thread_ts).toBe(post?.ts);
    expect(reply?.channel).toBe(post?.channel);
    expect(t.fake.messages.indexOf(reply!)).toBeGreaterThan(t.fake.messages.indexOf(post!));
    const stored = await t.db
      .selectFrom('outbox')
      .select(['thread_ts'])
      .where('dedupe_key', '=', 'reply')
      .executeTakeFirstOrThrow();
    expect(stored.thread_ts).toBe(post?.ts);
  });

  it('holds a reply while its parent waits', async () => {
    await enqueueMessages(t.db, [
      message('later', { notBefore: new Date(Date.now() + 3_600_000) }),
      message('reply', { parentKey: 'later' }),
    ]);
    await t.flush();
    expect(t.fake.messages).toHaveLength(0);
    expect((await rows()).map((r) => r.status)).toEqual(['pending', 'pending']);
  });

  it('skips a reply whose parent will never be sent', async () => {
    await enqueueMessages(t.db, [message('post'), message('reply', { parentKey: 'post' })]);
    t.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await t.flush();
    expect(t.fake.messages).toHaveLength(0);
    expect(await rows()).toEqual([
      { dedupe_key: 'post', status: 'failed', skip_reason: null },
      { dedupe_key: 'reply', status: 'skipped', skip_reason: 'parent_not_sent' },
    ]);
  });
});
