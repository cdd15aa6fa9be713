import { actionIdsOf, clickAndHear, fileRequest } from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/** The triage post is redrawn in place once per change: a claim costs one chat.update. */

describe('the triage post after a claim', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

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
});
