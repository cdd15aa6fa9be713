import { isNews, type NewsFacts, newsWeek } from '../../src/features/library/policy';
import { addEntry, type EntryForm, editEntry } from '../../src/features/library/service';
import { validateSurface } from '../support/block-kit';
import type { FakeMessage } from '../support/fake-slack';
import { entryForm } from '../support/library';
import { capPeople, optInPeople, pausePeople, sendInvitation } from '../support/people';
import { asMessage, newResponses } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * "New in the PMO library" through the real app: a lead publishes with a signed click, the weekly
 * job runs as the scheduler would, the outbox delivers to the fake Slack, and people click the
 * DM's buttons. Only people opted in to one of an entry's topics hear of it, at most once a week.
 */

const MEMBER = 'UMEMB1';
const FAN1 = 'UFAN1'; // opted in to the templates topic
const FAN2 = 'UFAN2'; // opted in to both of the first entry's topics
const FAN3 = 'UFAN3'; // opted in, clicks nothing
const PAUSED = 'UPAUSED1';
const CAPPED = 'UCAPPED1'; // one invitation a week, and invited this week
const OUTSIDER = 'UNOTOPT1'; // opted in to another topic only
const AWAY = 'UAWAY1';

const TEMPLATES = 'templates-tools-news';
const LESSONS = 'lessons-learned';
type Json = Record<string, unknown>;

const form = (over: Partial<EntryForm>): EntryForm => entryForm({ topics: [TEMPLATES], ...over });

const newsDms = (t: TestApp, user: string): FakeMessage[] =>
  t.fake.messagesIn(user).filter((m) => (m.text ?? '').startsWith('New in the PMO library'));
const openButtons = (m: FakeMessage | undefined) =>
  JSON.stringify(m?.blocks ?? []).match(/library_open:\d+/g) ?? [];
const nowhere = (user: string) => asMessage({ text: 'x', blocks: [] }, user);

async function draft(t: TestApp, over: Partial<EntryForm>): Promise<number> {
  return (await addEntry(t.db, MEMBER, form(over), '2026-11-24', t.clock.now())).id;
}

/** A lead's Publish or Retire click, as the entry's modal sends it. */
async function move(t: TestApp, action: 'publish' | 'retire', id: number): Promise<void> {
  const res = await t.click(
    LEAD,
    `library_${action}:${id}`,
    { message: nowhere(LEAD) },
    { value: String(id), blockId: 'entry' },
  );
  expect(res.status).toBe(200);
  await t.settle();
}

