import { renderEntryForm, renderEntryModal, renderResults } from '../../src/features/library/blocks';
import { type EntryForm, entryChoices } from '../../src/features/library/service';
import { translatorFor } from '../../src/i18n';
import { whereFound } from '../privacy/world';
import { validateSurface } from '../support/block-kit';
import type { FakeMessage, FakeView } from '../support/fake-slack';
import { entryForm, publishedEntry } from '../support/library';
import { asMessage, clickForModal, newResponses, nextModal, viewIds } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * The PMO library through the real app: signed slash commands, clicks and submissions in, the
 * fake Slack out, the rows in the database. Full-text search is PostgreSQL's own, so this runs on
 * PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
 */

const MEMBER = 'UMEMB1';
const MEMBER2 = 'UMEMB2';
const REQUESTER = 'UREQ9';
const OUTSIDER = 'UOUT9';

type Json = Record<string, unknown>;
const textOf = (x: unknown) => JSON.stringify(x);

const form = entryForm;

/** An entry a lead has published, made through the service as the form would. */
const published = (t: TestApp, over: Partial<EntryForm>) => publishedEntry(t, MEMBER, over);

const entryRow = (t: TestApp, id: number) =>
  t.db.selectFrom('library_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** `/pmo library <words>` as `user`: the private answer, as a message one can click in. */
async function search(t: TestApp, user: string, words: string): Promise<FakeMessage> {
  const res = await t.slash(user, `library ${words}`.trim());
  expect(res.status).toBe(200);
  expect(validateSurface('message', res.body)).toEqual([]);
  return asMessage(res.body, user);
}

const titlesIn = (m: FakeMessage) =>
  ((m.blocks ?? []) as Json[])
    .filter((b) => b.type === 'section')
    .map((b) => /^\*([^*]+)\*/.exec(String((b.text as Json).text))?.[1])
    .filter((title) => title && title !== 'PMO library');

describe('the PMO library', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, []);
    await seedMember(t.db, MEMBER2, []);
  });
  afterAll(() => t.stop());

  it('refuses /pmo library add kindly to someone outside the PMO, and opens nothing', async () => {
    const opens = t.fake.callsTo('views.open').length;
    const res = await t.slash(REQUESTER, 'library add');
    expect(String(res.body.text)).toContain('Adding to the library is for PMO members');
    expect(String(res.body.text)).toContain('/pmo library [words]');
    await t.settle();
    expect(t.fake.callsTo('views.open').length).toBe(opens);
  });

  let draftId: number;
  it('a member adds an entry: a draft, owned by them, version 1, due for review in six months, audited', async () => {
    const seen = viewIds(t);
    await t.slash(MEMBER, 'library add');
    const modal = await nextModal(t, MEMBER, 'library_form_modal', seen);
    expect(textOf(modal.view)).toContain('Change management clinics'); // a consent topic
    expect(textOf(modal.view)).toContain('Organisational learning'); // a catalogue service

    const bad = await t.submit(MEMBER, modal, {
      library_kind: 'template',
      library_title: 'Risk register',
      library_summary: 'x',
      library_link: 'javascript:alert(1)',
    });
    expect(bad.body.response_action).toBe('errors');
    expect(Object.keys(bad.body.errors as Json)).toEqual(['library_link']);

    const topic = await t.db.selectFrom('topics').select('slug').orderBy('id').executeTakeFirstOrThrow();
    const res = await t.submit(MEMBER, modal, {
      library_kind: 'template',
      library_title: 'Risk register template',
      library_summary: 'A one-page sheet to list, score and follow up project risks.',
      library_body: 'Columns: risk, likelihood, impact, owner, next step. <!channel>',
      library_link: 'https://wiki.example/risk-register',
      library_topics: [topic.slug],
    });
    expect(res.body.response_action).toBe('update');
    expect(textOf(res.body.view)).toContain('draft');
    const row = await t.db
      .selectFrom('library_entries')
      .selectAll()
      .where('title', '=', 'Risk register template')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'template',
      status: 'draft',
      owner_id: MEMBER,
      version: 1,
      review_by: '2027-05-24',
      topics: [topic.slug],
      link: 'https://wiki.example/risk-register',
    });
    draftId = row.id;
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'library.add')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: MEMBER })]);
  });

  it('a draft is not found by people outside the PMO, and a forged Open of it shows nothing', async () => {
    const answer = await search(t, REQUESTER, 'risk register');
    expect(titlesIn(answer)).toEqual([]);
    const before = t.fake.responses.length;
    const opens = t.fake.callsTo('views.open').length;
    await t.click(
      REQUESTER,
      `library_open:${draftId}`,
      { message: answer },
      {
        value: String(draftId),
        blockId: 'forged',
      },
    );
    const [said] = await newResponses(t, before);
    expect(String(said?.text)).toContain('no longer in the library');
    expect(t.fake.callsTo('views.open').length).toBe(opens);
  });

  it('a member cannot publish (a forged Publish changes nothing); a lead opens the draft and publishes it', async () => {
    const forMember = await search(t, MEMBER2, 'risk register');
    expect(textOf(forMember.blocks)).toContain('_draft_');
    const before = t.fake.responses.length;
    await t.click(
      MEMBER2,
      `library_publish:${draftId}`,
      { message: forMember },
      {
        value: String(draftId),
        blockId: 'forged',
      },
    );
    expect(String((await newResponses(t, before))[0]?.text)).toContain('Only PMO leads');
    expect((await entryRow(t, draftId)).status).toBe('draft');

    const forLead = await search(t, LEAD, 'risk register');
    expect(titlesIn(forLead)).toEqual(['Risk register template']);
    const opened = await clickForModal(
      t,
      LEAD,
      `library_open:${draftId}`,
      { message: forLead },
      'library_entry_modal',
    );
    const body = textOf(opened.view);
    // What a member typed is shown escaped: no @channel.
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).toContain('<https://wiki.example/risk-register|Open the link>');
    expect(body).toContain(`library_publish:${draftId}`);
    await t.click(LEAD, `library_publish:${draftId}`, { view: opened });
    await t.fake.waitFor(
      () => !textOf(t.fake.views.get(opened.id)?.view).includes('library_publish'),
      'the redrawn entry',
    );
    expect(textOf(t.fake.views.get(opened.id)?.view)).toContain(`library_retire:${draftId}`);
    expect((await entryRow(t, draftId)).status).toBe('published');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'library.publish')
      .execute();
    expect(audit).toEqual([{ actor_id: LEAD }]);
  });

  it('ranks a match in the title above a match in the body', async () => {
    const inBody = await published(t, {
      title: 'Team rituals',
      summary: 'Stand-ups, reviews and demos that keep a team in step.',
      body: 'Hold a retrospective at the end of every iteration.',
    });
    const inTitle = await published(t, {
      kind: 'playbook',
      title: 'Retrospective playbook',
      summary: 'Formats for a team looking back on its work.',
    });
    const answer = await search(t, REQUESTER, 'retrospective');
    expect(titlesIn(answer)).toEqual(['Retrospective playbook', 'Team rituals']);
    expect(textOf(answer.blocks)).toContain('Playbook');
    expect(textOf(answer.blocks)).toContain(`library_adopt:${inTitle}`);
    expect(textOf(answer.blocks)).toContain(`library_rate:${inBody}`);
    // A word found only in a body still finds the entry; a phrase as typed in a search box too.
    expect(titlesIn(await search(t, REQUESTER, 'iteration'))).toEqual(['Team rituals']);
    expect(titlesIn(await search(t, REQUESTER, '"risk register" -excel'))).toEqual([
      'Risk register template',
    ]);
  });

  it('counts searches that found nothing by their words, keeping no person', async () => {
    const answer = await search(t, REQUESTER, 'Quantum  blockchain');
    expect(textOf(answer.blocks)).toContain('Nothing in the PMO library matches');
    await search(t, OUTSIDER, 'quantum blockchain');
    // (The draft nobody outside the PMO could find yet was a miss for them too.)
    const misses = await t.db.selectFrom('library_misses').selectAll().orderBy('words').execute();
    expect(misses).toEqual([
      expect.objectContaining({ words: 'quantum blockchain', count: 2 }),
      expect.objectContaining({ words: 'risk register', count: 1 }),
    ]);
    expect(textOf(misses)).not.toContain(REQUESTER);
    // A search that found something is not a miss.
    await search(t, REQUESTER, 'retrospective');
    expect(await t.db.selectFrom('library_misses').selectAll().execute()).toHaveLength(2);
  });

  it('We use this and Useful? record rows; answering Useful? again changes the one answer', async () => {
    const answer = await search(t, REQUESTER, 'risk register');
    const adopt = await clickForModal(
      t,
      REQUESTER,
      `library_adopt:${draftId}`,
      { message: answer },
      'library_adopt_modal',
    );
    const res = await t.submit(REQUESTER, adopt, { library_team: 'Apollo' });
    expect(res.body.response_action).toBe('update');
    const rate = await clickForModal(
      t,
      REQUESTER,
      `library_rate:${draftId}`,
      { message: answer },
      'library_rate_modal',
    );
    await t.submit(REQUESTER, rate, { library_useful: 'yes', library_comment: 'Saved us a day.' });
    const again = await clickForModal(
      t,
      REQUESTER,
      `library_rate:${draftId}`,
      { message: answer },
      'library_rate_modal',
    );
    await t.submit(REQUESTER, again, { library_useful: 'no', library_comment: null });
    const theirs = await clickForModal(
      t,
      OUTSIDER,
      `library_rate:${draftId}`,
      { message: await search(t, OUTSIDER, 'risk register') },
      'library_rate_modal',
    );
    await t.submit(OUTSIDER, theirs, { library_useful: 'yes', library_comment: null });

    expect(
      await t.db.selectFrom('library_adoptions').select(['entry_id', 'user_id', 'team_or_project']).execute(),
    ).toEqual([{ entry_id: draftId, user_id: REQUESTER, team_or_project: 'Apollo' }]);
    const ratings = await t.db
      .selectFrom('library_ratings')
      .select(['user_id', 'useful', 'comment'])
      .orderBy('user_id')
      .execute();
    expect(ratings).toEqual([
      { user_id: OUTSIDER, useful: true, comment: null },
      { user_id: REQUESTER, useful: false, comment: null },
    ]);
    // The entry's counts follow the rows, the changed answer moved from 👍 to 👎.
    expect(
      await t.db.selectFrom('library_entry_counts').selectAll().where('entry_id', '=', draftId).execute(),
    ).toEqual([{ entry_id: draftId, adoptions: 1, useful: 1, not_useful: 1 }]);
    // The answer shows it: used by one team, one 👍.
    expect(textOf((await search(t, REQUESTER, 'risk register')).blocks)).toContain('Used by 1 team · 👍 1');
  });

  it('the owner edits (the version moves on, audited); another member may not', async () => {
    const answer = await search(t, MEMBER2, 'risk register');
    const opened = await clickForModal(
      t,
      MEMBER2,
      `library_open:${draftId}`,
      { message: answer },
      'library_entry_modal',
    );
    expect(textOf(opened.view)).not.toContain('library_edit');
    const before = t.fake.responses.length;
    await t.click(
      MEMBER2,
      `library_edit:${draftId}`,
      { message: answer },
      { value: String(draftId), blockId: 'forged' },
    );
    expect(String((await newResponses(t, before))[0]?.text)).toContain('Only its owner');

    const mine = await search(t, MEMBER, 'risk register');
    const view = await clickForModal(
      t,
      MEMBER,
      `library_open:${draftId}`,
      { message: mine },
      'library_entry_modal',
    );
    const edit = await clickForModal(t, MEMBER, `library_edit:${draftId}`, { view }, 'library_form_modal');
    expect(textOf(edit.view)).toContain('"initial_value":"Risk register template"');
    const res = await t.submit(MEMBER, edit, {
      library_kind: 'template',
      library_title: 'Risk register template',
      library_summary: 'A one-page sheet to list, score and follow up risks, with examples.',
    });
    expect(res.body.response_action).toBe('update');
    const row = await entryRow(t, draftId);
    expect([row.version, row.status, row.summary]).toEqual([
      2,
      'published',
      'A one-page sheet to list, score and follow up risks, with examples.',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'library.edit')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ actor_id: MEMBER, detail: { entry: draftId, version: 2 } }),
    ]);
  });

  it('a retired entry leaves search, and old buttons and forms record nothing for it', async () => {
    const answer = await search(t, REQUESTER, 'risk register');
    const adopt = await clickForModal(
      t,
      REQUESTER,
      `library_adopt:${draftId}`,
      { message: answer },
      'library_adopt_modal',
    );

    const forLead = await search(t, LEAD, 'risk register');
    const opened = await clickForModal(
      t,
      LEAD,
      `library_open:${draftId}`,
      { message: forLead },
      'library_entry_modal',
    );
    await t.click(LEAD, `library_retire:${draftId}`, { view: opened });
    await t.fake.waitFor(async () => (await entryRow(t, draftId)).status === 'retired', 'retired');

    const adoptions = await t.db.selectFrom('library_adoptions').selectAll().execute();
    const ratings = await t.db.selectFrom('library_ratings').selectAll().execute();
    const late = await t.submit(REQUESTER, adopt, { library_team: 'Gemini' });
    expect(late.body.response_action).toBe('errors');
    const before = t.fake.responses.length;
    await t.click(REQUESTER, `library_rate:${draftId}`, { message: answer });
    expect(String((await newResponses(t, before))[0]?.text)).toContain('not published');
    expect(await t.db.selectFrom('library_adoptions').selectAll().execute()).toEqual(adoptions);
    expect(await t.db.selectFrom('library_ratings').selectAll().execute()).toEqual(ratings);
    expect(titlesIn(await search(t, REQUESTER, 'risk register'))).toEqual([]);
    expect(
      await t.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'library.retire').execute(),
    ).toEqual([{ actor_id: LEAD }]);
  });

  it('marks an entry stale in results once it is 30 days past its review date', async () => {
    const id = await published(t, {
      title: 'Steering committee standard',
      summary: 'Who sits on one and why.',
    });
    await t.db.updateTable('library_entries').set({ review_by: '2026-10-25' }).where('id', '=', id).execute();
    expect(textOf((await search(t, REQUESTER, 'steering')).blocks)).not.toContain('stale');
    await t.db.updateTable('library_entries').set({ review_by: '2026-10-24' }).where('id', '=', id).execute();
    expect(textOf((await search(t, REQUESTER, 'steering')).blocks)).toContain('stale');
  });

  it('⚡ Browse the PMO library: a search box and a kind filter, results in the modal', async () => {
    const seen = viewIds(t);
    await t.globalShortcut(REQUESTER, 'pmo_library');
    const modal = await nextModal(t, REQUESTER, 'library_browse_modal', seen);
    expect(textOf(modal.view)).toContain('latest entries');
    const res = await t.submit(REQUESTER, modal, { library_words: 'team', library_kind_filter: 'playbook' });
    expect(res.body.response_action).toBe('update');
    const shown = t.fake.views.get(modal.id) as FakeView;
    const text = textOf(shown.view);
    expect(text).toContain('Retrospective playbook');
    expect(text).not.toContain('Team rituals');
    const opened = await clickForModal(
      t,
      REQUESTER,
      'library_open:' +
        String(
          (
            await t.db
              .selectFrom('library_entries')
              .select('id')
              .where('title', '=', 'Retrospective playbook')
              .executeTakeFirstOrThrow()
          ).id,
        ),
      { view: shown },
      'library_entry_modal',
    );
    expect(
      t.fake.callsTo('views.push').some((c) => (c.args.view as Json).callback_id === 'library_entry_modal'),
    ).toBe(true);
    expect(textOf(opened.view)).toContain('Formats for a team');
  });

  it('forget-me: what a person said about their use goes, the counts stay', async () => {
    const adoptions = await t.db.selectFrom('library_adoptions').select('entry_id').execute();
    const seen = viewIds(t);
    await t.slash(REQUESTER, 'forget-me');
    await t.submit(REQUESTER, await nextModal(t, REQUESTER, 'privacy_forget_me', seen), {});
    await t.settle();
    expect(await whereFound(t.db, REQUESTER)).toEqual([]);
    expect(await whereFound(t.db, 'Apollo')).toEqual([]);
    expect(await t.db.selectFrom('library_adoptions').select('entry_id').execute()).toEqual(adoptions);
    expect(await t.db.selectFrom('library_ratings').selectAll().execute()).toHaveLength(2);
  });

  it('keeps every modal and answer within Block Kit limits at the longest inputs', async () => {
    const choices = await entryChoices(t.db);
    const long = {
      ...form({
        title: 'T'.repeat(150),
        summary: '&'.repeat(300),
        body: '<'.repeat(3000),
        link: `https://x.example/${'a'.repeat(480)}`,
      }),
      id: 1,
      ownerId: MEMBER,
      status: 'published' as const,
      version: 99,
      reviewBy: '2026-01-01',
      adoptions: 3,
      useful: 2,
      notUseful: 1,
    };
    expect(validateSurface('modal', renderEntryForm(translatorFor('en'), choices, long) as never)).toEqual(
      [],
    );
    expect(
      validateSurface(
        'modal',
        renderEntryModal(
          translatorFor('en'),
          long,
          ['A'.repeat(100), 'B'.repeat(100)],
          { edit: true, publish: true, retire: true },
          '2026-11-24',
        ) as never,
      ),
    ).toEqual([]);
    const hits = Array.from({ length: 8 }, (_, i) => ({ ...long, id: i + 1, rank: 1 }));
    expect(
      validateSurface(
        'message',
        renderResults(translatorFor('en'), 'w'.repeat(200), hits, '2026-11-24', '/pmo') as never,
      ),
    ).toEqual([]);
  });
});
