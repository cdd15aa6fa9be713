import { actionIdsOf, clickAndHear, fileRequest, openRequestForm, statusOf } from '../support/requests';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * Slack failing on interactive calls (views.open, chat.update), which go through Bolt's client
 * with a couple of quick retries rather than through the outbox: a blip must not cost the
 * person their modal or their claim, and must not duplicate anything.
 */
describe('Slack 5xx and 429 on interactive calls', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.stop());

  const triagePosts = () =>
    t.fake.messagesIn(PMO_CHANNEL).filter((m) => !m.thread_ts && JSON.stringify(m.blocks).includes('PMO-'));

  it('views.open answering 503 once still opens the request modal, once', async () => {
    t.fake.failNext('views.open', { status: 503 });
    const started = Date.now();
    const modal = await openRequestForm(t, 'UREQ1');
    expect(Date.now() - started).toBeLessThan(3000); // the trigger_id was still valid
    expect(modal.view.callback_id).toBe('request_modal');
    expect(t.fake.callsTo('views.open').map((c) => c.status)).toEqual([503, 200]);
    expect([...t.fake.views.values()].filter((v) => v.view.callback_id === 'request_modal')).toHaveLength(1);
  });

  it('a chat.update 429 during a claim keeps the claim, and the triage post catches up once', async () => {
    const { request, post } = await fileRequest(t, 'UREQ1');
    const updatesBefore = t.fake.callsTo('chat.update').length;
    t.fake.failNext('chat.update', { status: 429, retryAfter: 1 });
    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    const claimed = await statusOf(t, request.id);
    expect(claimed.status).toBe('claimed');
    expect(claimed.owner_id).toBe(LEAD);
    // After Retry-After the update goes through: the post shows the owner and their buttons.
    await t.fake.waitFor(() => actionIdsOf(post.blocks).includes('triage_unclaim'), 'the post updated', 5000);
    expect(JSON.stringify(post.blocks)).toContain(`<@${LEAD}>`);
    expect(
      t.fake
        .callsTo('chat.update')
        .slice(updatesBefore)
        .map((c) => c.status),
    ).toEqual([429, 200]);
    expect(triagePosts()).toHaveLength(1);
    expect(t.fake.responses).toHaveLength(1);
  });

  it('a chat.update failing past the retries keeps the claim, is logged, and the next change repaints', async () => {
    const { request, post } = await fileRequest(t, 'UREQ1');
    t.fake.failNext('chat.update', { status: 503, times: 3 });
    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    await t.fake.waitFor(
      () => t.logs.some((l) => l.msg === 'could not update the triage post'),
      'the failed update to be logged',
    );
    expect((await statusOf(t, request.id)).status).toBe('claimed');
    expect(actionIdsOf(post.blocks)).toContain('triage_claim'); // still the old post
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    // The lead, seeing Claim still offered, clicks it again: told it is theirs, and the post repaints.
    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('Nothing changed');
    await t.fake.waitFor(() => actionIdsOf(post.blocks).includes('triage_unclaim'), 'the post repainted');
    expect(JSON.stringify(post.blocks)).toContain(`<@${LEAD}>`);
    expect((await statusOf(t, request.id)).owner_id).toBe(LEAD);
    expect(triagePosts()).toHaveLength(1);
  });
});
