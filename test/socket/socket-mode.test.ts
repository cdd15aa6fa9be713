import { FakeSlack } from '../support/fake-slack';
import { invitationDms, optInPeople, sendInvitation, topicId } from '../support/people';
import { clickAndHear, clickForModal, fileRequest, waitForStatus } from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * Socket Mode, tested like HTTP. The app connects to the fake Slack's socket (found
 * through SLACK_API_URL), and the same commands, clicks, submissions and events travel as
 * envelopes whose acknowledgements carry the answers.
 */
describe('Socket Mode: the core walks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ socketMode: true });
  });
  afterAll(() => t.stop());

  it('connects through SLACK_API_URL and serves no HTTP Slack endpoint', async () => {
    expect(t.fake.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(1);
    expect(t.fake.socketMode.connected).toBe(1);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${t.url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(503);
  });

  it('answers /pmo help in the acknowledgement', async () => {
    const res = await t.slash('UREQ1', 'help');
    expect(res.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(res.body.blocks)).toContain('/pmo request');
  });

  it('request → claim → deliver', async () => {
    const { request, post } = await fileRequest(t, 'UREQ1');
    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    // The private answer and the post's redraw go out together: over Socket Mode nothing says
    // when the redraw is done, so wait for the post to offer Deliver.
    await t.fake.waitFor(
      () => JSON.stringify(post.blocks).includes('triage_deliver'),
      'the claimed post',
      60_000,
    );
    const deliver = await clickForModal(t, LEAD, 'triage_deliver', { message: post }, 'triage_deliver_modal');
    const res = await t.submit(LEAD, deliver, { triage_delivered: 'A plan', triage_links: null });
    expect(res.body.response_action).toBeUndefined();
    await waitForStatus(t, request.id, 'delivered');
    await t.fake.waitFor(() => JSON.stringify(post.blocks).includes('waiting for the requester'), 'the post');
  });

  it('opt-in → invitation → opt-out', async () => {
    await optInPeople(t, ['UINVITED'], 'mentoring');
    await sendInvitation(t, LEAD, { topics: ['mentoring'], title: 'Mentoring circle' });
    await t.flush();
    const [dm] = invitationDms(t, 'UINVITED');
    expect(dm).toBeDefined();
    await t.click('UINVITED', 'invite_optout_topic', { message: dm! });
    const mentoring = await topicId(t, 'mentoring');
    await t.fake.waitFor(async () => {
      const c = await t.db
        .selectFrom('consents')
        .select('opted_in')
        .where('user_id', '=', 'UINVITED')
        .where('topic_id', '=', mentoring)
        .executeTakeFirst();
      return c?.opted_in === false;
    }, 'the opt-out');
    await t.fake.waitFor(
      () => JSON.stringify(dm!.blocks).includes('opted out') || undefined,
      'the DM redrawn',
    );
  });

  it('Home: app_home_opened publishes the tab', async () => {
    await t.event({ type: 'app_home_opened', user: 'UHOME', channel: 'DUHOME', tab: 'home' });
    await t.fake.waitFor(() => t.fake.homeOf('UHOME'), 'the Home tab');
  });

  it('reconnects on refresh_requested without losing an envelope sent meanwhile', async () => {
    const opened = t.fake.socketMode.opened;
    t.fake.socketMode.disconnect('refresh_requested', 50);
    // Sent while the client is between connections: held, then delivered on the new one.
    const res = await t.slash('UREQ1', 'help');
    expect(res.body.response_type).toBe('ephemeral');
    await t.fake.waitFor(() => t.fake.socketMode.opened > opened || undefined, 'a new connection', 10_000);
    await t.fake.waitFor(() => t.service.slack.socket?.connected(), 'connected again', 10_000);
    expect((await t.slash('UREQ1', 'help')).body.response_type).toBe('ephemeral');
  });
});

describe('Socket Mode: readiness follows the connection', () => {
  it('starts the service while apps.connections.open fails, and says 503 until connected', async () => {
    const fake = await new FakeSlack().start();
    fake.failNext('apps.connections.open', { status: 503, times: 2 });
    const t = await startTestApp({ fake, socketMode: true });
    try {
      // startTestApp waited for the connection; the failures came first.
      const calls = fake.callsTo('apps.connections.open').map((c) => c.status);
      expect(calls.slice(0, 2)).toEqual([503, 503]);
      expect(calls).toContain(200);
      expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
      // Lost connection: not ready until the client is back.
      fake.socketMode.disconnect('link_disabled', 0);
      await fake.waitFor(() => !t.service.slack.socket?.connected() || undefined, 'disconnected');
      expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
    } finally {
      await t.stop();
      await fake.stop();
    }
  }, 30_000);
});
