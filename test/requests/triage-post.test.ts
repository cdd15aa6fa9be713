import { homeText, openHome } from '../support/home';
import { actionIdsOf, clickAndHear, dmsTo, fileRequest } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * The triage post is redrawn in place once per change: a claim costs one chat.update, and what
 * else it asks of Slack is counted here (the bench measures its time).
 */

describe('the triage post after a claim', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  /** The Web API calls made from `from` on, by method. */
  const callsSince = (from: number) => {
    const counts: Record<string, number> = {};
    for (const c of t.fake.calls.slice(from)) counts[c.method] = (counts[c.method] ?? 0) + 1;
    return counts;
  };

  it('is drawn once, showing the claim', async () => {
    const { post } = await fileRequest(t, 'UREQPOST');
    const updatesOfPost = () => t.fake.callsTo('chat.update').filter((c) => c.args.ts === post.ts).length;
    const before = updatesOfPost();

    expect(await clickAndHear(t, LEAD, 'triage_claim', { message: post })).toContain('You claimed it');
    await t.settle();
    // The messages the claim queued (the requester's DM) are sent too: none redraws the post.
    await t.flush();
    await t.settle();

    expect(updatesOfPost() - before).toBe(1);
    expect(actionIdsOf(post.blocks)).toEqual(expect.arrayContaining(['triage_start', 'triage_unclaim']));
  });

  it("asks Slack for one redraw, one answer, the requester's DM and each Home once", async () => {
    await seedMember(t.db, 'UMEMPOST', ['change-management']);
    const { post, request } = await fileRequest(t, 'UREQHOME');
    // Both have opened Home once, so both are published to; everyone is known to the app already.
    await openHome(t, 'UMEMPOST');
    await openHome(t, 'UREQHOME');
    await t.settle();
    await t.flush();
    const from = t.fake.calls.length;
    const answersBefore = t.fake.responses.length;
    const dmsBefore = dmsTo(t, 'UREQHOME').length;

    expect(await clickAndHear(t, 'UMEMPOST', 'triage_claim', { message: post })).toContain('You claimed it');
    await t.settle();
    await t.flush();
    await t.settle();

    const calls = callsSince(from);
    expect(t.fake.calls.slice(from).filter((c) => c.method === 'chat.update')).toEqual([
      expect.objectContaining({ args: expect.objectContaining({ channel: post.channel, ts: post.ts }) }),
    ]);
    expect(t.fake.responses.length - answersBefore).toBe(1);
    expect(dmsTo(t, 'UREQHOME').length - dmsBefore).toBe(1);
    expect(calls['chat.postMessage']).toBe(1);
    expect(calls['chat.postEphemeral']).toBeUndefined();
    expect(calls['users.info']).toBeUndefined();
    const publishedTo = t.fake.calls
      .slice(from)
      .filter((c) => c.method === 'views.publish')
      .map((c) => c.args.user_id);
    expect(publishedTo.sort()).toEqual(['UMEMPOST', 'UREQHOME']);
    expect(homeText(t.fake.homeOf('UREQHOME'))).toContain(`PMO-${request.id}`);
    expect(Object.keys(calls).sort()).toEqual(['chat.postMessage', 'chat.update', 'views.publish']);
  });
});
