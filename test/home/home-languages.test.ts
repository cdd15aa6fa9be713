import type { RequestStatus } from '../../src/db/schema';
import type { DigestData, PeriodFigures } from '../../src/features/digest/service';
import { renderHome, renderHomeListModal } from '../../src/features/home/blocks';
import { homeText as homeCatalogue } from '../../src/features/home/messages';
import { HOME_LISTS, type HomeModel } from '../../src/features/home/service';
import { summariseLibrary } from '../../src/features/library/figures';
import type { RequestWithService } from '../../src/features/requests/blocks/common';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { validateSurface } from '../../src/slack/kit/limits';
import { actionIds, homeText, openHome, seedCoaching } from '../support/home';
import { uncataloguedText } from '../support/i18n';
import { startTestApp, type TestApp } from '../support/test-app';

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

/**
 * A message may hold another (a status inside a request line): test/support's check takes out
 * one level of ⟦…⟧, so the nested ones are taken out first, innermost first.
 */
function nestedTakenOut(node: unknown): unknown {
  if (typeof node === 'string') {
    let text = node;
    for (let before = ''; before !== text && /⟦[^⟦⟧]*⟦/.test(text); ) {
      before = text;
      text = text.replace(/⟦([^⟦⟧]*)⟦[^⟦⟧]*⟧/g, '⟦$1 ');
    }
    // A modal title cut at 24 characters (the pseudo-locale is 40 % longer; each language fits).
    return text.replace(/⟦[^⟦⟧]*…$/, ' ');
  }
  if (Array.isArray(node)) return node.map(nestedTakenOut);
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nestedTakenOut(v)]));
  return node;
}

// The escaped hostile text and request references (PMO-5) are data.
const OTHERS = ['&lt;!channel&gt;', 'PMO-'];

const now = new Date('2026-11-24T10:00:00Z');
// Worst case, and without letters: in the pseudo-locale every letter left is uncatalogued text.
const long = (s: string) => `${s.replace(/[A-Za-z]+/g, '#')} <!channel> ${'9'.repeat(3000)}`;

function request(id: number, status: RequestStatus, owner: string | null = null): RequestWithService {
  return {
    id,
    submission_key: `k${id}`,
    requester_id: 'ULEAD1',
    service_id: 1,
    service_name: long('Service'),
    project: long('Project'),
    need: 'n',
    expected_value: 'v',
    needed_by: '2026-11-01',
    impact: 'important',
    link: null,
    status,
    owner_id: owner,
    triage_channel: null,
    triage_ts: null,
    delivery_note: null,
    delivery_links: null,
    decline_reason: null,
    created_at: now,
    updated_at: now,
    claimed_at: null,
    started_at: null,
    delivered_at: status === 'delivered' ? now : null,
    closed_at: null,
    origin_channel: null,
    origin_ts: null,
    origin_permalink: null,
    first_response_due: null,
    nudge_at: null,
    delivery_due: null,
    first_response_at: null,
    team_id: null,
    team_name: null,
    enterprise_id: null,
  };
}

const figures: PeriodFigures = {
  newRequests: 12,
  delivered: 7,
  declined: 1,
  medianHoursToClaim: 3,
  medianHoursToDeliver: 50,
  answers: 4,
  averageRating: 4.25,
  optIns: 3,
  optOuts: 1,
  invitationsSent: 10,
  rsvpYes: 4,
  repeatRequesters: 2,
};

const many = (n: number, status: RequestStatus, owner: string | null = null) =>
  Array.from({ length: n }, (_, i) => request(1000 + i, status, owner));

