import {
  type CheckinSubject,
  renderCheckinAsk,
  renderCheckinDetailsModal,
  renderCheckinThanks,
  renderFollowupAsk,
  renderFollowupModal,
  renderFollowupThanks,
  renderOwnerNotice,
} from '../../src/features/checkins/blocks';
import { LANGUAGES, type Locale, PSEUDO_CLOSE, PSEUDO_OPEN, translatorFor } from '../../src/i18n';
import { safe } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import type { FakeMessage } from '../support/fake-slack';
import { uncataloguedText } from '../support/i18n';
import { seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Check-ins in every language: each DM and modal within Block Kit's limits with the longest
 * names a request can carry, every word from the catalogue (pseudo-locale), and through the app a
 * French requester asked, thanked and shown the modal in French, their German owner told in German.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

// Worst cases: names and texts far beyond what forms allow; the renderers cut them.
const SERVICE = `Organisational design & ${'very long service name '.repeat(10)}`;
const PROJECT = `Checkout <team> ${'with a project name that goes on '.repeat(100)}`.slice(0, 3000);
const EXPECTED = `Fewer escalations ${'and much more alignment across the teams '.repeat(80)}`.slice(0, 3000);

const delivery: CheckinSubject = {
  checkinId: 2147483647,
  kind: 'delivery',
  service: SERVICE,
  project: PROJECT,
  requestId: 99999999,
  expected: EXPECTED,
};
const coaching: CheckinSubject = {
  checkinId: 7,
  kind: 'coaching',
  service: '',
  project: PROJECT,
  requestId: null,
};
const followup: CheckinSubject = { ...delivery, kind: 'followup' };
const unnamed: CheckinSubject = { checkinId: 8, kind: 'followup', service: '', project: '', requestId: null };

/** The user data a view shows as it is (cut the way the renderers cut it). */
const DATA = [
  ...[200, 2000].map((n) => safe(SERVICE, n)),
  ...[300, 2000].map((n) => safe(PROJECT, n)),
  safe(EXPECTED, 500),
  SERVICE,
  PROJECT,
  'PMO-99999999',
].sort((a, b) => b.length - a.length);

/**
 * Messages nest (a reminder holds the question): what is inside an inner bracketed message is
 * catalogued by definition, so only the outermost brackets are left for uncataloguedText.
 */
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

const notCatalogued = (payload: unknown) => uncataloguedText(unnest(payload), DATA);

describe.each(LOCALES)('check-in views in %s', (locale) => {
  const tr = translatorFor(locale);

  const messages = {
    'the ask': renderCheckinAsk(delivery, { reminder: false }, tr),
    'the reminder': renderCheckinAsk(delivery, { reminder: true }, tr),
    'the coaching ask': renderCheckinAsk(coaching, { reminder: true }, tr),
    'the thanks': renderCheckinThanks(delivery, 5, tr),
    'the coaching thanks': renderCheckinThanks(coaching, 1, tr),
    'the owner’s note': renderOwnerNotice(delivery, 3, tr),
    'the coach’s note': renderOwnerNotice(coaching, 3, tr),
    'the follow-up': renderFollowupAsk(followup, tr),
    'the follow-up about nothing named': renderFollowupAsk(unnamed, tr),
    'the follow-up thanks': renderFollowupThanks(
      followup,
      [
        'saved_time',
        'better_decisions',
        'team_aligned',
        'higher_quality',
        'practice_adopted',
        'stakeholders_engaged',
        'no_change',
      ],
      'not_yet',
      tr,
    ),
  };
  it.each(Object.entries(messages))(
    '%s is within Block Kit’s limits, every word catalogued',
    (_name, body) => {
      expect(validateSurface('message', body as never)).toEqual([]);
      expect(body.text.length).toBeGreaterThan(0);
      if (locale === 'pseudo') expect(notCatalogued(body)).toEqual([]);
    },
  );

  const modals = {
    'the details modal': renderCheckinDetailsModal(
      delivery,
      4,
      { offerFollowup: true, followupAfterDays: 365 },
      tr,
    ),
    'the details modal, one day': renderCheckinDetailsModal(
      coaching,
      1,
      { offerFollowup: true, followupAfterDays: 1 },
      tr,
    ),
    'the details modal without follow-up': renderCheckinDetailsModal(
      coaching,
      2,
      { offerFollowup: false, followupAfterDays: 60 },
      tr,
    ),
    'the follow-up modal': renderFollowupModal(followup, tr),
    'the follow-up modal without expectations': renderFollowupModal(unnamed, tr),
  };
  it.each(Object.entries(modals))('%s is within Block Kit’s limits, every word catalogued', (_name, view) => {
    expect(validateSurface('modal', view as never)).toEqual([]);
    if (locale === 'pseudo') expect(notCatalogued(view)).toEqual([]);
  });

  it('the rating buttons say what they do to a screen reader', () => {
    const ask = renderCheckinAsk(delivery, { reminder: false }, tr);
    const buttons = (ask.blocks[1] as { elements: { accessibility_label?: string }[] }).elements;
    expect(buttons).toHaveLength(5);
    for (const b of buttons) expect(b.accessibility_label?.length).toBeGreaterThan(0);
  });
});

describe('check-ins through the app, in each person’s language', () => {
  let t: TestApp;
  let requestFr: number;
  let requestEn: number;
  let staleFr: FakeMessage;
  const MARIE = 'UMARIE'; // Slack in French, asked
  const HANS = 'UHANS'; // Slack in German, delivered Marie's request
  const JOHN = 'UJOHN'; // Slack in English

  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: JOHN, name: 'John', locale: 'en-GB' },
      ],
    });
    const common = {
      service: 'organisational-design',
      createdAt: '2026-11-02T10:00:00Z',
      claimedAt: '2026-11-02T12:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    };
    requestFr = await seedRequest(t.db, {
      ...common,
      requester: MARIE,
      owner: HANS,
      project: 'Équipe paiement',
    });
    requestEn = await seedRequest(t.db, {
      ...common,
      requester: JOHN,
      owner: HANS,
      project: 'Checkout team',
    });
    t.clock.set('2026-11-24T10:00:00Z');
    await t.runJob('checkins');
  });
  afterAll(() => t.stop());

  it('asks a French requester in French, an English one in English', () => {
    const [fr] = t.fake.messagesIn(MARIE);
    expect(fr?.text).toBe('Quelle valeur Organisational design a-t-il apportée à Équipe paiement ?');
    expect(JSON.stringify(fr?.blocks)).toContain('5 · beaucoup');
    const [en] = t.fake.messagesIn(JOHN);
    expect(en?.text).toBe('How much value did Organisational design bring to Checkout team?');
    expect(JSON.stringify(en?.blocks)).toContain('5 · a lot');
  });

  it('thanks and opens the modal in French, and tells the German owner in German', async () => {
    const question = t.fake.messagesIn(MARIE)[0] as FakeMessage;
    staleFr = { ...question, blocks: structuredClone(question.blocks) };
    await t.click(MARIE, 'checkin_rate_4', { message: question });
    await t.fake.waitFor(() => question.updates > 0, 'the DM updated');
    expect(question.text).toBe('Merci — 4/5 enregistré');
    const modal = t.fake.openModalOf(MARIE);
    expect(modal?.view.title).toMatchObject({ text: 'Dites-nous en plus' });
    expect(JSON.stringify(modal?.view.blocks)).toContain(
      'Me redemander dans 60 jours : cela a-t-il changé quelque chose ?',
    );
    await t.flush();
    expect(t.fake.messagesIn(HANS).map((m) => m.text)).toEqual([
      `Ihre Lieferung von Organisational design für Équipe paiement (PMO-${requestFr}) wurde von der Person, der Sie geholfen haben, mit 4/5 bewertet.`,
    ]);
  });

  it('an English requester still gets English', async () => {
    const question = t.fake.messagesIn(JOHN)[0] as FakeMessage;
    await t.click(JOHN, 'checkin_rate_5', { message: question });
    await t.fake.waitFor(() => question.updates > 0, 'the DM updated');
    expect(question.text).toBe('Thanks — recorded 5/5');
    expect(t.fake.openModalOf(JOHN)?.view.title).toMatchObject({ text: 'Tell us more' });
    await t.flush();
    expect(t.fake.messagesIn(HANS).map((m) => m.text)).toContain(
      `Ihre Lieferung von Organisational design für Checkout team (PMO-${requestEn}) wurde von der Person, der Sie geholfen haben, mit 5/5 bewertet.`,
    );
  });

  it('answers a refused click in the clicker’s language', async () => {
    const before = t.fake.responses.length;
    await t.click(MARIE, 'checkin_rate_2', { message: staleFr });
    await t.fake.waitFor(() => t.fake.responses.length > before, 'ephemeral reply');
    expect(JSON.stringify(t.fake.responses.at(-1)?.body)).toContain(
      'Vous avez déjà répondu à cette évaluation',
    );
  });
});
