import { addEntry, getEntry, moveEntry, recordMiss } from '../../src/features/library/service';
import { NOT_PERSONAL, PERSONAL_DATA } from '../../src/features/privacy/personal-data';
import type { FakeMessage } from '../support/fake-slack';
import { optInPeople } from '../support/people';
import { asMessage, clickForModal, nextModal, viewIds } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';
import { allTables, whereFound } from './world';

/**
 * The library's personal data: `/pmo my-data` holds a person's adoptions, ratings and the
 * entries they own; erasure takes their words and id off adoptions and ratings and leaves the
 * PMO's entries (owner → marker); retention does the same to old adoptions and ratings and drops
 * old searches that found nothing. Adoptions and ratings are made by clicks, as people make them.
 */

const OWNER = 'UOWNERL7';
const RAY = 'URAYL7';
const SUE = 'USUEL7';
const NEWSY = 'UNEWSL7'; // opted in to a topic: told of a new entry by the weekly DM
const rayTyped = { team: 'ray-team-marmot', comment: 'ray-comment-ocelot' };
const sueTyped = { team: 'sue-team-heron', comment: 'sue-comment-lynx' };

type Json = Record<string, unknown>;

async function search(t: TestApp, user: string, words: string): Promise<FakeMessage> {
  const res = await t.slash(user, `library ${words}`);
  return asMessage(res.body, user);
}

/** "We use this" and "Useful?" from the search answer, as the person clicks and types them. */
async function adoptAndRate(
  t: TestApp,
  user: string,
  entryId: number,
  typed: { team: string; comment: string },
) {
  const answer = await search(t, user, 'stakeholder map');
  const adopt = await clickForModal(
    t,
    user,
    `library_adopt:${entryId}`,
    { message: answer },
    'library_adopt_modal',
  );
  await t.submit(user, adopt, { library_team: typed.team });
  const rate = await clickForModal(
    t,
    user,
    `library_rate:${entryId}`,
    { message: answer },
    'library_rate_modal',
  );
  await t.submit(user, rate, { library_useful: 'yes', library_comment: typed.comment });
}

async function myData(t: TestApp, user: string): Promise<{ text: string; data: Json }> {
  const before = t.fake.filesIn(user).length;
  await t.slash(user, 'my-data');
  const file = await t.fake.waitFor(() => t.fake.filesIn(user)[before], `${user}'s my-data file`);
  const text = file.bytes?.toString('utf8') ?? '';
  return { text, data: JSON.parse(text) };
}

