import { benefitsSummary, periodLabel, renderDigest } from '../../src/features/digest/blocks';
import { type ChartData, chartAltText, chartSpec } from '../../src/features/digest/chart';
import type { WeekFigures } from '../../src/features/digest/history';
import { digestText } from '../../src/features/digest/messages';
import { type DigestData, digestPeriod } from '../../src/features/digest/service';
import { LANGUAGES, type Locale, PSEUDO_CLOSE, PSEUDO_OPEN, translatorFor } from '../../src/i18n';
import { safe } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { seedMember, seedRequest } from '../support/seed';
import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The digest in every language: the post, its thread and the preview within Block Kit's limits
 * with a large catalogue, every word from the catalogue (pseudo-locale), the chart's alt text
 * stating its figures in the language; through the app, the channel post in the PMO's language
 * and a lead's preview in the lead's.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
const many = Array.from({ length: 60 }, (_, i) => i);
const SERVICE = (i: number) => `Service <${i}> & co ${'x'.repeat(140)}`;
const TOPIC = (i: number) => `Topic ${i} ${'y'.repeat(140)}`;
const COMMENT = (i: number) => `${i} ${'long comment '.repeat(250)}`;

const week = (firstDay: string, i: number): WeekFigures => ({
  firstDay,
  newRequests: 900 + i,
  delivered: 400 + i,
  declined: 12,
  medianHoursToClaim: 3 + i,
  medianHoursToDeliver: 200 - i,
  answers: 300,
  averageRating: 4.2,
  optIns: 50,
  optOuts: 2,
  invitationsSent: 5000,
  rsvpYes: 1234,
  repeatRequesters: 80,
});

const WEEKS = ['09-28', '10-05', '10-12', '10-19', '10-26', '11-02', '11-09', '11-16'].map((d, i) =>
  week(`2026-${d}`, i),
);

const data: DigestData = {
  period: digestPeriod(new Date('2026-11-23T08:00:00Z'), 'UTC'),
  history: { weeks: WEEKS, medianHoursToClaim: 5.5, medianHoursToDeliver: 120 },
  benefits: many.map((i) => ({
    name: SERVICE(i),
    delivered: i * 1000,
    ratings: i,
    averageRating: i % 2 ? 4.25 : null,
    realised: { yes: i, partly: 1, not_yet: 0, no: 2 },
    realisedPeople: 5,
    quotes: i % 3 ? [] : ['x'.repeat(1000), 'y'.repeat(1000), 'z'.repeat(1000)],
  })),
  current: { ...week('2026-11-16', 7), averageRating: 4.5 },
  previous: { ...week('2026-11-09', 6), averageRating: 3.1, medianHoursToClaim: null },
  services: many.map((i) => ({ name: SERVICE(i), current: i, previous: 60 - i, members: i % 3 })),
  unclaimed: 40,
  oldestWaiting: { requestId: 99999999, createdAt: new Date('2026-10-01T00:00:00Z') },
  inProgress: 70,
  distribution: [10, 20, 30, 40, 200],
  comments: many.slice(0, 10).map(COMMENT),
  optedInByTopic: many.map((i) => ({ topic: TOPIC(i), people: i * 1000 })),
};

/** With response targets and the library too: the busiest thread the digest can post. */
const fullData: DigestData = {
  ...data,
  targets: {
    firstResponse: { met: 1234, total: 5000 },
    delivery: { met: 999, total: 1000 },
    overdue: many.slice(0, 10).map((i) => ({
      requestId: 90000000 + i,
      target: i % 2 ? 'first_response' : 'delivery',
      due: new Date('2026-11-20T10:00:00Z'),
    })),
    overdueTotal: 600,
    awayThisWeek: many.slice(0, 20).map((i) => ({
      userId: `UAWAY${i}`,
      firstDay: '2026-11-23',
      lastDay: '2026-12-31',
      setBy: 'ULEAD1',
    })),
  },
  library: {
    published: 500,
    stale: 40,
    drafts: { items: [], total: 12, more: 0 },
    newlyPublished: 30,
    adoptions: 120,
    adoptionsBefore: 100,
    useful: 80,
    notUseful: 20,
    usefulPercent: 80,
    avoided: 15,
    avoidedBefore: 20,
    mostUsed: many.slice(0, 5).map((i) => ({
      id: i,
      kind: 'template' as never,
      title: TOPIC(i),
      adoptions: 100 - i,
      recent: i,
    })),
    misses: many.slice(0, 5).map((i) => ({ words: `missing ${i}`, count: 10 - i })),
    hasNews: true,
  },
};

