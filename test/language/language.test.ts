import { sql } from 'kysely';
import { resolveLanguage } from '../../src/features/language';
import { collectMyData } from '../../src/features/privacy/my-data';
import { asMessage, newResponses } from '../support/requests';
import { startTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

const MARIE = 'UMARIE'; // Slack in French
const HANS = 'UHANS'; // Slack in German
const ANA = 'UANA'; // Slack in Portuguese: a language the app does not speak
const textOf = (body: Json) => `${body.text ?? ''} ${JSON.stringify(body.blocks ?? [])}`;

describe('a person’s language: their Slack locale, unless they choose', () => {
  it.each([
    [null, 'fr-FR', { language: 'fr', source: 'slack' }],
    [null, 'es-LA', { language: 'es', source: 'slack' }],
    [null, 'pt-BR', { language: 'en', source: 'slack' }],
    [null, null, { language: 'en', source: 'slack' }],
    ['de', 'fr-FR', { language: 'de', source: 'chosen' }],
    ['en', 'de-DE', { language: 'en', source: 'chosen' }],
    ['xx', 'fr-FR', { language: 'fr', source: 'slack' }],
  ])('chosen %s, Slack %s → %j', (chosen, locale, expected) => {
    expect(resolveLanguage(chosen, locale)).toEqual(expected);
  });
});

describe('/pmo language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: ANA, name: 'Ana', locale: 'pt-BR' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('answers in the person’s Slack language, and says where it comes from', async () => {
    const fr = await t.slash(MARIE, 'language');
    expect(fr.body.response_type).toBe('ephemeral');
    expect(textOf(fr.body)).toContain('PMO Concierge vous parle en *Français* — d’après votre langue Slack');
    const de = await t.slash(HANS, 'language');
    expect(textOf(de.body)).toContain('PMO Concierge spricht mit Ihnen *Deutsch* – nach Ihrer Slack-Sprache');
    const pt = await t.slash(ANA, 'language');
    expect(textOf(pt.body)).toContain('PMO Concierge speaks *English* with you — from your Slack language');
    // users.info was asked for the locale, as Slack gives it only then.
    const asked = t.fake.calls.filter((c) => c.method === 'users.info' && c.args.user === MARIE);
    expect(String(asked.at(-1)?.args.include_locale)).toBe('true');
  });

  it('a choice wins over Slack, by code or by name, and `auto` follows Slack again', async () => {
    const chosen = await t.slash(MARIE, 'language Deutsch');
    expect(textOf(chosen.body)).toContain('Erledigt: PMO Concierge spricht jetzt *Deutsch* mit Ihnen.');
    expect(textOf(chosen.body)).toContain('Ihre Wahl');
    expect(textOf((await t.slash(MARIE, 'language')).body)).toContain('*Deutsch*');

    expect(textOf((await t.slash(MARIE, 'language es-ES')).body)).toContain(
      'Listo: PMO Concierge le habla ahora en *Español*.',
    );

    const auto = await t.slash(MARIE, 'language auto');
    expect(textOf(auto.body)).toContain('C’est fait : PMO Concierge suit votre langue Slack (*Français*).');
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from person_languages where slack_user_id = ${MARIE}`.execute(t.db);
    expect(rows.rows[0]?.n).toBe(0);
  });

  it('an unknown language gets a friendly answer in the person’s language, and changes nothing', async () => {
    const res = await t.slash(HANS, 'language klingon');
    expect(textOf(res.body)).toContain('Die Sprache „klingon“ kenne ich nicht.');
    expect(textOf(res.body)).toContain('`fr` (Français)');
    expect(textOf((await t.slash(HANS, 'language')).body)).toContain('nach Ihrer Slack-Sprache');
  });

  it('the picker’s buttons change only the clicker’s language, whatever the payload says', async () => {
    const picker = asMessage((await t.slash(ANA, 'language')).body, ANA);
    const before = t.fake.responses.length;
    await t.click(ANA, 'language_choose_fr', { message: picker });
    const [redrawn] = await newResponses(t, before);
    expect(textOf(redrawn as Json)).toContain(
      'C’est fait : PMO Concierge vous parle désormais en *Français*.',
    );
    // Hans's own language is untouched by Ana's click.
    expect(textOf((await t.slash(HANS, 'language')).body)).toContain('*Deutsch*');

    // A forged value is answered as an out-of-date button, in Ana's language now, and nothing is stored.
    const forgedBefore = t.fake.responses.length;
    await t.click(ANA, 'language_choose_fr', { message: picker }, { value: 'xx' });
    const [answer] = await newResponses(t, forgedBefore);
    expect(String(answer?.text)).toContain('Ce bouton n’est plus à jour');
    const chosen = await sql<{
      language: string;
    }>`select language from person_languages where slack_user_id = ${ANA}`.execute(t.db);
    expect(chosen.rows.map((r) => r.language)).toEqual(['fr']);
  });

  it('two people clicking at once each get their own language', async () => {
    const marie = asMessage((await t.slash(MARIE, 'language')).body, MARIE);
    const hans = asMessage((await t.slash(HANS, 'language')).body, HANS);
    const before = t.fake.responses.length;
    await Promise.all([
      t.click(MARIE, 'language_choose_auto', { message: marie }),
      t.click(HANS, 'language_choose_auto', { message: hans }),
    ]);
    const answers = (await newResponses(t, before, 2)).map((r) => textOf(r as Json));
    expect(answers.some((a) => a.includes('PMO Concierge suit votre langue Slack (*Français*)'))).toBe(true);
    expect(answers.some((a) => a.includes('PMO Concierge folgt Ihrer Slack-Sprache (*Deutsch*)'))).toBe(true);
  });

  it('a change of Slack profile is seen at the next lookup, not after a day', async () => {
    await t.slash(HANS, 'language auto');
    t.fake.addUser({ id: HANS, name: 'Hans', locale: 'es-ES' });
    expect(textOf((await t.slash(HANS, 'language')).body)).toContain('*Deutsch*'); // cached for a day
    await t.event({ type: 'user_change', user: { id: HANS, name: 'hans' } });
    await t.settle();
    expect(textOf((await t.slash(HANS, 'language')).body)).toContain('PMO Concierge le habla en *Español*');
  });

  it('is in my data', async () => {
    await t.slash(MARIE, 'language de');
    const data = await collectMyData(t.db, MARIE, new Date());
    expect(data.you).toMatchObject({ slack_locale: 'fr-FR', chosen_language: 'de' });
  });
});
