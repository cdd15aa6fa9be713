import { CATALOGUES } from '../../src/features';
import { renderLanguagePicker } from '../../src/features/language/blocks';
import {
  type Catalogue,
  catalogueProblems,
  duplicateNamespaces,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Locale,
  translatorFor,
} from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';

const catalogues: Catalogue[] = [...CATALOGUES];
const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

describe('the catalogues of every feature', () => {
  it('exist', () => {
    expect(catalogues.map((c) => c.namespace)).toContain('language');
  });

  it.each(catalogues.map((c) => [c.namespace, c] as const))(
    '%s: every key in every language, valid ICU, the same arguments as English',
    (_ns, catalogue) => {
      expect(catalogueProblems(catalogue)).toEqual([]);
    },
  );

  it('no two share a namespace', () => {
    expect(duplicateNamespaces(catalogues)).toEqual([]);
  });
});

describe('views in every language, within Block Kit’s limits, with no text outside the catalogue', () => {
  const people = [
    { language: 'fr', source: 'slack' },
    { language: 'de', source: 'chosen' },
  ] as const;
  it.each(LOCALES.flatMap((locale) => people.map((p) => [locale, p] as const)))(
    'the language picker in %s (%j)',
    (locale, current) => {
      const notice = translatorFor(locale).t(catalogues.find((c) => c.namespace === 'language')!, 'changed', {
        language: LANGUAGE_NAMES[current.language],
      });
      const picker = renderLanguagePicker(translatorFor(locale), current, notice);
      expect(validateSurface('message', picker as never)).toEqual([]);
      if (locale === 'pseudo') expect(uncataloguedText(picker, Object.values(LANGUAGE_NAMES))).toEqual([]);
    },
  );

  it('the pseudo-locale check catches text written outside a catalogue', () => {
    expect(
      uncataloguedText({
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '⟦Ţéẋţ~~⟧ Hard-coded' } }],
      }),
    ).toEqual(['Hard-coded']);
  });
});