const quietData: DigestData = { ...data, comments: [], services: [], benefits: [], optedInByTopic: [] };

/** The user data the digest shows as it is: names, topics, quotes, cut the way it cuts them. */
const DATA = [
  ...many.flatMap((i) => [safe(SERVICE(i), 100), safe(TOPIC(i), 100), SERVICE(i).slice(0, 40)]),
  ...many.slice(0, 10).map((i) => safe(COMMENT(i), 250)),
  ...['x', 'y', 'z'].map((c) => safe(c.repeat(1000), 250)),
  'PMO-99999999',
  ...many.slice(0, 10).map((i) => `PMO-${90000000 + i}`),
  ...many.slice(0, 5).flatMap((i) => [safe(TOPIC(i), 120), `missing ${i}`]),
  // the calendar writes the away days as dates (Intl), not as catalogue text
  'Mon, 23 Nov 2026',
  'Thu, 31 Dec 2026',
].sort((a, b) => b.length - a.length);

/** What is inside an inner bracketed message is catalogued: only the outermost brackets stay. */
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

const chart: ChartData = {
  firstDay: '2026-11-16',
  lastDay: '2026-11-22',
  weeks: WEEKS.map((w, i) => ({
    firstDay: w.firstDay,
    requests: 1000 + i,
    delivered: 900 + i,
    averageValue: i % 2 ? 4.5 : null,
  })),
  services: many.map((i) => ({ name: `Service ${i} ${'x'.repeat(60)}`, demand: i, skills: 1 })),
};

describe.each(LOCALES)('the digest in %s', (locale) => {
  const tr = translatorFor(locale);
  const now = new Date('2026-11-23T08:00:00Z');
  const { main, thread } = renderDigest(data, now, { quiet: false }, tr);
  const quiet = renderDigest(quietData, now, { quiet: true }, tr);
  const full = renderDigest(fullData, now, { quiet: false }, tr);
  const preview = {
    text: tr.t(digestText, 'preview', { text: main.text }),
    blocks: [...main.blocks, { type: 'divider' }, ...(thread?.blocks ?? [])].slice(0, 50),
  };

  it.each([
    ['the post', main],
    ['its thread', thread],
    ['a quiet week', quiet.main],
    ['the post with targets and the library', full.main],
    ['its thread with targets and the library', full.thread],
    ['the preview', preview],
  ] as const)('%s is within Block Kit’s limits, every word catalogued', (_name, message) => {
    expect(message).toBeDefined();
    expect(validateSurface('message', message as never)).toEqual([]);
    if (locale === 'pseudo') expect(notCatalogued(message)).toEqual([]);
  });

  it('the notification texts are catalogued too', () => {
    if (locale !== 'pseudo') return;
    expect(
      notCatalogued({ a: { type: 'mrkdwn', text: main.text }, b: { type: 'mrkdwn', text: thread?.text } }),
    ).toEqual([]);
    expect(notCatalogued({ type: 'mrkdwn', text: benefitsSummary([], 150, tr) })).toEqual([]);
  });

  it('the chart’s alt text states every week’s figures, within 1,000 characters', () => {
    const alt = chartAltText(chart, tr);
    expect(alt.length).toBeLessThanOrEqual(1000);
    for (const w of chart.weeks) {
      expect(alt).toContain(String(w.requests));
      expect(alt).toContain(String(w.delivered));
    }
    expect(alt).toContain(tr.number(4.5));
    expect(alt).toContain(periodLabel(chart.firstDay, chart.lastDay, tr));
    if (locale === 'pseudo') expect(notCatalogued({ alt_text: alt })).toEqual([]);
  });

  it('the chart’s titles, axes and legends are in the language', () => {
    const spec = chartSpec(chart, tr);
    const strings: string[] = [];
    const walk = (node: unknown, key = '') => {
      if (typeof node === 'string' && ['title', 'measure', 'week'].includes(key)) strings.push(node);
      else if (Array.isArray(node)) for (const n of node) walk(n, key === 'sort' ? 'measure' : key);
      else if (node && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) walk(v, k === 'sort' && key === 'xOffset' ? 'measure' : k);
    };
    walk(spec);
    expect(strings.length).toBeGreaterThan(5);
    if (locale === 'pseudo')
      expect(notCatalogued(strings.map((text) => ({ type: 'plain_text', text })))).toEqual([]);
  });
});

