import { startTestApp, type TestApp } from '../support/test-app';
import { install } from './install-flow';

const ORG = { id: 'E0ACME', name: 'Acme' };
const SALES = { team: { id: 'T0SALES', domain: 'sales' }, enterprise: ORG, isEnterpriseInstall: true };
const SUPPORT = { team: { id: 'T0SUPPORT', domain: 'support' }, enterprise: ORG, isEnterpriseInstall: true };

describe('an org-wide installation (Enterprise Grid)', () => {
  let t: TestApp;
  let orgToken: string;
  beforeAll(async () => {
    t = await startTestApp({ oauth: true });
  });
  afterAll(() => t.stop());

  it('is stored for the organisation, with no workspace', async () => {
    const page = await install(t, { enterprise: ORG, orgWide: true });
    expect(page.status).toBe(200);
    expect(page.html).toContain('installed in the organisation Acme');
    const rows = await t.db.selectFrom('installations').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      install_key: 'E:E0ACME',
      enterprise_id: 'E0ACME',
      enterprise_name: 'Acme',
      team_id: null,
      is_enterprise_install: true,
    });
    orgToken = rows[0]!.bot_token;
    expect(t.fake.issuedTokens.get(orgToken)).toMatchObject({ enterpriseId: 'E0ACME', orgWide: true });
  });

  it.each([
    ['sales', SALES],
    ['support', SUPPORT],
  ])('answers a command from the %s workspace with the organisation token', async (_name, workspace) => {
    const user = `U${workspace.team.id.slice(2)}`;
    const before = t.fake.callsTo('views.open').length;
    const ack = await t.from(workspace).slash(user, 'request help');
    expect(ack.status).toBe(200);
    await t.fake.waitFor(() => t.fake.callsTo('views.open').length > before, 'views.open');
    const call = t.fake.callsTo('views.open').at(-1)!;
    expect(call.response.ok).toBe(true);
    expect(call.token).toBe(orgToken);
  });

  it('answers events from both workspaces with the organisation token', async () => {
    for (const [workspace, user] of [
      [SALES, 'USALES2'],
      [SUPPORT, 'USUPPORT2'],
    ] as const) {
      const before = t.fake.callsTo('views.publish').length;
      const res = await t
        .from(workspace)
        .event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' });
      expect(res.status).toBe(200);
      await t.fake.waitFor(() => t.fake.callsTo('views.publish').length > before, 'the Home tab');
      expect(t.fake.callsTo('views.publish').at(-1)?.token).toBe(orgToken);
      expect(t.fake.homeOf(user)).toBeDefined();
    }
  });

  it('does not serve another organisation', async () => {
    const before = t.fake.callsTo('views.open').length;
    const other = {
      team: { id: 'T0ELSE', domain: 'else' },
      enterprise: { id: 'E0OTHER', name: 'Other' },
      isEnterpriseInstall: true,
    };
    await t.from(other).slash('UELSE1', 'request help');
    await t.settle();
    expect(t.fake.callsTo('views.open').length).toBe(before);
  });

  it('is the deployment installation: the outbox sends with its token', async () => {
    await t.runJob('outbox');
    expect(await t.service.client.auth.test()).toMatchObject({ ok: true, enterprise_id: 'E0ACME' });
    expect(t.fake.callsTo('auth.test').at(-1)?.token).toBe(orgToken);
  });
});