describe('New in the PMO library', () => {
  let t: TestApp;
  let e1: number;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, []);
    await optInPeople(t, [FAN1, FAN2, FAN3, PAUSED, CAPPED, AWAY], TEMPLATES);
    await optInPeople(t, [FAN2], LESSONS);
    await optInPeople(t, [CAPPED, OUTSIDER], 'mentoring');
    await pausePeople(t, [PAUSED], '2027-01-31');
    await capPeople(t, [CAPPED], 'one_per_week');
    // An invitation this week uses up CAPPED's one a week.
    await sendInvitation(t, MEMBER, { topics: ['mentoring'] });
    await t.flush();
    expect(t.fake.messagesIn(CAPPED).some((m) => (m.text ?? '').startsWith('Invitation:'))).toBe(true);
    await t.db
      .insertInto('away_periods')
      .values({ user_id: AWAY, first_day: '2026-11-30', last_day: '2026-12-02', set_by: AWAY })
      .execute();
  });
  afterAll(() => t.stop());

  it('a publish reaches, after the weekly job, only the people opted in — one DM each, however many of its topics they follow', async () => {
    e1 = await draft(t, {
      title: 'Risk register <!channel>',
      summary: 'Score & follow up risks.',
      topics: [TEMPLATES, LESSONS],
    });
    await move(t, 'publish', e1);
    await t.flush();
    // Nothing before the job: the news is batched.
    expect(newsDms(t, FAN1)).toEqual([]);

    t.clock.set('2026-11-30T10:00:00Z'); // Monday
    await t.runJob('library-news');
    for (const user of [FAN1, FAN2, FAN3]) {
      const dms = newsDms(t, user);
      expect(dms).toHaveLength(1);
      expect(validateSurface('message', dms[0] as unknown as Json)).toEqual([]);
      expect(openButtons(dms[0])).toEqual([`library_open:${e1}`]);
    }
    const text = JSON.stringify(newsDms(t, FAN2)[0]?.blocks);
    expect(text).toContain('Risk register &lt;!channel&gt;');
    expect(text).toContain('library_news_stop:');
    expect(text).toContain('library_news_pause:');
    for (const user of [PAUSED, CAPPED, OUTSIDER, AWAY]) expect(newsDms(t, user)).toEqual([]);
    // The away person's note waits, queued, for their return.
    const held = await t.db
      .selectFrom('outbox')
      .select(['status', 'not_before'])
      .where('kind', '=', 'library.news')
      .where('recipient_id', '=', AWAY)
      .executeTakeFirstOrThrow();
    expect(held.status).toBe('pending');
    expect(held.not_before?.toISOString()).toBe('2026-12-03T09:00:00.000Z');
  });

  it('the Open button opens the entry; a run again the same week sends nothing more', async () => {
    const dm = newsDms(t, FAN1)[0] as FakeMessage;
    const opens = t.fake.callsTo('views.open').length;
    await t.click(FAN1, `library_open:${e1}`, { message: dm });
    await t.fake.waitFor(() => t.fake.callsTo('views.open').length > opens, 'the entry modal');
    const again = await t.runJob('library-news', new Date('2026-11-30T11:00:00Z'));
    expect(again.ran).toBe(false);
    expect(newsDms(t, FAN1)).toHaveLength(1);
  });

  it('an entry retired before the held note goes out is left out: with nothing left, no note', async () => {
    await move(t, 'retire', e1);
    t.clock.set('2026-12-03T10:00:00Z');
    await t.flush();
    expect(newsDms(t, AWAY)).toEqual([]);
    const row = await t.db
      .selectFrom('outbox')
      .select(['status', 'skip_reason'])
      .where('kind', '=', 'library.news')
      .where('recipient_id', '=', AWAY)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'skipped', skip_reason: 'retired' });
  });

  let e2: number;
  let e3: number;
  it('two publishes in a week: next week one DM lists both, to those back from leave and off their cap too', async () => {
    e2 = await draft(t, {
      kind: 'playbook',
      title: 'Kick-off playbook',
      summary: 'Run a kick-off in an hour.',
    });
    e3 = await draft(t, {
      kind: 'standard',
      title: 'Status report standard',
      summary: 'One page, every fortnight.',
    });
    await move(t, 'publish', e2);
    await move(t, 'publish', e3);
    t.clock.set('2026-12-07T10:00:00Z');
    await t.runJob('library-news');
    for (const user of [FAN1, FAN2, FAN3, AWAY, CAPPED]) {
      const dms = newsDms(t, user);
      const latest = dms[dms.length - 1];
      expect(openButtons(latest).sort()).toEqual([`library_open:${e2}`, `library_open:${e3}`].sort());
    }
    expect(newsDms(t, FAN1)).toHaveLength(2);
    for (const user of [PAUSED, OUTSIDER]) expect(newsDms(t, user)).toEqual([]);
  });

  it('"Stop these" opts the person out of its topics; a forged click on someone else\'s note changes nothing', async () => {
    const mine = newsDms(t, FAN1)[1] as FakeMessage;
    const stop = /library_news_stop:\d+/.exec(JSON.stringify(mine.blocks))?.[0] as string;
    const dmId = stop.split(':')[1] as string;

    let before = t.fake.responses.length;
    await t.click(FAN2, stop, { message: mine }, { value: dmId });
    expect(String((await newResponses(t, before))[0]?.text)).toContain('not sent to you');
    const fan2 = await t.db.selectFrom('consents').select('opted_in').where('user_id', '=', FAN2).execute();
    expect(fan2.every((c) => c.opted_in)).toBe(true);

    before = t.fake.responses.length;
    await t.click(FAN1, stop, { message: mine });
    expect(String((await newResponses(t, before))[0]?.text)).toContain(
      'you opted out of Templates &amp; tools news',
    );
    const fan1 = await t.db.selectFrom('consents').select('opted_in').where('user_id', '=', FAN1).execute();
    expect(fan1.map((c) => c.opted_in)).toEqual([false]);

    const pauseId = /library_news_pause:\d+/.exec(JSON.stringify(newsDms(t, FAN2)[1]?.blocks))?.[0] as string;
    before = t.fake.responses.length;
    await t.click(FAN2, pauseId, { message: newsDms(t, FAN2)[1] as FakeMessage });
    // The day is a Slack date token (each reader's Slack writes it in their language).
    expect(String((await newResponses(t, before))[0]?.text)).toContain(
      'Paused until <!date^1799064000^{date_long}|Monday, January 4, 2027>',
    );
  });

  it('a substantial edit is news again (marked updated); a fix to the body is not; opted-out and paused people hear nothing', async () => {
    const lead = { id: LEAD, lead: true, member: true };
    await editEntry(
      t.db,
      lead,
      e2,
      form({
        kind: 'playbook',
        title: 'Kick-off playbook, second edition',
        summary: 'Run a kick-off in an hour.',
      }),
      t.clock.now(),
    );
    await editEntry(
      t.db,
      lead,
      e3,
      form({
        kind: 'standard',
        title: 'Status report standard',
        summary: 'One page, every fortnight.',
        body: 'typo fixed',
      }),
      t.clock.now(),
    );
    t.clock.set('2026-12-14T10:00:00Z');
    await t.runJob('library-news');
    const dms = newsDms(t, FAN3);
    expect(dms).toHaveLength(3);
    expect(openButtons(dms[2])).toEqual([`library_open:${e2}`]);
    expect(JSON.stringify(dms[2]?.blocks)).toContain('_updated_');
    expect(newsDms(t, FAN1)).toHaveLength(2);
    expect(newsDms(t, FAN2)).toHaveLength(2);
    expect(t.fake.violations).toEqual([]);
  });
});

