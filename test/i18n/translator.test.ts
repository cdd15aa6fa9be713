import {
  catalogueProblems,
  defineCatalogue,
  duplicateNamespaces,
  languageOfLocale,
  localDate,
  PSEUDO_CLOSE,
  PSEUDO_OPEN,
  pseudoMessage,
  slackDate,
  translatorFor,
} from '../../src/i18n';

const requestsText = defineCatalogue(
  'sample',
  {
    open: '{count, plural, =0 {No open requests} one {# open request} other {# open requests}}',
    status: '{status, select, claimed {Claimed by <@{member}>} other {Waiting}}',
    saved: 'Saved {when}',
  },
  {
    fr: {
      open: '{count, plural, =0 {Aucune demande ouverte} one {# demande ouverte} other {# demandes ouvertes}}',
      status: '{status, select, claimed {Prise en charge par <@{member}>} other {En attente}}',
      saved: 'Enregistré {when}',
    },
    de: {
      open: '{count, plural, =0 {Keine offenen Anfragen} one {# offene Anfrage} other {# offene Anfragen}}',
      status: '{status, select, claimed {Übernommen von <@{member}>} other {Wartet}}',
      saved: 'Gespeichert {when}',
    },
    es: {
      open: '{count, plural, =0 {Ninguna solicitud abierta} one {# solicitud abierta} other {# solicitudes abiertas}}',
      status: '{status, select, claimed {Asumida por <@{member}>} other {En espera}}',
      saved: 'Guardado {when}',
    },
  },
);

describe('a person’s language from their Slack locale', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['de-DE', 'de'],
    ['es-LA', 'es'],
    ['es_ES', 'es'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['pt-BR', undefined],
    ['ja-JP', undefined],
    ['', undefined],
    [undefined, undefined],
    [null, undefined],
  ])('%s → %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});

describe('messages in each language', () => {
  it.each([
    ['en', 0, 'No open requests'],
    ['en', 1, '1 open request'],
    ['en', 1234, '1,234 open requests'],
    ['fr', 0, 'Aucune demande ouverte'],
    ['fr', 1, '1 demande ouverte'],
    ['fr', 1234, '1\u202f234 demandes ouvertes'],
    ['de', 1234, '1.234 offene Anfragen'],
    ['es', 2, '2 solicitudes abiertas'],
  ] as const)('%s, %d → %s', (language, count, text) => {
    expect(translatorFor(language).t(requestsText, 'open', { count })).toBe(text);
  });

  it('selects and nested placeholders keep Slack’s mention syntax', () => {
    expect(translatorFor('de').t(requestsText, 'status', { status: 'claimed', member: 'U1' })).toBe(
      'Übernommen von <@U1>',
    );
    expect(translatorFor('es').of(requestsText)('status', { status: 'new' })).toBe('En espera');
  });

  it('each locale has its own translator: no shared language to switch', () => {
    const fr = translatorFor('fr');
    const en = translatorFor('en');
    expect(fr.t(requestsText, 'saved', { when: 'x' })).toBe('Enregistré x');
    expect(en.t(requestsText, 'saved', { when: 'x' })).toBe('Saved x');
    expect(fr.t(requestsText, 'saved', { when: 'x' })).toBe('Enregistré x');
    expect(translatorFor('fr')).toBe(fr);
  });

  it('numbers as each locale writes them', () => {
    expect(translatorFor('en').number(1234.5)).toBe('1,234.5');
    expect(translatorFor('de').number(1234.5)).toBe('1.234,5');
    expect(translatorFor('fr').number(0.25, { style: 'percent' })).toBe('25\u00a0%');
  });
});

describe('the pseudo-locale', () => {
  it.each([
    ['Plain text', 'Þļàîñ ţéẋţ'],
    ['Claimed by <@{member}> :tada:', 'Çļàîɱéð ƀý <@{member}> :tada:'],
    ['See <https://example.com|the guide>', 'Šéé <https://example.com|the guide>'],
  ])('%s', (english, accented) => {
    const one = defineCatalogue(
      `pseudo ${english}`,
      { m: english },
      { fr: { m: english }, de: { m: english }, es: { m: english } },
    );
    const pseudo = translatorFor('pseudo').t(one, 'm', { member: '{member}' });
    expect(pseudoMessage(english)).toMatch(/^⟦.*~+⟧$/s);
    expect(pseudo.slice(0, accented.length + 1)).toBe(`${PSEUDO_OPEN}${accented}`);
    expect(pseudo.endsWith(PSEUDO_CLOSE)).toBe(true);
  });

  it('is at least 40 % longer, and plurals and placeholders still work', () => {
    const out = translatorFor('pseudo').t(requestsText, 'open', { count: 3 });
    expect(out).toMatch(/^⟦3 öþéñ ŕéǫûéšţš~+⟧$/);
    const letters = '3 open requests'.replace(/[^a-z]/gi, '').length;
    expect(out.match(/~/g)?.length).toBeGreaterThanOrEqual(Math.ceil(letters * 0.4));
  });
});

describe('dates', () => {
  const at = new Date('2026-12-07T10:30:00Z');
  it.each([
    ['en', 'date_short_pretty', 'Dec 7, 2026'],
    ['fr', 'date_short_pretty', '7 déc. 2026'],
    ['de', 'date_long', 'Montag, 7. Dezember 2026'],
    ['es', 'time', '11:30'],
  ] as const)('%s %s → token with fallback %s', (locale, format, fallback) => {
    expect(slackDate(at, locale, 'Europe/Paris', format)).toBe(
      `<!date^${at.getTime() / 1000}^{${format}}|${fallback}>`,
    );
    expect(localDate(at, locale, 'Europe/Paris', format)).toBe(fallback);
  });
});

describe('catalogue checks', () => {
  it('a complete catalogue has no problems', () => {
    expect(catalogueProblems(requestsText)).toEqual([]);
  });

  it('names missing, extra, broken and mistranslated messages', () => {
    const broken = {
      namespace: 'broken',
      messages: {
        en: { a: 'Hello {name}', b: 'Bye' },
        fr: { a: 'Bonjour {nom}' },
        de: { a: 'Hallo {name', b: 'Tschüss', c: 'Extra' },
        es: { a: 'Hola {name}', b: ' ' },
      },
    } as never;
    expect(catalogueProblems(broken)).toEqual([
      'fr broken.b: missing',
      'fr broken.a: arguments differ from English (lost {name}, invented {nom})',
      expect.stringMatching(/^de broken\.a: not valid ICU/),
      'de broken.c: not in English',
      'es broken.b: missing',
    ]);
  });

  it('two catalogues may not share a namespace', () => {
    expect(duplicateNamespaces([requestsText, requestsText])).toEqual(['sample']);
  });
});
