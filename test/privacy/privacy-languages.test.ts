import { renderErasedModal, renderEraseModal, renderForgetMeModal } from '../../src/features/privacy/blocks';
import { requestHeadings } from '../../src/features/privacy/export';
import { privacyText } from '../../src/features/privacy/messages';
import { LANGUAGES, type Locale, PSEUDO_CLOSE, PSEUDO_OPEN, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { startTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
// The longest id Slack hands out (W + 20): it is data, shown as a mention.
const PERSON = `W${'X'.repeat(20)}`;

describe('privacy views in every language, within Block Kit’s limits, all text from the catalogue', () => {
  const views = (locale: Locale) => {
    const tr = translatorFor(locale);
    return {
      forgetMe: renderForgetMeModal(tr),
      erase: renderEraseModal(PERSON, tr),
      erasedSelf: renderErasedModal(tr, true),
      erasedOther: renderErasedModal(tr, false),
    };
  };

  it.each(LOCALES.flatMap((l) => Object.keys(views('en')).map((v) => [l, v] as const)))(
    '%s: %s',
    (locale, name) => {
      const view = views(locale)[name as keyof ReturnType<typeof views>];
      expect(validateSurface('modal', view as unknown as Json)).toEqual([]);
      if (locale === 'pseudo') expect(uncataloguedText(view, [PERSON])).toEqual([]);
    },
  );

  it.each(LOCALES)('%s: the export’s headings and the file comments come from the catalogue', (locale) => {
    const tr = translatorFor(locale);
    const headings = requestHeadings(tr);
    expect(new Set(headings).size).toBe(headings.length);
    const comment = tr.t(privacyText, 'myDataComment', { requests: 1234, checkins: 1, command: '/pmo' });
    if (locale === 'pseudo') {
      for (const h of headings) expect(h.startsWith(PSEUDO_OPEN) && h.endsWith(PSEUDO_CLOSE)).toBe(true);
      expect(uncataloguedText({ text: comment }, ['/pmo', 'forget-me'])).toEqual([]);
    }
  });

  it('English keeps the historical CSV headings; French, German and Spanish read as words', () => {
    expect(requestHeadings(translatorFor('en'))).toContain('hours_to_claim');
    expect(requestHeadings(translatorFor('fr'))).toContain('Heures avant prise en charge');
    expect(requestHeadings(translatorFor('de'))).toContain('Stunden bis Übernahme');
    expect(requestHeadings(translatorFor('es'))).toContain('Horas hasta asignación');
  });

  it('counts are plural-aware in every language', () => {
    const values = { requests: 1, checkins: 2, command: '/pmo' };
    expect(translatorFor('en').t(privacyText, 'myDataComment', values)).toContain('1 request, 2 check-ins');
    expect(translatorFor('fr').t(privacyText, 'myDataComment', values)).toContain(
      '1 demande, 2 points de suivi',
    );
    expect(translatorFor('de').t(privacyText, 'myDataComment', values)).toContain(
      '1 Anfrage, 2 Rückmeldungen',
    );
    expect(translatorFor('es').t(privacyText, 'myDataComment', values)).toContain(
      '1 solicitud, 2 seguimientos',
    );
  });
});

describe('privacy through the app, in each person’s Slack language', () => {
  let t: TestApp;
  const MARIE = 'UMARIE1'; // Slack in French
  const HANS = 'UHANS1'; // Slack in German
  const ANNA = 'UANNA1'; // Slack in English
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: ANNA, name: 'Anna', locale: 'en-US' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('forget-me opens in French for Marie, in German for Hans, in English for Anna', async () => {
    await t.slash(MARIE, 'forget-me');
    const fr = await t.fake.waitFor(() => t.fake.openModalOf(MARIE), 'Marie’s modal');
    expect(fr.view.title).toMatchObject({ text: 'M’oublier' });
    expect(JSON.stringify(fr.view.blocks)).toContain('*C’est irréversible.*');

    await t.slash(HANS, 'forget-me');
    const de = await t.fake.waitFor(() => t.fake.openModalOf(HANS), 'Hans’s modal');
    expect(de.view.title).toMatchObject({ text: 'Mich vergessen' });

    await t.slash(ANNA, 'forget-me');
    const en = await t.fake.waitFor(() => t.fake.openModalOf(ANNA), 'Anna’s modal');
    expect(en.view.title).toMatchObject({ text: 'Forget me' });
    expect(JSON.stringify(en.view.blocks)).toContain('*It cannot be undone.*');
  });

  it('my-data answers Marie in French; the file’s keys stay the same, its sentences are French', async () => {
    const res = await t.slash(MARIE, 'my-data');
    expect(res.body.text).toContain('le fichier (JSON) arrive dans un instant');
    const file = await t.fake.waitFor(() => t.fake.filesIn(MARIE)[0], 'Marie’s file');
    const data = JSON.parse(file.bytes?.toString('utf8') ?? '{}') as Json;
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['format', 'about', 'you', 'requests']));
    expect(data.format).toBe('pmo-concierge.my-data.v1');
    expect(String(data.about)).toContain('Tout ce que PMO Concierge conserve sur vous');
    expect(t.fake.messagesIn(MARIE).at(-1)?.text).toContain(
      'Voici tout ce que PMO Concierge conserve sur vous',
    );

    const en = await t.slash(ANNA, 'my-data');
    expect(en.body.text).toContain('arrives in your DM');
  });
});
