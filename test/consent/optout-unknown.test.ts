import { optInPeople } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Opting out of everything is asked for plainly (`/pmo optout` alone, or `all`). A name that
 * matches no topic, a typo or characters nobody can see, changes nothing and says so.
 */
describe('/pmo optout with something that names no topic', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const optedIn = async (user: string) =>
    (
      await t.db
        .selectFrom('consents')
        .innerJoin('topics', 'topics.id', 'consents.topic_id')
        .select('topics.slug')
        .where('user_id', '=', user)
        .where('opted_in', '=', true)
        .orderBy('topics.slug')
        .execute()
    ).map((r) => r.slug);

  it.each([
    ['a typo', 'mentorng', '“mentorng”'],
    ['a zero-width space', '\u200b', 'that (only invisible characters)'],
    ['a word joiner', '\u2060', 'that (only invisible characters)'],
    ['a byte-order mark', '\ufeff', 'that (only invisible characters)'],
    ['zero-width characters around a typo', '\u200bmentorng\u200b', '“mentorng”'],
  ])('%s: nothing changes, and the answer lists the person’s topics', async (_name, typed, shown) => {
    const user = `UTYPO${Buffer.from(typed).toString('hex').slice(0, 8).toUpperCase()}`;
    await optInPeople(t, [user], 'mentoring');
    await optInPeople(t, [user], 'team-coaching');
    const res = await t.slash(user, `optout ${typed}`);
    expect(res.body.response_type).toBe('ephemeral');
    expect(res.body.text).toContain(`There is no topic called ${shown}`);
    expect(res.body.text).toContain('your topics are Team coaching, Mentoring');
    expect(res.body.text).toContain('Nothing changed');
    expect(JSON.stringify(res.body.blocks)).toContain('/pmo optout all');
    expect(await optedIn(user)).toEqual(['mentoring', 'team-coaching']);
    const events = await t.db
      .selectFrom('consent_events')
      .select('action')
      .where('user_id', '=', user)
      .where('action', '=', 'opt_out')
      .execute();
    expect(events).toEqual([]);
  });

  it('someone with no topics is pointed to /pmo optin', async () => {
    const res = await t.slash('UNOTOPICS', 'optout knitting');
    expect(res.body.text).toBe(
      'There is no topic called “knitting”, and you are not opted in to any topic. Nothing changed.',
    );
    expect(JSON.stringify(res.body.blocks)).toContain('/pmo optin');
  });

  it.each(['all', 'ALL', 'everything'])('`optout %s` opts out of everything', async (word) => {
    const user = `UALL${word.toUpperCase()}`;
    await optInPeople(t, [user], 'mentoring');
    const res = await t.slash(user, `optout ${word}`);
    expect(res.body.text).toBe(
      'You opted out of everything: Mentoring. The PMO will not invite you to anything.',
    );
    expect(await optedIn(user)).toEqual([]);
  });

  it('a bare `optout` with trailing spaces still opts out of everything', async () => {
    await optInPeople(t, ['UBARE'], 'mentoring');
    const res = await t.slash('UBARE', 'optout   ');
    expect(res.body.text).toContain('You opted out of everything');
    expect(await optedIn('UBARE')).toEqual([]);
  });

  it('a topic with zero-width characters inside still matches', async () => {
    await optInPeople(t, ['UZWJ'], 'mentoring');
    const res = await t.slash('UZWJ', 'optout mentor\u200bing');
    expect(res.body.text).toContain('You opted out of Mentoring');
  });
});
