import {
  renderOptinModal,
  renderOptinSaved,
  renderOptOutAnswer,
  renderUnknownTopic,
} from '../../src/features/consent/blocks';
import { consentText } from '../../src/features/consent/messages';
import type { ChoicesResult, ConsentState, OptOutResult } from '../../src/features/consent/service';
import type { TopicInfo } from '../../src/features/consent/topics';
import { renderTopicForm, renderTopicList } from '../../src/features/consent/topics-blocks';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { startTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
const COMMAND = '/pmo';

/** Topics as long as the form allows: 75-character names, 300-character descriptions. */
function topics(n: number): TopicInfo[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `Topic ${String(i).padStart(3, '0')} ${'n'.repeat(65)}`;
    return {
      id: i + 1,
      slug: `topic-${i}-${'s'.repeat(50)}`,
      name,
      description: `Description ${i} ${'d'.repeat(285)}`,
      retired: i % 7 === 3,
    };
  });
}

// Topic names, slugs and descriptions are the PMO's data, shown as typed (or cut to fit).
const dataOf = (list: TopicInfo[]) =>
  [...list].flatMap((t) => [t.description, t.description.slice(0, 74), t.name, t.slug]).concat([COMMAND]);
const state = (list: TopicInfo[]): ConsentState => ({
  topics: list.map((t, i) => ({ ...t, optedIn: i % 2 === 0 })),
  cap: 'one_per_month',
  pausedUntil: '2026-12-24',
});

describe('consent views in every language, within Block Kit’s limits, all text from the catalogue', () => {
  const few = topics(10);
  const many = topics(100);
  const result = (list: TopicInfo[]): ChoicesResult => ({
    optedIn: list.slice(0, 50),
    optedOut: list.slice(50),
    capChanged: true,
    pauseChanged: true,
    coachingEnded: true,
    state: state(list),
  });
  const optOut = (list: TopicInfo[]): OptOutResult => ({
    changed: list.slice(0, 60),
    stillIn: list.slice(60),
    coachingEnded: true,
  });
  const modals = (tr: ReturnType<typeof translatorFor>) => ({
    'optin (checkboxes)': renderOptinModal(state(few), '2026-11-24', tr),
    'optin (multi-select)': renderOptinModal(state(many), '2026-11-24', tr),
    'optin (no topics)': renderOptinModal(state([]), '2026-11-24', tr),
    'optin saved (everything changed)': renderOptinSaved(tr, result(many), '2026-11-24'),
    'optin saved (nothing changed)': renderOptinSaved(
      tr,
      {
        ...result([]),
        capChanged: false,
        pauseChanged: false,
        coachingEnded: false,
        state: { ...state([]), pausedUntil: null },
      },
      '2026-11-24',
    ),
    'topic list (95 topics, a notice)': renderTopicList(
      many,
      tr.t(consentText, 'savedTopic', {
        name: many[0]!.name,
        retired: 'yes',
      }),
      tr,
    ),
    'topic form (add)': renderTopicForm(undefined, 'VLIST1', tr),
    'topic form (edit)': renderTopicForm(many[3], 'VLIST1', tr),
  });
  const messages = (tr: ReturnType<typeof translatorFor>) => ({
    'optout all': renderOptOutAnswer('all', optOut(many), COMMAND, tr),
    'optout all (nothing)': renderOptOutAnswer(
      'all',
      { changed: [], stillIn: [], coachingEnded: false },
      COMMAND,
      tr,
    ),
    'optout one': renderOptOutAnswer(many[0]!, optOut(many), COMMAND, tr),
    'optout one (not in, none left)': renderOptOutAnswer(
      many[0]!,
      { changed: [], stillIn: [], coachingEnded: false },
      COMMAND,
      tr,
    ),
    'unknown topic (100 of theirs)': renderUnknownTopic(tr, 'k'.repeat(100), many, COMMAND),
    'unknown topic (invisible, none)': renderUnknownTopic(tr, '', [], COMMAND),
  });
  const cases = LOCALES.flatMap((l) => [
    ...Object.keys(modals(translatorFor('en'))).map((v) => [l, 'modal', v] as const),
    ...Object.keys(messages(translatorFor('en'))).map((v) => [l, 'message', v] as const),
  ]);

  it.each(cases)('%s: %s %s', (locale, surface, name) => {
    const tr = translatorFor(locale);
    const all = { ...modals(tr), ...messages(tr) } as Record<string, unknown>;
    const view = all[name];
    expect(validateSurface(surface, view as Json)).toEqual([]);
    if (locale === 'pseudo') expect(uncataloguedText(view, [...dataOf(many), 'k'.repeat(100)])).toEqual([]);
  });

  it('the Edit buttons say which topic, for screen readers', () => {
    const list = renderTopicList(few, undefined, translatorFor('fr')) as unknown as { blocks: Json[] };
    const labels = list.blocks
      .map((b) => (b.accessory as Json | undefined)?.accessibility_label)
      .filter(Boolean);
    expect(labels[0]).toBe(`Modifier ${few[0]!.name.slice(0, 49)}…`);
  });
});

describe('consent through the app, in each person’s Slack language', () => {
  let t: TestApp;
  const MARIE = 'UMARIE2'; // Slack in French
  const ANA = 'UANA2'; // Slack in Spanish
  const ANNA = 'UANNA2'; // Slack in English
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: ANA, name: 'Ana', locale: 'es-ES' },
        { id: ANNA, name: 'Anna', locale: 'en-GB' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('/pmo optin opens in French for Marie, in English for Anna; topic names stay as the PMO wrote them', async () => {
    await t.slash(MARIE, 'optin');
    const fr = await t.fake.waitFor(() => t.fake.openModalOf(MARIE), 'Marie’s modal');
    expect(fr.view.title).toMatchObject({ text: 'Vos invitations' });
    const blocks = JSON.stringify(fr.view.blocks);
    expect(blocks).toContain('Au plus deux invitations par mois');
    expect(blocks).toContain('Change management clinics');

    await t.slash(ANNA, 'optin');
    const en = await t.fake.waitFor(() => t.fake.openModalOf(ANNA), 'Anna’s modal');
    expect(en.view.title).toMatchObject({ text: 'Your invitations' });

    // Saved: the answer and a field error are in French too.
    const wrong = await t.submit(MARIE, fr, { consent_cap: 'two_per_month', consent_pause: '2026-11-20' });
    expect(wrong.body.response_action).toBe('errors');
    expect((wrong.body.errors as Record<string, string>).consent_pause).toBe(
      'Veuillez choisir une date postérieure à aujourd’hui.',
    );
    const saved = await t.submit(MARIE, fr, { consent_cap: 'one_per_week', consent_pause: null });
    expect(JSON.stringify(saved.body.view)).toContain(
      'Au plus une invitation par semaine, tous sujets confondus.',
    );
  });

  it('/pmo optout answers Ana in Spanish', async () => {
    const res = await t.slash(ANA, 'optout');
    expect(res.body.text).toBe('No estaba suscrito a ningún tema: no ha cambiado nada.');
    const unknown = await t.slash(ANA, 'optout punto');
    expect(unknown.body.text).toContain('No hay ningún tema llamado «punto»');
    const en = await t.slash(ANNA, 'optout');
    expect(en.body.text).toBe('You were not opted in to any topic — nothing changed.');
  });
});