function fullestModel(role: HomeModel['role'] = 'lead'): HomeModel {
  const digest: DigestData = {
    period: {
      previousStart: now,
      start: now,
      end: now,
      firstDay: '2026-11-17',
      lastDay: '2026-11-23',
      runKey: '2026-11-17',
    },
    current: figures,
    previous: figures,
    history: { weeks: [], medianHoursToClaim: null, medianHoursToDeliver: null },
    benefits: [],
    services: [],
    unclaimed: 200,
    oldestWaiting: null,
    inProgress: 30,
    distribution: [0, 0, 1, 1, 2],
    comments: [],
    optedInByTopic: Array.from({ length: 30 }, (_, i) => ({ topic: long(`Topic ${i}`), people: i })),
    // The library at its fullest: every list full, every title typed to the limit and hostile.
    library: summariseLibrary({
      published: 10_000,
      drafts: 400,
      stale: 90,
      newlyPublished: 12,
      adoptions: 80,
      adoptionsBefore: 60,
      useful: 300,
      notUseful: 20,
      avoided: 40,
      avoidedBefore: 30,
      draftList: Array.from({ length: 5 }, (_, i) => ({
        id: 100 + i,
        kind: 'lesson' as const,
        title: long(`Draft ${i}`),
        ownerId: 'UM1',
      })),
      mostUsed: Array.from({ length: 3 }, (_, i) => ({
        id: 200 + i,
        kind: 'template' as const,
        title: long(`Used ${i}`),
        adoptions: 90 - i,
        recent: 3,
      })),
      misses: Array.from({ length: 5 }, (_, i) => ({ words: long(`miss ${i}`).slice(0, 200), count: 9 - i })),
    }),
  };
  return {
    userId: 'ULEAD1',
    role,
    now,
    today: '2026-11-24',
    command: '/pmo',
    requests: [...many(50, 'new'), ...many(50, 'delivered', 'UM1')],
    checkin: {
      subject: { checkinId: 9, kind: 'delivery', service: long('S'), project: long('P'), requestId: 5 },
      pending: 7,
    },
    consent: {
      topics: Array.from({ length: 40 }, (_, i) => ({
        id: i + 1,
        slug: `t${i}`,
        name: long(`Topic ${i}`),
        description: long('About'),
        retired: false,
        optedIn: i % 2 === 0,
      })),
      cap: 'two_per_month',
      pausedUntil: '2026-12-20',
    },
    coaching: {
      engagement: {
        id: 3,
        coacheeId: 'ULEAD1',
        coachId: 'UM1',
        focus: ['A'],
        goals: long('Goals'),
        cadence: 'weekly',
      },
      status: 'active',
    },
    library: Array.from({ length: 3 }, (_, i) => ({
      id: 300 + i,
      kind: 'playbook' as const,
      title: long(`Pick ${i}`),
      summary: long('Summary'),
    })),
    catalogue: Array.from({ length: 60 }, (_, i) => ({
      id: i + 1,
      name: long(`Service ${i}`),
      description: long('Does things'),
      retired: false,
    })),
    member: {
      queue: { items: many(100, 'new'), total: 5000 },
      mine: { items: [...many(50, 'claimed', 'ULEAD1'), ...many(50, 'in_progress', 'ULEAD1')], total: 300 },
      overdue: { items: many(100, 'in_progress', 'UM2'), total: 700 },
      coachees: Array.from({ length: 20 }, (_, i) => ({
        id: i,
        coacheeId: `UC${i}`,
        coachId: 'ULEAD1',
        focus: [long('F')],
        goals: long('G'),
        cadence: 'weekly',
      })),
    },
    lead: { digest, asOf: new Date('2026-11-24T09:58:00Z'), timeZone: 'Europe/London' },
  };
}

describe('Home in every language, within Block Kit’s limits, every word from a catalogue', () => {
  it.each(LOCALES.flatMap((l) => (['lead', 'member', 'requester'] as const).map((r) => [l, r] as const)))(
    '%s, %s',
    (locale, role) => {
      const tr = translatorFor(locale);
      const model = fullestModel(role);
      if (role !== 'lead') delete model.lead;
      if (role === 'requester') delete model.member;
      const home = renderHome(tr, model, '9'.repeat(2000));
      expect(validateSurface('home', home as never)).toEqual([]);
      if (locale === 'pseudo') expect(uncataloguedText(nestedTakenOut(home), OTHERS)).toEqual([]);
      for (const list of HOME_LISTS) {
        const modal = renderHomeListModal(tr, model, list);
        expect([list, validateSurface('modal', modal as never)]).toEqual([list, []]);
        if (locale === 'pseudo')
          expect([list, uncataloguedText(nestedTakenOut(modal), OTHERS)]).toEqual([list, []]);
      }
    },
  );

  it.each(LANGUAGES)('the list modals’ titles fit in %s without being cut', (language) => {
    for (const list of HOME_LISTS)
      expect(translatorFor(language).t(homeCatalogue, 'listTitle', { list }).length).toBeLessThanOrEqual(24);
  });

  it.each(LOCALES)('an empty Home in %s', (locale) => {
    const model: HomeModel = {
      ...fullestModel('requester'),
      requests: [],
      checkin: undefined,
      consent: { topics: [], cap: 'two_per_month', pausedUntil: null },
      coaching: undefined,
      catalogue: [],
      library: [],
    };
    delete model.member;
    delete model.lead;
    const home = renderHome(translatorFor(locale), model);
    expect(validateSurface('home', home as never)).toEqual([]);
    if (locale === 'pseudo') expect(uncataloguedText(nestedTakenOut(home))).toEqual([]);
  });
});

describe('Home through the app, in each person’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: 'UMARIE', name: 'Marie', locale: 'fr-FR' },
        { id: 'UPILAR', name: 'Pilar', locale: 'es-ES' },
        { id: 'UANNA', name: 'Anna', locale: 'en-GB' },
      ],
    });
    await seedCoaching(t, 'UMARIE', 'UMEMBER1');
  });
  afterAll(() => t.stop());

  it('a French-speaking person sees their Home in French, a Spanish-speaking one in Spanish, English stays English', async () => {
    const fr = homeText(await openHome(t, 'UMARIE'));
    expect(fr).toContain('Vos demandes');
    expect(fr).toContain('Votre coaching');
    expect(fr).toContain('Terminer le coaching');
    expect(fr).not.toContain('Your requests');
    const es = homeText(await openHome(t, 'UPILAR'));
    expect(es).toContain('Sus solicitudes');
    expect(es).toContain('Nueva solicitud');
    const en = await openHome(t, 'UANNA');
    expect(homeText(en)).toContain('Your requests');
    expect(homeText(en)).toContain('No coaching right now');
    expect(actionIds(en)).toContain('home_pause');
  });
});