describe('what is news (isNews)', () => {
  const entry: NewsFacts = {
    status: 'published',
    kind: 'template',
    title: 'Risk register',
    summary: 'Score and follow up risks.',
    topics: ['a'],
  };
  it.each<[string, Partial<NewsFacts>, Partial<NewsFacts>, boolean]>([
    ['a publish', { status: 'draft' }, {}, true],
    ['an edit of a draft', { status: 'draft' }, { status: 'draft', title: 'New' }, false],
    ['a retire', {}, { status: 'retired' }, false],
    ['a new title', {}, { title: 'Risk register, second edition' }, true],
    ['the title in other case and spacing', {}, { title: ' risk   REGISTER ' }, false],
    ['a new summary', {}, { summary: 'Score risks weekly.' }, true],
    ['another kind', {}, { kind: 'standard' }, true],
    ['a topic added', {}, { topics: ['a', 'b'] }, true],
    ['a topic removed', { topics: ['a', 'b'] }, { topics: ['a'] }, false],
    ['nothing it is known by changed (body, link, services)', {}, {}, false],
  ])('%s → %s', (_what, before, after, expected) => {
    expect(isNews({ ...entry, ...before }, { ...entry, ...after })).toBe(expected);
  });
});

describe('the week a note belongs to (newsWeek)', () => {
  it.each([
    ['2026-11-23', '2026-W48'], // a Monday
    ['2026-11-29', '2026-W48'], // its Sunday
    ['2026-11-30', '2026-W49'],
    ['2026-12-31', '2026-W53'], // 2026 has 53 ISO weeks
    ['2027-01-03', '2026-W53'], // early January belongs to the last week of 2026
    ['2027-01-04', '2027-W01'],
    ['2025-12-29', '2026-W01'], // late December belongs to the first week of 2026
  ])('%s → %s', (day, week) => {
    expect(newsWeek(day)).toBe(week);
  });
});
