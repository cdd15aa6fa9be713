import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database';
import { install, outboxRow, queueMessage } from './install-flow';
import { leakedSecrets, oauthSecrets } from './secrets';

const WORKSPACE = { team: { id: 'T0ROT', name: 'Rotating' } };
const FROM = { team: { id: 'T0ROT', domain: 'rotating' } };

const refreshCalls = (t: TestApp) =>
  t.fake.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');

const installation = (t: TestApp) =>
  t.db.selectFrom('installations').selectAll().where('install_key', '=', 'T:T0ROT').executeTakeFirstOrThrow();

/** /pmo request from the workspace; resolves with the token views.open was called with. */
async function openForm(from: TestApp, fake: TestApp['fake'], user: string): Promise<string | undefined> {
  const before = fake.callsTo('views.open').length;
  const ack = await from.from(FROM).slash(user, 'request help');
  expect(ack.status).toBe(200);
  await fake.waitFor(() => fake.callsTo('views.open').length > before, 'views.open');
  const call = fake.callsTo('views.open').at(-1)!;
  expect(call.response.ok).toBe(true);
  return call.token;
}

// Two service instances need one database they can share: PostgreSQL. On PGlite (one process's
// database) the same rules are checked with one instance and concurrent callers.
const twoInstances = usingPostgres ? describe : describe.skip;

twoInstances('token rotation with two instances on one database', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startTestApp({ oauth: true, database });
    b = await startTestApp({ oauth: true, database, fake: a.fake });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await database?.drop();
  });

  it('refreshes an expiring token exactly once, and both instances keep working', async () => {
    // Rotation on: the token lives 60 s, inside the refresh margin, so the first use refreshes it.
    expect((await install(a, { ...WORKSPACE, expiresIn: 60 })).status).toBe(200);
    const installed = await installation(a);
    expect(installed.bot_refresh_token).toBeTruthy();
    expect(installed.bot_token_expires_at).toBeInstanceOf(Date);

    const [fromA, fromB, senderA, senderB] = await Promise.all([
      openForm(a, a.fake, 'UROT1'),
      openForm(b, a.fake, 'UROT2'),
      a.service.client.auth.test(),
      b.service.client.auth.test(),
    ]);
    expect(refreshCalls(a)).toHaveLength(1);
    expect(refreshCalls(a)[0]?.args.refresh_token).toBe(installed.bot_refresh_token);
    const refreshed = await installation(a);
    expect(refreshed.bot_token).not.toBe(installed.bot_token);
    expect(refreshed.bot_token_expires_at!.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(fromA).toBe(refreshed.bot_token);
    expect(fromB).toBe(refreshed.bot_token);
    expect(senderA.ok && senderB.ok).toBe(true);

    // Later calls use the refreshed token without refreshing again.
    await openForm(b, a.fake, 'UROT3');
    expect(refreshCalls(a)).toHaveLength(1);
    expect(leakedSecrets(a)).toEqual([]);
    expect(leakedSecrets(b)).toEqual([]);
  });
});

describe('token rotation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ oauth: true });
  });
  afterAll(() => t.stop());

  it('refreshes once for callers at the same time, then uses the new token', async () => {
    expect((await install(t, { ...WORKSPACE, expiresIn: 60 })).status).toBe(200);
    const installed = await installation(t);
    const [form, sender1, sender2] = await Promise.all([
      openForm(t, t.fake, 'UROT1'),
      t.service.client.auth.test(),
      t.service.client.auth.test(),
    ]);
    expect(refreshCalls(t)).toHaveLength(1);
    expect(refreshCalls(t)[0]?.args).toMatchObject({
      client_id: 'test-client-id',
      client_secret: 'test-client-secret',
      refresh_token: installed.bot_refresh_token,
    });
    const refreshed = await installation(t);
    expect(form).toBe(refreshed.bot_token);
    expect(sender1.ok && sender2.ok).toBe(true);
    expect(t.fake.callsTo('auth.test').at(-1)?.token).toBe(refreshed.bot_token);
  });

  it('a failed refresh is logged, and the queued message goes out once a refresh works', async () => {
    // The token is about to expire again; Slack fails the first refresh.
    await t.db
      .updateTable('installations')
      .set({ bot_token_expires_at: new Date(Date.now() + 60_000) })
      .where('install_key', '=', 'T:T0ROT')
      .execute();
    const before = refreshCalls(t).length;
    t.fake.failNext('oauth.v2.access', { status: 503 });
    await queueMessage(t, 'during-refresh-failure');
    await t.fake.waitFor(
      () => t.logs.some((l) => String(l.msg).startsWith('Slack token refresh failed')),
      'the log line',
    );
    // The message waits for the next try, no attempt spent (the sender writes that just after the log line).
    await t.fake.waitFor(
      async () => (await outboxRow(t, 'during-refresh-failure')).status === 'pending',
      'the message back to pending',
    );
    expect(await outboxRow(t, 'during-refresh-failure')).toEqual({ status: 'pending', attempts: 0 });
    await t.fake.waitFor(
      async () => (await outboxRow(t, 'during-refresh-failure')).status === 'sent',
      'the message, after a refresh that works',
      10_000,
    );
    // One failed refresh, one that worked: no loop.
    expect(refreshCalls(t).length - before).toBe(1 + 1);
    const post = t.fake.callsTo('chat.postMessage').find((c) => c.args.text === 'during-refresh-failure');
    expect(post?.token).toBe((await installation(t)).bot_token);
  });

  it('a refresh token used already gets invalid_grant, and is not asked again and again', async () => {
    const used = refreshCalls(t)[0]!.args.refresh_token as string;
    // The row holds a refresh token Slack has already exchanged (e.g. restored from a backup).
    await t.db
      .updateTable('installations')
      .set({ bot_refresh_token: used, bot_token_expires_at: new Date(Date.now() + 60_000) })
      .where('install_key', '=', 'T:T0ROT')
      .execute();
    const before = refreshCalls(t).length;
    await expect(t.service.client.auth.test()).rejects.toThrow(/could not be refreshed \(invalid_grant\)/);
    expect(refreshCalls(t).at(-1)?.response).toEqual({ ok: false, error: 'invalid_grant' });
    // More calls, from the sender and from Slack requests: no second refresh.
    await expect(t.service.client.auth.test()).rejects.toThrow(/invalid_grant/);
    await t.from(FROM).slash('UROT4', 'request help');
    await t.settle();
    await new Promise((r) => setTimeout(r, 1500));
    await expect(t.service.client.auth.test()).rejects.toThrow(/invalid_grant/);
    expect(refreshCalls(t).length - before).toBe(1);
    expect(
      t.logs.some((l) => l.level === 50 && String(l.msg).startsWith('Slack refused to refresh the token')),
    ).toBe(true);
  });

  it('never writes a token or secret into the logs', () => {
    expect(oauthSecrets(t).length).toBeGreaterThan(4);
    expect(leakedSecrets(t)).toEqual([]);
  });
});
