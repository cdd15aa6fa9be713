import { renderNewsDm } from '../../src/features/library/announce-blocks';
import {
  renderAdoptModal,
  renderBrowseModal,
  renderEntryForm,
  renderEntryModal,
  renderNotice,
  renderRateModal,
  renderResults,
} from '../../src/features/library/blocks';
import { renderCanvas, renderIndexMessage, renderKindSection } from '../../src/features/library/canvas';
import type { LibraryFigures } from '../../src/features/library/figures';
import {
  libraryFields,
  renderLibraryLeadBlocks,
  renderLibraryPicks,
} from '../../src/features/library/figures-blocks';
import { libraryText } from '../../src/features/library/messages';
import { renderForClaimer, renderHelpNow } from '../../src/features/library/moment-of-need-blocks';
import { KIND_KEYS } from '../../src/features/library/policy';
import { renderReviewAnswered, renderReviewDm } from '../../src/features/library/review-blocks';
import { saveButton } from '../../src/features/library/save-from-request';
import type { LibraryEntry, LibraryHit } from '../../src/features/library/service';
import { catalogueProblems, LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { actions, fields } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import type { FakeMessage } from '../support/fake-slack';
import { uncataloguedText } from '../support/i18n';
import { publishedEntry } from '../support/library';
import { asMessage, nextModal, viewIds } from '../support/requests';
import { seedMember } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The library in every language: each view it renders, with the longest values its forms allow
 * and many items, stays within Block Kit's limits in en, fr, de, es and the pseudo-locale, and
 * in the pseudo-locale every word comes from the catalogue (the data below aside). Then through
 * the real app: a French and a German person see the library in their language, an English one
 * in English.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

// Worst-case values with few letters (digits are not words), each led by a word named in DATA,
// so what the pseudo-locale check finds outside the catalogue is only what is really uncatalogued.
const long = (word: string, n: number) => `${word} ${'9'.repeat(n - word.length - 1)}`;
const TITLE = long('Titleword', 150);
const SUMMARY = long('Summaryword', 300);
const BODY = long('Bodyword', 3000);
const LINK = `https://x.example/${'a'.repeat(480)}`;
const TOPIC = long('Topicword', 100);
const SERVICE = long('Serviceword', 100);
const TEAM = long('Teamword', 100);
const WORDS = long('Searchword', 200);
const DATA = [
  LINK,
  'Titleword',
  'Summaryword',
  'Bodyword',
  'Topicword',
  'Serviceword',
  'Teamword',
  'Searchword',
  'PMO-1234',
  'https',
  'x.example',
];

const entry: LibraryEntry = {
  id: 2_000_000_000,
  kind: 'training',
  title: TITLE,
  summary: SUMMARY,
  body: BODY,
  link: LINK,
  topics: [],
  services: [],
  ownerId: 'UOWNER1',
  status: 'published',
  version: 9999,
  reviewBy: '2026-01-01',
  adoptions: 123_456,
  useful: 98_765,
  notUseful: 54_321,
};
const hits: LibraryHit[] = Array.from({ length: 8 }, (_, i) => ({
  ...entry,
  id: i + 1,
  kind: KIND_KEYS[i % KIND_KEYS.length] ?? 'template',
  status: i % 3 === 1 ? 'draft' : 'published',
  rank: 1,
}));
const choices = {
  topics: Array.from({ length: 100 }, (_, i) => ({ slug: `t${i}`, name: TOPIC })),
  services: Array.from({ length: 100 }, (_, i) => ({ slug: `s${i}`, name: SERVICE })),
};
const figures: LibraryFigures = {
  published: 12_345,
  stale: 1_234,
  drafts: {
    items: Array.from({ length: 5 }, (_, i) => ({
      id: i + 1,
      kind: 'lesson' as const,
      title: TITLE,
      ownerId: i === 0 ? 'not-a-user' : 'UOWNER1',
    })),
    total: 9_999,
    more: 9_994,
  },
  newlyPublished: 321,
  adoptions: 4_321,
  adoptionsBefore: 1_234,
  useful: 5_000,
  notUseful: 1_000,
  usefulPercent: 83,
  avoided: 77,
  avoidedBefore: 1,
  mostUsed: Array.from({ length: 3 }, (_, i) => ({
    id: i,
    kind: 'template' as const,
    title: TITLE,
    adoptions: 999,
    recent: 9,
  })),
  misses: Array.from({ length: 5 }, (_, i) => ({ words: WORDS, count: i + 1 })),
  hasNews: true,
};
const suggestions = Array.from({ length: 3 }, (_, i) => ({
  id: i + 1,
  kind: 'playbook' as const,
  title: TITLE,
  summary: SUMMARY,
  link: LINK,
}));
const newsItems = Array.from({ length: 30 }, (_, i) => ({
  id: i + 1,
  kind: 'standard' as const,
  title: TITLE,
  summary: SUMMARY,
  updated: i % 2 === 0,
}));
const indexEntries = Array.from({ length: 250 }, (_, i) => ({
  kind: KIND_KEYS[i % 2] ?? 'template',
  title: TITLE,
  summary: SUMMARY,
  link: LINK,
}));

type Surface = 'modal' | 'message' | 'home';
const message = (blocks: unknown[], text: string) => ({ text, blocks });

/** Every view the library renders, by name, as the surface it goes to. */
function views(locale: Locale): [string, Surface, unknown][] {
  const tr = translatorFor(locale);
  const t = tr.of(libraryText);
  return [
    ['entry form (add)', 'modal', renderEntryForm(tr, choices)],
    ['entry form (edit)', 'modal', renderEntryForm(tr, choices, entry)],
    [
      'entry form (from a request)',
      'modal',
      renderEntryForm(tr, choices, undefined, {
        requestId: 1234,
        reference: 'PMO-1234',
        prefill: { ...entry, topics: ['t1'], services: ['s1'] },
      }),
    ],
    ['search answer', 'message', renderResults(tr, WORDS, hits, '2026-11-24', '/pmo')],
    ['search answer, latest', 'message', renderResults(tr, '', hits, '2026-11-24', '/pmo')],
    ['search answer, nothing', 'message', renderResults(tr, WORDS, [], '2026-11-24', '/pmo')],
    ['search answer, empty', 'message', renderResults(tr, '', [], '2026-11-24', '/pmo')],
    [
      'entry opened',
      'modal',
      renderEntryModal(
        tr,
        entry,
        [TEAM, TEAM, TEAM, TEAM, TEAM],
        { edit: true, publish: true, retire: true },
        '2026-11-24',
      ),
    ],
    [
      'draft opened, by a former member',
      'modal',
      renderEntryModal(
        tr,
        { ...entry, status: 'draft', ownerId: 'gone' },
        [],
        { edit: false, publish: true, retire: true },
        '2026-11-24',
      ),
    ],
    [
      'retired entry opened',
      'modal',
      renderEntryModal(
        tr,
        { ...entry, status: 'retired' },
        [],
        { edit: false, publish: false, retire: false },
        '2026-11-24',
      ),
    ],
    ['adopt', 'modal', renderAdoptModal(tr, entry)],
    ['rate', 'modal', renderRateModal(tr, entry)],
    [
      'browse',
      'modal',
      renderBrowseModal(
        tr,
        { words: WORDS, kind: 'lesson', topic: 't1', service: 's2' },
        hits,
        '2026-11-24',
        '/pmo',
        choices,
      ),
    ],
    [
      'browse, nothing found',
      'modal',
      renderBrowseModal(tr, { words: WORDS, kind: null }, [], '2026-11-24', '/pmo'),
    ],
    ['notice: saved', 'modal', renderNotice(tr, t('libraryTitle'), t('savedVersion', { version: 9999 }))],
    ['notice: draft', 'modal', renderNotice(tr, t('libraryTitle'), t('savedDraft'))],
    ['notice: adopted', 'modal', renderNotice(tr, t('adopt'), t('adoptThanks'))],
    ['notice: rated', 'modal', renderNotice(tr, t('rate'), t('rateThanks'))],
    ['notice: solved', 'modal', renderNotice(tr, t('solvedTitle'), t('solved'))],
    ['news DM, many', 'message', renderNewsDm(tr, 1, newsItems, [TOPIC, TOPIC, TOPIC], '/pmo')],
    ['news DM, one', 'message', renderNewsDm(tr, 1, newsItems.slice(0, 1), [TOPIC], '/pmo')],
    ['review DM', 'message', renderReviewDm(tr, entry)],
    [
      'review answered',
      'message',
      renderReviewAnswered(TITLE, t('keptOutcome', { date: '<!date^1^{date_long}|x>' })),
    ],
    [
      'help now',
      'modal',
      {
        type: 'modal',
        title: { type: 'plain_text', text: t('solvedTitle') },
        blocks: renderHelpNow(suggestions, tr),
      },
    ],
    ['for the claimer', 'message', renderForClaimer(suggestions, 'UCLAIM1', tr)],
    ['lead’s Home', 'home', { type: 'home', blocks: renderLibraryLeadBlocks(figures, '/pmo', tr) }],
    [
      'lead’s Home, nothing yet',
      'home',
      {
        type: 'home',
        blocks: renderLibraryLeadBlocks(
          {
            ...figures,
            drafts: { items: [], total: 0, more: 0 },
            mostUsed: [],
            misses: [],
            usefulPercent: null,
            stale: 0,
          },
          '/pmo',
          tr,
        ),
      },
    ],
    ['picks', 'home', { type: 'home', blocks: renderLibraryPicks(hits.slice(0, 3), '/pmo', tr) }],
    [
      'digest fields',
      'message',
      message([fields(libraryFields(figures, { window: t('thisPeriod') }, tr))], t('libraryTitle')),
    ],
    ['save button', 'message', message([actions('save', [saveButton(2_000_000_000, tr)])], t('saveButton'))],
    ['index message', 'message', renderIndexMessage(tr, indexEntries, '/pmo')],
  ];
}

describe('the library’s views in every language', () => {
  it('the catalogue is complete, valid ICU, with the same arguments in every language', () => {
    expect(catalogueProblems(libraryText)).toEqual([]);
  });

  it.each(LOCALES)('%s: every view is within Block Kit’s limits', (locale) => {
    for (const [name, surface, payload] of views(locale))
      expect([name, validateSurface(surface, payload as never)]).toEqual([name, []]);
  });

  it('pseudo: every word of every view comes from the catalogue', () => {
    for (const [name, , payload] of views('pseudo'))
      expect([name, uncataloguedText(payload, DATA)]).toEqual([name, []]);
  });

  it('pseudo: the channel canvas is catalogued too', () => {
    const tr = translatorFor('pseudo');
    const sections = Object.fromEntries(KIND_KEYS.map((k) => [k, renderKindSection(tr, k, indexEntries)]));
    const markdown = renderCanvas(tr, sections as never, '/pmo');
    // Canvas markdown, not Block Kit: its lines, less the markdown syntax and the data.
    const words = markdown
      .split('\n')
      .map((line) => line.replace(/\(https?:[^)]*\)/g, ' ').replace(/^#+ |^- |\*\*|\[|\]|:/g, ' '));
    expect(
      uncataloguedText(
        words.map((text) => ({ type: 'mrkdwn', text })),
        DATA,
      ),
    ).toEqual([]);
  });

  it('ratings are said in words, not by thumbs alone', () => {
    for (const language of LANGUAGES) {
      const tr = translatorFor(language);
      const review = JSON.stringify(renderReviewDm(tr, { ...entry, useful: 3, notUseful: 1 }));
      const words = { en: 'helpful', fr: 'utile', de: 'hilfreich', es: 'útil' }[language];
      expect(review).toMatch(new RegExp(`👍 3 ${words}`));
      expect(review).toMatch(/👎 1 \S/);
    }
    expect(
      renderEntryModal(
        translatorFor('en'),
        { ...entry, adoptions: 2, useful: 3, notUseful: 1 },
        [],
        { edit: false, publish: false, retire: false },
        '2026-11-24',
      )
        .blocks.map((b) => JSON.stringify(b))
        .join(''),
    ).toContain('Used by 2 teams · 👍 3 helpful · 👎 1 not helpful');
  });
});

describe('the library through the app, in each person’s language', () => {
  const MARIE = 'UMARIE1'; // Slack in French, a PMO member
  const HANS = 'UHANS1'; // Slack in German
  const EMMA = 'UEMMA1'; // Slack in English, a PMO member
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: EMMA, name: 'Emma', locale: 'en-US' },
      ],
    });
    await seedMember(t.db, MARIE, []);
    await seedMember(t.db, EMMA, []);
    await publishedEntry(t, EMMA, { title: 'Risk register template', summary: 'A sheet for risks.' });
  });
  afterAll(() => t.stop());

  const search = async (user: string, words: string): Promise<FakeMessage> => {
    const res = await t.slash(user, `library ${words}`);
    expect(validateSurface('message', res.body)).toEqual([]);
    return asMessage(res.body, user);
  };

  it('the search answer is in the person’s Slack language', async () => {
    const fr = JSON.stringify(await search(MARIE, 'risk register'));
    expect(fr).toContain('*Bibliothèque du PMO* — les meilleurs résultats pour « risk register » :');
    expect(fr).toContain('Nous l’utilisons');
    expect(fr).toContain('Modèle');
    const de = JSON.stringify(await search(HANS, 'risk register'));
    expect(de).toContain('*PMO-Bibliothek* – die besten Treffer für „risk register“:');
    expect(de).toContain('Wir nutzen das');
    const en = JSON.stringify(await search(EMMA, 'risk register'));
    expect(en).toContain('*PMO library* — the best matches for “risk register”:');
    expect(en).toContain('Used by 0 teams · 👍 0 helpful');
  });

  it('the entry form opens in the member’s language, and its field errors are in it too', async () => {
    let seen = viewIds(t);
    await t.slash(MARIE, 'library add');
    const fr = await nextModal(t, MARIE, 'library_form_modal', seen);
    expect((fr.view.title as { text?: string }).text).toBe('Ajouter une fiche');
    expect(JSON.stringify(fr.view)).toContain('Résumé');
    const bad = await t.submit(MARIE, fr, {
      library_kind: 'template',
      library_title: ' ',
      library_summary: 'x',
    });
    expect(bad.body.response_action).toBe('errors');
    expect(bad.body.errors).toEqual({ library_title: 'Veuillez indiquer le titre.' });

    seen = viewIds(t);
    await t.slash(EMMA, 'library add');
    const en = await nextModal(t, EMMA, 'library_form_modal', seen);
    expect((en.view.title as { text?: string }).text).toBe('Add to library');
    const badEn = await t.submit(EMMA, en, {
      library_kind: 'template',
      library_title: ' ',
      library_summary: 'x',
    });
    expect(badEn.body.errors).toEqual({ library_title: 'Please tell us the title.' });
  });

  it('someone outside the PMO is refused in their language', async () => {
    const res = await t.slash(HANS, 'library add');
    expect(String(res.body.text)).toContain('Einträge hinzufügen können nur PMO-Mitglieder.');
  });
});
