import { actionIds, clickOnHome, homeText, nextHome, openHome } from '../support/home';
import { fileRequest } from '../support/requests';
import { seedMember, seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

const publishesTo = (t: TestApp, user: string) =>
  t.fake.callsTo('views.publish').filter((c) => c.args.user_id === user).length;

/** Home follows changes made elsewhere, publishes only to people who look, and stays in limits. */
describe('Home refreshes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, 'UMEMBER1', ['change-management']);
  });
  afterAll(() => t.stop());

  it('after a claim made on the triage post: the member’s and the requester’s Home, once each', async () => {
    const { request, post } = await fileRequest(t, 'UREQ1');
    const member = await openHome(t, 'UMEMBER1');
    const memberHash = member.hash;
    expect(actionIds(member)).toContain(`triage_claim:${request.id}`);
    const requester = await openHome(t, 'UREQ1');
    const requesterHash = requester.hash;
    const before = { member: publishesTo(t, 'UMEMBER1'), requester: publishesTo(t, 'UREQ1') };

    await t.click('UMEMBER1', 'triage_claim', { message: post });
    const m = await nextHome(t, 'UMEMBER1', memberHash);
    expect(actionIds(m)).not.toContain(`triage_claim:${request.id}`);
    expect(homeText(m)).toContain('My work');
    const r = await nextHome(t, 'UREQ1', requesterHash);
    expect(homeText(r)).toContain('owner: <@UMEMBER1>');
    // the ephemeral answer in the channel is unchanged: a click on a message still gets one
    await t.fake.waitFor(
      () => t.fake.responses.some((x) => x.body.text === 'You claimed it — the requester has been told.'),
      'reply',
    );
    await new Promise((res) => setTimeout(res, 200));
    expect(publishesTo(t, 'UMEMBER1') - before.member).toBe(1);
    expect(publishesTo(t, 'UREQ1') - before.requester).toBe(1);
  });

  it('after /pmo optout', async () => {
    const topic = await t.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'mentoring')
      .executeTakeFirstOrThrow();
    let home = await openHome(t, 'UREQ1');
    home = await clickOnHome(t, 'UREQ1', `home_topic_in:${topic.id}`, (x) =>
      x.includes('opted in to Mentoring'),
    );
    const hash = home.hash;
    const res = await t.slash('UREQ1', 'optout mentoring');
    expect(res.body.text).toContain('You opted out of Mentoring');
    const after = await nextHome(t, 'UREQ1', hash);
    expect(actionIds(after)).toContain(`home_topic_in:${topic.id}`);
    const last = await t.db
      .selectFrom('consent_events')
      .select('source')
      .where('user_id', '=', 'UREQ1')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.source).toBe('optout_command');
  });

  it('after a check-in answered in the DM', async () => {
    await seedRequest(t.db, {
      requester: 'UREQ2',
      owner: 'UMEMBER1',
      service: 'organisational-design',
      project: 'Checkout team',
      createdAt: '2026-11-02T10:00:00Z',
      claimedAt: '2026-11-02T12:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
    await t.runJob('checkins');
    const home = await openHome(t, 'UREQ2');
    const hash = home.hash;
    expect(actionIds(home)).toContain('checkin_rate_3');
    const dm = t.fake.messagesIn('UREQ2').find((x) => JSON.stringify(x.blocks).includes('checkin_rate_3'));
    if (!dm) throw new Error('no check-in DM');
    await t.click('UREQ2', 'checkin_rate_3', { message: dm });
    const after = await nextHome(t, 'UREQ2', hash);
    expect(actionIds(after)).not.toContain('checkin_rate_3');
    expect(homeText(after)).toContain('Thanks — recorded 3/5');
  });

  it('never publishes to someone who has not opened Home', async () => {
    const { post } = await fileRequest(t, 'UREQ9');
    await t.click('UMEMBER1', 'triage_claim', { message: post });
    await t.fake.waitFor(() => post.updates > 0, 'the claim');
    await new Promise((res) => setTimeout(res, 300));
    expect(publishesTo(t, 'UREQ9')).toBe(0);
    expect(t.fake.homeOf('UREQ9')).toBeUndefined();
  });

  it('stays within 100 blocks with 200 requests, and Show more lists them (capped, “and N more”)', async () => {
    for (let i = 0; i < 200; i++) {
      await seedRequest(t.db, {
        requester: i % 2 ? 'UMANY' : 'UOTHER',
        service: 'change-management',
        project: `Bulk ${i}`,
        createdAt: new Date(Date.parse('2026-11-20T00:00:00Z') + i * 60_000).toISOString(),
      });
    }
    const home = await openHome(t, 'UMEMBER1');
    expect((home.view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
    expect(homeText(home)).toMatch(/\d+ unclaimed, oldest first/);
    const mine = await openHome(t, 'UMANY');
    expect((mine.view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
    expect(actionIds(mine)).toContain('home_more:requests');

    await t.click('UMEMBER1', 'home_more:queue', { view: home });
    const modal = await t.fake.waitFor(() => {
      const v = t.fake.openModalOf('UMEMBER1');
      return v?.view.callback_id === 'home_more_modal' ? v : undefined;
    }, 'the queue modal');
    const blocks = modal.view.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = homeText(modal);
    expect(text).toContain('Bulk 0');
    expect(text).toMatch(/and 1\d\d more/);
    // the limits checker in the fake saw every payload (t.stop() fails on a violation)
    expect(t.fake.violations).toEqual([]);
  });

  it('opening the Messages tab publishes nothing; a redelivered app_home_opened publishes once', async () => {
    await t.event({ type: 'app_home_opened', user: 'UMSG', channel: 'DUMSG', tab: 'messages' });
    await new Promise((res) => setTimeout(res, 300));
    expect(publishesTo(t, 'UMSG')).toBe(0);
    const rows = await t.db
      .selectFrom('home_views')
      .select('user_id')
      .where('user_id', '=', 'UMSG')
      .execute();
    expect(rows).toEqual([]);

    const event = { type: 'app_home_opened', user: 'UMSG', channel: 'DUMSG', tab: 'home' };
    await t.event(event, { eventId: 'EvHome1' });
    await t.event(event, { eventId: 'EvHome1', retryNum: 1 });
    await t.fake.waitFor(() => t.fake.homeOf('UMSG'), 'Home published');
    await new Promise((res) => setTimeout(res, 300));
    expect(publishesTo(t, 'UMSG')).toBe(1);
  });
});
