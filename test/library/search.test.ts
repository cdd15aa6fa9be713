import { addEntry, type EntryForm, moveEntry } from '../../src/features/library/service';
import { validateSurface } from '../support/block-kit';
import type { FakeMessage, FakeView } from '../support/fake-slack';
import { entryForm } from '../support/library';
import { asMessage, nextModal, viewIds } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * Finding things in the PMO library despite a typo, and narrowing a browse by topic and
 * service, through the real app: signed commands and submissions in, what people see out.
 * Trigram similarity is pg_trgm's on both PGlite and PostgreSQL.
 */

const MEMBER = 'UMEMB1';
const REQUESTER = 'UREQ9';

type Json = Record<string, unknown>;
const textOf = (x: unknown) => JSON.stringify(x);

const form = entryForm;

async function entry(t: TestApp, over: Partial<EntryForm>, publish = true): Promise<number> {
  const e = await addEntry(t.db, MEMBER, form(over), '2026-11-24', t.clock.now());
  if (publish) await moveEntry(t.db, LEAD, e.id, 'published', t.clock.now());
  return e.id;
}

async function search(t: TestApp, user: string, words: string): Promise<FakeMessage> {
  const res = await t.slash(user, `library ${words}`);
  expect(res.status).toBe(200);
  expect(validateSurface('message', res.body)).toEqual([]);
  return asMessage(res.body, user);
}

/** The entry titles a list shows, in order (section texts that open with a bold title). */
const titlesIn = (blocks: unknown) =>
  ((blocks ?? []) as Json[])
    .filter((b) => b.type === 'section')
    .map((b) => /^\*([^*]+)\*/.exec(String((b.text as Json).text))?.[1])
    .filter((title) => title && title !== 'PMO library');

describe('library search: typos and filters', () => {
  let t: TestApp;
  let topics: string[];
  let services: string[];
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, []);
    topics = (await t.db.selectFrom('topics').select('slug').orderBy('id').limit(2).execute()).map(
      (r) => r.slug,
    );
    services = (await t.db.selectFrom('services').select('slug').orderBy('id').limit(2).execute()).map(
      (r) => r.slug,
    );
    await entry(t, {
      title: 'Risk register template',
      summary: 'A one-page sheet to list, score and follow up project risks.',
      topics: [topics[0] as string],
      services: [services[0] as string],
    });
    await entry(t, {
      kind: 'standard',
      title: 'Risk appetite statement',
      summary: 'How much risk a portfolio accepts, in plain words.',
      topics: [topics[1] as string],
      services: [services[1] as string],
    });
    await entry(t, {
      kind: 'playbook',
      title: 'Retrospective playbook',
      summary: 'Formats for a team looking back on its work.',
      topics: [topics[1] as string],
    });
    await entry(t, { title: 'Stakeholder interview checklist', summary: 'Questions to ask.' }, false);
  });
  afterAll(() => t.stop());

  it('finds "Risk register template" for "risk regster", and counts no miss', async () => {
    const answer = await search(t, REQUESTER, 'risk regster');
    expect(titlesIn(answer.blocks)[0]).toBe('Risk register template');
    expect(titlesIn(answer.blocks)).not.toContain('Retrospective playbook');
    expect(textOf(answer.blocks)).toContain('library_adopt:');
    expect(titlesIn((await search(t, REQUESTER, 'retrospectve')).blocks)).toEqual(['Retrospective playbook']);
    expect(await t.db.selectFrom('library_misses').selectAll().execute()).toEqual([]);
  });

  it('a word spelled right is found by full-text search, not outranked by near spellings', async () => {
    // "appetite" is a whole word of one entry: full-text answers, the typo fallback is not asked.
    expect(titlesIn((await search(t, REQUESTER, 'appetite')).blocks)).toEqual(['Risk appetite statement']);
  });

  it('a draft stays hidden from people outside the PMO, misspelt or not; members find it', async () => {
    const outsider = await search(t, REQUESTER, 'stakeholdr intervew');
    expect(titlesIn(outsider.blocks)).toEqual([]);
    expect(textOf(outsider.blocks)).toContain('Nothing in the PMO library matches');
    const member = await search(t, MEMBER, 'stakeholdr intervew');
    expect(titlesIn(member.blocks)).toEqual(['Stakeholder interview checklist']);
    expect(textOf(member.blocks)).toContain('_draft_');
  });

  it('⚡ Browse: topic and service filters narrow the results, and are kept in the redrawn modal', async () => {
    const seen = viewIds(t);
    await t.globalShortcut(REQUESTER, 'pmo_library');
    const modal = await nextModal(t, REQUESTER, 'library_browse_modal', seen);
    expect(validateSurface('modal', modal.view as never)).toEqual([]);
    expect(textOf(modal.view)).toContain('library_topic_filter');
    expect(textOf(modal.view)).toContain('library_service_filter');
    expect(titlesIn(modal.view.blocks)).not.toContain('Stakeholder interview checklist');

    let res = await t.submit(REQUESTER, modal, {
      library_words: 'risk',
      library_topic_filter: topics[1] as string,
    });
    expect(res.body.response_action).toBe('update');
    let shown = t.fake.views.get(modal.id) as FakeView;
    expect(validateSurface('modal', shown.view as never)).toEqual([]);
    expect(titlesIn(shown.view.blocks)).toEqual(['Risk appetite statement']);
    expect(textOf(shown.view)).toContain(`"initial_option":{"text":{"type":"plain_text"`);

    // No words: every published entry under the topic; a typo with a service filter too.
    res = await t.submit(REQUESTER, shown, { library_topic_filter: topics[1] as string });
    shown = t.fake.views.get(modal.id) as FakeView;
    expect(titlesIn(shown.view.blocks)).toEqual(['Retrospective playbook', 'Risk appetite statement']);
    res = await t.submit(REQUESTER, shown, {
      library_words: 'risk regster',
      library_service_filter: services[0] as string,
    });
    shown = t.fake.views.get(modal.id) as FakeView;
    expect(titlesIn(shown.view.blocks)).toEqual(['Risk register template']);
    res = await t.submit(REQUESTER, shown, {
      library_words: 'risk',
      library_service_filter: services[0] as string,
      library_topic_filter: topics[1] as string,
    });
    shown = t.fake.views.get(modal.id) as FakeView;
    expect(titlesIn(shown.view.blocks)).toEqual([]);
    expect(res.body.response_action).toBe('update');
  });

  it('a topic or service that is not offered gets a field error and searches nothing', async () => {
    const seen = viewIds(t);
    await t.globalShortcut(REQUESTER, 'pmo_library');
    const modal = await nextModal(t, REQUESTER, 'library_browse_modal', seen);
    const misses = await t.db.selectFrom('library_misses').selectAll().execute();
    const bad = await t.submit(REQUESTER, modal, {
      library_words: 'nothing like this',
      library_topic_filter: 'no-such-topic',
      library_service_filter: 'x'.repeat(500),
    });
    expect(bad.body.response_action).toBe('errors');
    expect(bad.body.errors).toEqual({
      library_topic_filter: 'Choose a topic from the list.',
      library_service_filter: 'Choose a service from the list.',
    });
    expect(await t.db.selectFrom('library_misses').selectAll().execute()).toEqual(misses);
  });
});