describe('the library’s personal data', () => {
  let t: TestApp;
  let entryId: number;
  let draftId: number;

  beforeAll(async () => {
    t = await startTestApp({ env: { RETENTION_DAYS: '730' } });
    await seedMember(t.db, OWNER, []);
    const entry = await addEntry(
      t.db,
      OWNER,
      {
        kind: 'template',
        title: 'Stakeholder map',
        summary: 'Who cares about the change, and how much.',
        body: '',
        link: null,
        topics: [],
        services: [],
      },
      '2026-11-24',
      t.clock.now(),
    );
    entryId = entry.id;
    await moveEntry(t.db, LEAD, entryId, 'published', t.clock.now());
    draftId = (
      await addEntry(
        t.db,
        OWNER,
        { ...entry, kind: 'lesson', title: 'Lessons from the owner', link: null },
        '2026-11-24',
        t.clock.now(),
      )
    ).id;
    await adoptAndRate(t, RAY, entryId, rayTyped);
    await adoptAndRate(t, SUE, entryId, sueTyped);
    await t.settle();
    // A new entry on the clinics topic: the weekly job tells the one person opted in to it.
    await optInPeople(t, [NEWSY], 'change-clinics');
    const clinic = await addEntry(
      t.db,
      OWNER,
      { ...entry, title: 'Clinic checklist', topics: ['change-clinics'], link: null },
      '2026-11-24',
      t.clock.now(),
    );
    await moveEntry(t.db, LEAD, clinic.id, 'published', t.clock.now());
    t.clock.set('2026-11-30T10:00:00Z'); // Monday
    await t.runJob('library-news');
    await t.flush();
  }, 60_000);
  afterAll(() => t.stop());

  it('every library table is declared: person tables in PERSONAL_DATA, the searches as holding nobody', async () => {
    const tables = (await allTables(t.db)).filter((name) => name.startsWith('library_'));
    const personal = new Set(PERSONAL_DATA.map((p) => p.table));
    const nobody = new Set(NOT_PERSONAL);
    for (const table of tables)
      expect([table, personal.has(table) || nobody.has(table)]).toEqual([table, true]);
    for (const table of ['library_entries', 'library_adoptions', 'library_ratings'])
      expect(personal.has(table)).toBe(true);
    expect(nobody.has('library_misses')).toBe(true);
    // and the misses really hold no person: words and a count
    await search(t, RAY, 'ray-searched-nothing-here');
    expect(await whereFound(t.db, 'ray-searched-nothing-here')).toEqual(['library_misses.words']);
    expect(
      Object.keys(
        (await t.db.selectFrom('library_misses').selectAll().executeTakeFirstOrThrow()) as Json,
      ).sort(),
    ).toEqual(['count', 'last_at', 'words']);
  });

  it('/pmo my-data holds what Ray uses and how he rated it, and nobody else’s', async () => {
    const { text, data } = await myData(t, RAY);
    expect(data.library).toEqual({
      entries_you_own: [],
      you_use: [{ entry: 'Stakeholder map', team_or_project: rayTyped.team, at: '2026-11-24T10:00:00.000Z' }],
      your_ratings: [
        {
          entry: 'Stakeholder map',
          useful: true,
          comment: rayTyped.comment,
          at: '2026-11-24T10:00:00.000Z',
          changed_at: '2026-11-24T10:00:00.000Z',
        },
      ],
      news_you_were_sent: [],
    });
    for (const other of [OWNER, SUE, sueTyped.team, sueTyped.comment])
      expect([other, text.includes(other)]).toEqual([other, false]);
  });

  it('/pmo my-data holds the entries the owner owns, drafts too', async () => {
    const { data } = await myData(t, OWNER);
    const library = data.library as { entries_you_own: Json[]; you_use: Json[] };
    expect(library.entries_you_own).toEqual([
      expect.objectContaining({ entry: entryId, title: 'Stakeholder map', status: 'published', version: 1 }),
      expect.objectContaining({ entry: draftId, title: 'Lessons from the owner', status: 'draft' }),
      expect.objectContaining({ title: 'Clinic checklist', status: 'published' }),
    ]);
    expect(library.you_use).toEqual([]);
  });

  it('/pmo my-data holds the "New in the PMO library" DMs a person was sent, and what they told', async () => {
    const { data } = await myData(t, NEWSY);
    expect((data.library as Json).news_you_were_sent).toEqual([
      {
        week: expect.stringMatching(/^2026-W\d\d$/),
        at: '2026-11-30T10:00:00.000Z',
        entries: [{ entry: 'Clinic checklist', version: 1 }],
      },
    ]);
  });

  it('erasing Ray takes his words and id off his adoption and rating; the entry’s counts stay', async () => {
    const seen = viewIds(t);
    await t.slash(RAY, 'forget-me');
    const modal = await nextModal(t, RAY, 'privacy_forget_me', seen);
    await t.submit(RAY, modal, {});
    for (const needle of [RAY, ...Object.values(rayTyped)])
      expect([needle, await whereFound(t.db, needle)]).toEqual([needle, []]);
    const marker = (await t.db.selectFrom('erasures').select('marker').executeTakeFirstOrThrow()).marker;
    expect(
      await t.db
        .selectFrom('library_adoptions')
        .select(['user_id', 'team_or_project'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      { user_id: marker, team_or_project: '' },
      { user_id: SUE, team_or_project: sueTyped.team },
    ]);
    expect(
      await t.db
        .selectFrom('library_ratings')
        .select(['user_id', 'useful', 'comment'])
        .orderBy('id')
        .execute(),
    ).toEqual([
      { user_id: marker, useful: true, comment: null },
      { user_id: SUE, useful: true, comment: sueTyped.comment },
    ]);
    expect(await getEntry(t.db, entryId)).toMatchObject({ adoptions: 2, useful: 2, notUseful: 0 });
  });

  it('erasing the owner keeps the PMO’s entries, under the marker; an opened entry names no owner', async () => {
    const seen = viewIds(t);
    await t.slash(LEAD, `erase <@${OWNER}|owner>`);
    const modal = await nextModal(t, LEAD, 'privacy_erase', seen);
    await t.submit(LEAD, modal, {});
    expect(await whereFound(t.db, OWNER)).toEqual([]);
    const marker = (
      await t.db.selectFrom('erasures').select('marker').orderBy('id', 'desc').executeTakeFirstOrThrow()
    ).marker;
    const entries = await t.db
      .selectFrom('library_entries')
      .select(['title', 'owner_id', 'status'])
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { title: 'Stakeholder map', owner_id: marker, status: 'published' },
      { title: 'Lessons from the owner', owner_id: marker, status: 'draft' },
      { title: 'Clinic checklist', owner_id: marker, status: 'published' },
    ]);
    const answer = await search(t, SUE, 'stakeholder map');
    const opened = await clickForModal(
      t,
      SUE,
      `library_open:${entryId}`,
      { message: answer },
      'library_entry_modal',
    );
    const text = JSON.stringify(opened.view.blocks);
    expect(text).not.toContain(marker);
    expect(text).not.toContain('Owner');
  });

  it('retention anonymises adoptions and ratings past RETENTION_DAYS and drops old misses; recent ones stay', async () => {
    // Over two years later: Sue's adoption and rating and the news DM are past retention; a
    // fresh search that found nothing stays, the one made back then goes.
    t.clock.set('2028-12-05T10:00:00Z');
    await recordMiss(t.db, 'fresh-miss-words', t.clock.now());
    const outcome = await t.runJob('privacy');
    expect(outcome).toMatchObject({
      ran: true,
      result: { retention: { library: { adoptions: 1, ratings: 1, misses: 1, newsNotes: 1 } } },
    });
    expect(await t.db.selectFrom('library_news_dms').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('library_news_items').selectAll().execute()).toEqual([]);
    for (const needle of [SUE, ...Object.values(sueTyped), 'ray-searched-nothing-here'])
      expect([needle, await whereFound(t.db, needle)]).toEqual([needle, []]);
    expect(await whereFound(t.db, 'fresh-miss-words')).toEqual(['library_misses.words']);
    const adoptions = await t.db.selectFrom('library_adoptions').select('user_id').orderBy('id').execute();
    expect(adoptions.map((a) => a.user_id)).toEqual([
      expect.stringMatching(/^ERASED-/),
      expect.stringMatching(/^ANON-/),
    ]);
    // the figures stay: an entry used by two, useful to two
    expect(await getEntry(t.db, entryId)).toMatchObject({ adoptions: 2, useful: 2 });
    // a second run finds nothing more to do
    t.clock.set('2028-12-06T10:00:00Z');
    expect(await t.runJob('privacy')).toMatchObject({
      result: { retention: { library: { adoptions: 0, ratings: 0, misses: 0, newsNotes: 0 } } },
    });
  });
});
