import { homeText, openHome } from '../support/home';
import { seedMember, seedRequest } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

const publishesTo = (t: TestApp, user: string) =>
  t.fake.callsTo('views.publish').filter((c) => c.args.user_id === user).length;

/** A lead claiming many requests at once: each person's Home is published a few times, the last one right. */
describe('a burst of claims on Home', () => {
  let t: TestApp;
  const CLAIMS = 40;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, 'UMEMBER1', ['change-management']);
    for (let i = 0; i < CLAIMS; i++)
      ids.push(
        await seedRequest(t.db, {
          requester: 'UREQB',
          service: 'change-management',
          project: `Burst ${i}`,
          createdAt: '2026-11-23T09:00:00Z',
        }),
      );
  });
  afterAll(() => t.stop());

  it('publishes the lead’s and the requester’s Home far fewer times than claims; the last shows every claim', async () => {
    await openHome(t, 'UREQB');
    const home = await openHome(t, LEAD);
    const before = { lead: publishesTo(t, LEAD), requester: publishesTo(t, 'UREQB') };
    // Slack answering views.publish in a second, as it does when busy: the claims overlap the publishes.
    t.fake.answerSlowly('views.publish', 1000);
    // The queue on Home lists the oldest few; the others are clicked as from Show more.
    const results = await Promise.all(
      ids.map((id) =>
        t.click(LEAD, `triage_claim:${id}`, { view: home }, { blockId: 'home_queue', value: String(id) }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    await t.fake.waitFor(
      () => homeText(t.fake.homeOf(LEAD)).includes(`${CLAIMS} claimed or in progress`),
      'the lead’s Home with every claim',
    );
    await t.fake.waitFor(() => {
      const text = homeText(t.fake.homeOf('UREQB'));
      return text.includes('owner: <@ULEAD1>') && !text.includes('owner: nobody yet') ? text : undefined;
    }, 'the requester’s Home with every claim');
    await t.settle(30_000);
    const rows = await t.db.selectFrom('requests').select('status').where('id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'claimed')).toBe(true);
    // Nothing still queued changes what the last publish showed.
    await new Promise((res) => setTimeout(res, 2500));
    expect(homeText(t.fake.homeOf(LEAD))).toContain(`${CLAIMS} claimed or in progress`);
    const lead = publishesTo(t, LEAD) - before.lead;
    const requester = publishesTo(t, 'UREQB') - before.requester;
    expect(lead).toBeGreaterThanOrEqual(1);
    expect(lead).toBeLessThanOrEqual(CLAIMS / 4);
    expect(requester).toBeGreaterThanOrEqual(1);
    expect(requester).toBeLessThanOrEqual(CLAIMS / 4);
  });
});
