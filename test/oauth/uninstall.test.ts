import { startTestApp, type TestApp } from '../support/test-app';
import { install } from './install-flow';
import { leakedSecrets } from './secrets';

const keys = async (t: TestApp) =>
  (await t.db.selectFrom('installations').select('install_key').orderBy('install_key').execute()).map(
    (r) => r.install_key,
  );

const readiness = async (t: TestApp) => {
  const res = await fetch(`${t.url}/readyz`);
  return { status: res.status, body: await res.json() };
};

describe('app_uninstalled and tokens_revoked with OAuth installations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ oauth: true });
    await install(t, { team: { id: 'T0ONE', name: 'One' } });
    await install(t, { team: { id: 'T0TWO', name: 'Two' } });
    await install(t, { enterprise: { id: 'E0ORG', name: 'Org' }, orgWide: true });
  });
  afterAll(() => t.stop());

  it('app_uninstalled removes that workspace’s installation only; work goes on', async () => {
    expect(await keys(t)).toEqual(['E:E0ORG', 'T:T0ONE', 'T:T0TWO']);
    const res = await t.from({ team: { id: 'T0ONE', domain: 'one' } }).event({ type: 'app_uninstalled' });
    expect(res.status).toBe(200);
    await t.settle();
    expect(await keys(t)).toEqual(['E:E0ORG', 'T:T0TWO']);
    expect(await readiness(t)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('an org-wide uninstall removes the organisation’s installation', async () => {
    const org = {
      team: { id: 'T0ORGWS', domain: 'orgws' },
      enterprise: { id: 'E0ORG', name: 'Org' },
      isEnterpriseInstall: true,
    };
    await t.from(org).event({ type: 'app_uninstalled' });
    await t.settle();
    expect(await keys(t)).toEqual(['T:T0TWO']);
    expect(await readiness(t)).toMatchObject({ status: 200 });
    // The workspace left is now the deployment's installation: the sender uses its token.
    const [two] = await t.db.selectFrom('installations').select('bot_token').execute();
    expect((await t.service.client.auth.test()).team_id).toBe('T0TWO');
    expect(t.fake.callsTo('auth.test').at(-1)?.token).toBe(two!.bot_token);
  });

  it('tokens_revoked for the last installation removes it and stops Slack work', async () => {
    const res = await t
      .from({ team: { id: 'T0TWO', domain: 'two' } })
      .event({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UPMOBOT'] } });
    expect(res.status).toBe(200);
    await t.settle();
    expect(await keys(t)).toEqual([]);
    expect(await readiness(t)).toEqual({
      status: 503,
      body: { status: 'not ready', reason: expect.stringContaining('tokens_revoked') },
    });
    expect(t.logs.some((l) => String(l.msg).startsWith('Slack work stopped'))).toBe(true);
    expect(leakedSecrets(t)).toEqual([]);
  });
});
