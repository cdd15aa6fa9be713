import {
  renderIntakeOff,
  renderIntakeOn,
  renderIntakeUsage,
  renderOffer,
} from '../../src/features/intake/blocks';
import { channelArg } from '../../src/features/intake/commands';
import { intakeText } from '../../src/features/intake/messages';
import {
  catalogueProblems,
  LANGUAGES,
  type Locale,
  PSEUDO_CLOSE,
  PSEUDO_OPEN,
  translatorFor,
} from '../../src/i18n';
import { section } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { postInChannel, shortcutForm, TEAM_CHANNEL } from '../support/intake';
import { nextModal, viewIds } from '../support/requests';
import { LEAD2, startTestApp, type TestApp } from '../support/test-app';

/**
 * Intake in every language: the offer after a reaction and the answers of /pmo intake stay
 * within Block Kit's limits in en, fr, de, es and the pseudo-locale, and in the pseudo-locale
 * every word comes from the catalogue. Then through the real app: a French lead sets intake up
 * in French, a German person is offered to file in German and gets the form in German, and an
 * English person still sees English.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
const CHANNEL = 'C0123456789ABCDEFGH';
const DATA = ['/pmo', 'reactions:read', 'long_emoji_name_9', 'somewhere'];

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

function views(locale: Locale): [string, unknown][] {
  const tr = translatorFor(locale);
  const t = tr.of(intakeText);
  const problems = [
    t('notInChannel'),
    t('couldNotCheck'),
    t('noReactionsScope', { scope: 'reactions:read' }),
  ];
  const lookUp = channelArg('#somewhere', { id: CHANNEL, name: 'general' }, tr);
  const workflowErrors = [
    t('stepFailed'),
    t('noInputs'),
    t('missing', { input: 'need', what: t('whatNeed') }),
    t('tooLongInput', { input: 'need', what: t('whatNeed'), length: 2001, message: t('checkInputs') }),
    t('badInput', { input: 'needed_by', what: t('whatDate'), given: '2026', message: t('checkInputs') }),
    t('notAPerson', { given: '9999' }),
    t('noSuchService', { name: '9999', names: '9999, 9999' }),
    t('missing', { input: 'requester', what: t('whatRequester') }),
    t('missing', { input: 'service', what: t('whatService') }),
    t('missing', { input: 'project', what: t('whatProject') }),
    t('missing', { input: 'expected_value', what: t('whatValue') }),
    t('noProject'),
  ];
  return [
    ['the offer', renderOffer(tr, 2_000_000_000)],
    ['intake on, with every problem', renderIntakeOn(tr, CHANNEL, 'long_emoji_name_9', problems)],
    ['intake on', renderIntakeOn(tr, CHANNEL, 'long_emoji_name_9', [])],
    ['intake off', renderIntakeOff(tr, CHANNEL, true)],
    ['intake was not on', renderIntakeOff(tr, CHANNEL, false)],
    ['usage', renderIntakeUsage(tr, '/pmo')],
    ['usage, with a channel not found', renderIntakeUsage(tr, '/pmo', lookUp.ok ? '' : lookUp.problem)],
    ['not your offer', { text: t('notYourOffer'), blocks: [section(t('notYourOffer'))] }],
    ['workflow errors', { text: '9', blocks: workflowErrors.map((e) => section(e)) }],
  ];
}

describe('intake views in every language', () => {
  it('the catalogue is complete and valid', () => {
    expect(catalogueProblems(intakeText)).toEqual([]);
  });

  it.each(LOCALES)('stay within Block Kit’s limits in %s', (locale) => {
    const problems = views(locale)
      .map(
        ([name, payload]) => [name, validateSurface('message', payload as Record<string, unknown>)] as const,
      )
      .filter(([, found]) => found.length > 0);
    expect(problems).toEqual([]);
  });

  it('take every word from the catalogue (pseudo-locale)', () => {
    const found = views('pseudo')
      .map(([name, payload]) => [name, uncataloguedText(unnest(payload), DATA)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it('the offer’s button fits in every language', () => {
    for (const language of LANGUAGES)
      expect(translatorFor(language).t(intakeText, 'fileButton').length).toBeLessThanOrEqual(75);
  });
});

describe('intake through the app, in each person’s language', () => {
  const HANS = 'UHANS3'; // Slack in German
  const EMMA = 'UEMMA3'; // Slack in English
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: LEAD2, name: 'Léa', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: EMMA, name: 'Emma', locale: 'en-US' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('a French lead turns intake on in French; a German person is offered to file in German', async () => {
    const on = await t.slash(LEAD2, `intake <#${TEAM_CHANNEL}|team> :ticket:`);
    expect(validateSurface('message', on.body)).toEqual([]);
    expect(String(on.body.text)).toContain(`La collecte par réaction est active dans <#${TEAM_CHANNEL}>`);
    const usage = await t.slash(LEAD2, 'intake');
    expect(String(usage.body.text)).toContain('`/pmo intake #canal :emoji:`');

    const msg = postInChannel(t, 'UAUTHOR3', 'Wir brauchen Hilfe');
    await t.event({
      type: 'reaction_added',
      user: HANS,
      reaction: 'ticket',
      item_user: msg.user,
      item: { type: 'message', channel: msg.channel, ts: msg.ts },
      event_ts: `${Date.now() / 1000}`,
    });
    await t.settle();
    const [offer] = t.fake.ephemeralsFor(HANS);
    expect(offer?.text).toBe('Als PMO-Anfrage erfassen?');
    expect(JSON.stringify(offer?.blocks)).toContain('Anfrage stellen');
  });

  it('the shortcuts open the form in the person’s language', async () => {
    const msg = postInChannel(t, 'UAUTHOR3', 'Need a hand');
    const de = await shortcutForm(t, HANS, msg);
    expect((de.view.title as { text?: string }).text).toBe('Anfrage an das PMO');
    expect(JSON.stringify(de.view)).toContain('Im Thread Bescheid geben');

    const seen = viewIds(t);
    await t.globalShortcut(EMMA);
    const en = await nextModal(t, EMMA, 'request_modal', seen);
    expect((en.view.title as { text?: string }).text).toBe('Ask the PMO');
  });
});