describe('the period label in each language', () => {
  it.each([
    ['en', '16–22 Nov 2026', '26 Oct – 1 Nov 2026', '28 Dec 2026 – 3 Jan 2027'],
    ['fr', '16–22 nov. 2026', '26 oct. – 1 nov. 2026', '28 déc. 2026 – 3 janv. 2027'],
    ['de', '16.–22. Nov. 2026', '26. Okt. – 1. Nov. 2026', '28. Dez. 2026 – 3. Jan. 2027'],
    ['es', '16–22 nov 2026', '26 oct – 1 nov 2026', '28 dic 2026 – 3 ene 2027'],
  ] as const)('%s', (language, week, months, years) => {
    const tr = translatorFor(language);
    expect(periodLabel('2026-11-16', '2026-11-22', tr)).toBe(week);
    expect(periodLabel('2026-10-26', '2026-11-01', tr)).toBe(months);
    expect(periodLabel('2026-12-28', '2027-01-03', tr)).toBe(years);
  });
});

describe('the digest through the app', () => {
  let t: TestApp;
  const MARIE = 'UMARIE'; // a lead whose Slack is in French
  const JOHN = 'UJOHN'; // a lead whose Slack is in English

  beforeAll(async () => {
    t = await startTestApp({
      env: { PMO_TIMEZONE: 'Europe/Paris', PMO_LANGUAGE: 'de' },
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: JOHN, name: 'John', locale: 'en-US' },
      ],
    });
    await seedMember(t.db, MARIE, ['change-management']);
    await seedMember(t.db, JOHN, ['change-management']);
    await seedRequest(t.db, {
      requester: 'UA',
      owner: MARIE,
      service: 'change-management',
      createdAt: '2026-11-16T09:00:00Z',
      claimedAt: '2026-11-16T11:00:00Z',
      deliveredAt: '2026-11-18T09:00:00Z',
    });
    t.clock.set('2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('posts in the PMO channel in the PMO’s language, its chart described in it', async () => {
    await t.runJob('digest');
    const main = t.fake.messagesIn(PMO_CHANNEL).find((m) => !m.thread_ts);
    expect(main?.text).toBe(
      'PMO-Übersicht 16.–22. Nov. 2026: 1 neue Anfrage, 1 geliefert, 0 ohne Verantwortliche.',
    );
    expect(JSON.stringify(main?.blocks)).toContain('*Neue Anfragen*');
    const [file] = t.fake.filesIn(PMO_CHANNEL);
    expect(file?.altText).toContain('Diagramm der PMO-Übersicht, 16.–22. Nov. 2026.');
  });

  it('previews it to a French lead in French, and to an English one in English', async () => {
    t.clock.set('2026-11-23T10:00:00Z');
    let before = t.fake.responses.length;
    await t.slash(MARIE, 'digest');
    const fr = await t.fake.waitFor(() => t.fake.responses[before], 'the French preview');
    expect(fr.body.text).toBe(
      'Aperçu : Synthèse du PMO 16–22 nov. 2026 : 1 nouvelle demande, 1 livrée, 0 en attente d’un responsable.',
    );
    expect(JSON.stringify(fr.body.blocks)).toContain('*Nouvelles demandes*');

    before = t.fake.responses.length;
    await t.slash(JOHN, 'digest');
    const en = await t.fake.waitFor(() => t.fake.responses[before], 'the English preview');
    expect(en.body.text).toBe(
      'Preview: PMO digest 16–22 Nov 2026: 1 new request, 1 delivered, 0 waiting for an owner.',
    );
  });
});
