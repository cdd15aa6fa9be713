import { renderCatalog, renderCatalogModal, renderServiceModal } from '../../src/features/catalog/blocks';
import { catalogText } from '../../src/features/catalog/messages';
import type { CatalogService } from '../../src/features/catalog/service';
import {
  catalogueProblems,
  LANGUAGES,
  type Locale,
  PSEUDO_CLOSE,
  PSEUDO_OPEN,
  translatorFor,
} from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { asMessage, clickForModal } from '../support/requests';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';

/**
 * The service catalogue in every language: the list, its modal and the service form, with the
 * longest names and descriptions the form allows and a full list, stay within Block Kit's limits
 * in en, fr, de, es and the pseudo-locale, and in the pseudo-locale every word around the
 * services (their names and descriptions are data) comes from the catalogue. Then through the
 * real app: a French lead manages the catalogue in French, an English lead in English.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

const long = (word: string, n: number) => `${word} ${'9'.repeat(n - word.length - 1)}`;
const NAME = long('Serviceword', 75);
const DESCRIPTION = long('Descriptionword', 300);
const DATA = ['Serviceword', 'Descriptionword'];

const services: CatalogService[] = Array.from({ length: 30 }, (_, i) => ({
  id: 2_000_000_000 - i,
  name: NAME,
  description: DESCRIPTION,
  retired: i % 3 === 0,
  firstResponseDays: i % 2 === 0 ? null : 1,
  deliveryDays: i % 2 === 0 ? 250 : null,
}));

/** Only the outermost ⟦…⟧ of a message holding another is left: uncataloguedText reads one level. */
function unnest(node: unknown): unknown {
  if (typeof node === 'string') {
    let depth = 0;
    let out = '';
    for (const ch of node) {
      if (ch === PSEUDO_OPEN) {
        depth++;
        if (depth === 1) out += ch;
      } else if (ch === PSEUDO_CLOSE) {
        if (depth === 1) out += ch;
        depth = Math.max(0, depth - 1);
      } else if (depth <= 1) out += ch;
    }
    return out;
  }
  if (Array.isArray(node)) return node.map(unnest);
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, unnest(v)]));
  return node;
}

type Surface = 'modal' | 'message';

function views(locale: Locale): [string, Surface, unknown][] {
  const tr = translatorFor(locale);
  return [
    ['the list', 'message', renderCatalog(services, tr)],
    ['the list, one service', 'message', renderCatalog(services.slice(1, 2), tr)],
    ['the list, empty', 'message', renderCatalog([], tr)],
    ['the list in a modal', 'modal', renderCatalogModal(services, tr)],
    ['add a service', 'modal', renderServiceModal(tr)],
    ['edit a service', 'modal', renderServiceModal(tr, services[1])],
  ];
}

describe('the catalogue’s views in every language', () => {
  it('the catalogue of messages is complete and valid', () => {
    expect(catalogueProblems(catalogText)).toEqual([]);
  });

  it.each(LOCALES)('stay within Block Kit’s limits in %s', (locale) => {
    const problems = views(locale)
      .map(
        ([name, surface, payload]) =>
          [name, validateSurface(surface, payload as Record<string, unknown>)] as const,
      )
      .filter(([, found]) => found.length > 0);
    expect(problems).toEqual([]);
  });

  it('take every word from the catalogue (pseudo-locale)', () => {
    const found = views('pseudo')
      .map(([name, , payload]) => [name, uncataloguedText(unnest(payload), DATA)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('modal titles and buttons fit in every language', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language).of(catalogText);
      for (const key of ['editTitle', 'addTitle', 'save', 'cancel', 'listTitle', 'close'] as const)
        expect([language, key, t(key).length <= 24]).toEqual([language, key, true]);
    }
  });
});

describe('the catalogue through the app, in each lead’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ users: [{ id: LEAD2, name: 'Léa', locale: 'fr-FR' }] });
  });
  afterAll(() => t.stop());

  it('a French lead sees the list, the form and its field errors in French', async () => {
    const res = await t.slash(LEAD2, 'catalog');
    expect(validateSurface('message', res.body)).toEqual([]);
    const blocks = JSON.stringify(res.body.blocks);
    expect(blocks).toContain('*Catalogue de services* — ce que l’on peut demander au PMO.');
    expect(blocks).toContain('Ajouter un service');
    expect(blocks).toContain('jours ouvrés (par défaut)');
    const list = asMessage(res.body, LEAD2);
    const add = await clickForModal(t, LEAD2, 'catalog_add', { message: list }, 'catalog_modal');
    expect((add.view.title as { text?: string }).text).toBe('Ajouter un service');
    const bad = await t.submit(LEAD2, add, { catalog_name: ' ', catalog_description: 'Une ligne.' });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { catalog_name: 'Veuillez indiquer le nom du service.' },
    });
  });

  it('an English lead still sees English', async () => {
    const res = await t.slash(LEAD, 'catalog');
    const blocks = JSON.stringify(res.body.blocks);
    expect(blocks).toContain('*Service catalogue* — what people can ask the PMO for.');
    expect(blocks).toContain('working days (default)');
  });
});
