import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import {
  authorize,
  browse,
  install,
  openInstallPage,
  outboxRow,
  queueMessage,
  STATE_COOKIE,
} from './install-flow';

const REQUESTER = 'UREQ1';
const WORKSPACE = { team: { id: 'T0ALPHA', name: 'Alpha' } };

const installations = (t: TestApp) => t.db.selectFrom('installations').selectAll().execute();

/** Opens the request form with /pmo request and says which token views.open was called with. */
async function formOpenedWith(t: TestApp, from: TestApp, user: string): Promise<string | undefined> {
  const before = t.fake.callsTo('views.open').length;
  const ack = await from.slash(user, 'request help');
  expect(ack.status).toBe(200);
  await t.fake.waitFor(() => t.fake.callsTo('views.open').length > before, 'views.open');
  const call = t.fake.callsTo('views.open').at(-1)!;
  expect(call.response.ok).toBe(true);
  return call.token;
}

describe('installing through OAuth in a workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ oauth: true });
  });
  afterAll(() => t.stop());

  it('starts without a token: up, /slack/install works, /readyz says not installed yet', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', reason: 'not installed yet' });
    const { page, authorizeUrl } = await openInstallPage(t);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.html).toContain('Add to Slack');
    // The authorize page is on SLACK_API_URL's host, asks for the manifest's scopes.
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.fake.url}/oauth/v2/authorize`);
    expect(url.searchParams.get('client_id')).toBe('test-client-id');
    expect(url.searchParams.get('scope')).toContain('chat:write');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(t.fake.calls.filter((c) => c.method !== 'oauth/v2/authorize')).toEqual([]);
  });

  it('keeps what the outbox has to send until the app is installed', async () => {
    await queueMessage(t, 'before-install');
    await t.flush();
    expect(await outboxRow(t, 'before-install')).toEqual({ status: 'pending', attempts: 0 });
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('stores the installation and answers that workspace with its token', async () => {
    const page = await install(t, WORKSPACE);
    expect(page.status).toBe(200);
    expect(page.html).toContain('PMO Concierge is installed in the workspace Alpha');
    // The state cookie is deleted once used.
    expect(page.headers.get('set-cookie')).toMatch(new RegExp(`${STATE_COOKIE}=deleted`));

    const rows = await installations(t);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      install_key: 'T:T0ALPHA',
      team_id: 'T0ALPHA',
      team_name: 'Alpha',
      enterprise_id: null,
      is_enterprise_install: false,
      bot_user_id: 'UPMOBOT',
      bot_id: 'BPMOBOT',
      bot_refresh_token: null,
    });
    const issued = t.fake.issuedTokens.get(row!.bot_token);
    expect(issued).toMatchObject({ teamId: 'T0ALPHA', orgWide: false });
    // The callback asked auth.test with the new token.
    expect(t.fake.callsTo('auth.test').at(-1)?.token).toBe(row!.bot_token);

    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const token = await formOpenedWith(t, t.from({ team: { id: 'T0ALPHA', domain: 'alpha' } }), REQUESTER);
    expect(token).toBe(row!.bot_token);
  });

  it('does not answer a workspace the app is not installed in', async () => {
    const before = t.fake.callsTo('views.open').length;
    const ack = await t.from({ team: { id: 'T0OTHER', domain: 'other' } }).slash(REQUESTER, 'request help');
    expect(ack.status).toBe(200);
    await t.settle();
    expect(t.fake.callsTo('views.open').length).toBe(before);
  });

  it('then sends what waited, with the installation token', async () => {
    const [row] = await installations(t);
    await t.fake.waitFor(
      async () => (await outboxRow(t, 'before-install')).status === 'sent',
      'the queued message',
      8000,
    );
    const post = t.fake.callsTo('chat.postMessage').find((c) => c.args.text === 'before-install');
    expect(post?.token).toBe(row!.bot_token);
    expect(t.fake.messagesIn(PMO_CHANNEL).map((m) => m.text)).toContain('before-install');
  });
});

describe('forged, cancelled and replayed callbacks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ oauth: true });
  });
  afterAll(() => t.stop());

  const nothingStored = async () => expect(await installations(t)).toEqual([]);

  it('a person who cancels in Slack (access_denied) is told so', async () => {
    const page = await install(t, { deny: true });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Installation cancelled');
    await nothingStored();
  });

  it('a callback without the browser’s state cookie stores nothing', async () => {
    const { authorizeUrl } = await openInstallPage(t);
    const callback = await authorize(t, authorizeUrl, WORKSPACE);
    const page = await browse(callback);
    expect(page.status).toBe(400);
    expect(page.html).toContain('This installation link is not valid');
    await nothingStored();
  });

  it('a forged state (not the one in the cookie) stores nothing', async () => {
    const { authorizeUrl, cookie } = await openInstallPage(t);
    const callback = new URL(await authorize(t, authorizeUrl, WORKSPACE));
    callback.searchParams.set('state', 'forged-state');
    const forged = await browse(callback.toString(), cookie);
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('This installation link is not valid');
    // A state cookie forged to match the forged state: the signature does not hold.
    const both = await browse(callback.toString(), `slack-app-oauth-state=forged-state`);
    expect(both.status).toBe(400);
    await nothingStored();
  });

  it('a callback without a state stores nothing', async () => {
    const { authorizeUrl, cookie } = await openInstallPage(t);
    const callback = new URL(await authorize(t, authorizeUrl, WORKSPACE));
    callback.searchParams.delete('state');
    const page = await browse(callback.toString(), cookie);
    expect(page.status).toBe(400);
    expect(page.html).toContain('This installation link is not valid');
    await nothingStored();
  });

  it('a replayed callback (its code used already) changes nothing', async () => {
    const first = await install(t, WORKSPACE);
    expect(first.status).toBe(200);
    const [stored] = await installations(t);
    // The same link again, with a fresh state cookie: only the code is stale.
    const { authorizeUrl, cookie } = await openInstallPage(t);
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const replay = new URL(first.callbackUrl);
    replay.searchParams.set('state', state);
    const page = await browse(replay.toString(), cookie);
    expect(page.status).toBe(400);
    expect(page.html).toContain('This installation link was already used');
    expect(await installations(t)).toEqual([stored]);
    expect(t.fake.callsTo('oauth.v2.access').at(-1)?.response).toEqual({ ok: false, error: 'invalid_code' });
  });

  it('the pages answer GET only', async () => {
    const res = await fetch(`${t.url}/slack/oauth_redirect`, { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('single-token mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('has no install pages', async () => {
    expect((await fetch(`${t.url}/slack/install`)).status).toBe(404);
    expect((await fetch(`${t.url}/slack/oauth_redirect?code=x&state=y`)).status).toBe(404);
  });
});
