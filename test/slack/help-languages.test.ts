import { FEATURES } from '../../src/features';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { helpCommand } from '../../src/slack/commands/help';
import { renderHelp } from '../../src/slack/commands/help-blocks';
import { commandsText } from '../../src/slack/commands/messages';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { startTestApp, type TestApp } from '../support/test-app';

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
const table = [helpCommand, ...FEATURES.flatMap((f) => f.subcommands ?? [])];
const textOf = (body: Record<string, unknown>) => `${body.text ?? ''} ${JSON.stringify(body.blocks ?? [])}`;

describe('the help in every language, within Block Kit’s limits', () => {
  it.each(LOCALES)('%s', (locale) => {
    const help = renderHelp('/pmo', table, translatorFor(locale));
    expect(validateSurface('message', help as never)).toEqual([]);
    if (locale === 'pseudo') {
      // The command lines (`/pmo request …`) are the commands themselves; what is said of each
      // comes from its feature's catalogue once that feature gives its summary as a function.
      const english = table.filter((s) => typeof s.summary === 'string').map((s) => s.summary as string);
      // As the check sees them: Slack markup (<…>, :emoji:) is taken out first.
      const usages = table.map((s) => `\`/pmo ${s.usage}\``.replace(/<[^>]*>|:[a-z0-9_+-]+:/g, ' '));
      expect(uncataloguedText(help, [...english, ...usages])).toEqual([]);
    }
  });

  it.each(LOCALES)('the router’s own answers in %s come from the catalogue', (locale) => {
    const t = translatorFor(locale).of(commandsText);
    for (const text of [
      t('unknownBlock', { word: 'frobnicate' }),
      t('refusal', { command: '/pmo', name: 'settings', audience: 'leads' }),
      t('databaseDown'),
      t('triggerExpired'),
      t('somethingWentWrong'),
    ])
      if (locale === 'pseudo')
        expect(uncataloguedText({ type: 'mrkdwn', text }, ['/pmo', 'settings', 'frobnicate'])).toEqual([]);
      else expect(text.length).toBeGreaterThan(10);
  });
});

describe('/pmo help through the app, in each person’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: 'UMARIE', name: 'Marie', locale: 'fr-FR' },
        { id: 'UHANS', name: 'Hans', locale: 'de-DE' },
        { id: 'UANNA', name: 'Anna', locale: 'en-GB' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('is written in the reader’s language, summaries included; English stays English', async () => {
    const fr = textOf((await t.slash('UMARIE', 'help')).body);
    expect(fr).toContain('Pour tout le monde');
    expect(fr).toContain('Vous seul(e) pouvez voir ce message.');
    expect(fr).toContain('afficher cette liste de commandes');
    expect(fr).toContain('demander un coach');
    const en = textOf((await t.slash('UANNA', 'help')).body);
    expect(en).toContain('For everyone');
    expect(en).toContain('show this list of commands');
    expect(en).toContain('ask for a coach');
  });

  it('an unknown command and a refusal are answered in the reader’s language', async () => {
    const unknown = textOf((await t.slash('UHANS', 'frobnicate')).body);
    expect(unknown).toContain('`frobnicate` kenne ich nicht');
    expect(unknown).toContain('Für alle');
    const refused = (await t.slash('UHANS', 'settings')).body;
    expect(String(refused.text)).toContain('`/pmo settings` ist PMO-Leitungen vorbehalten.');
    expect(String((await t.slash('UANNA', 'settings')).body.text)).toContain('is for PMO leads');
  });
});
