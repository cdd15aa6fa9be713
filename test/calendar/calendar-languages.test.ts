import { ManualClock } from '../../src/clock';
import {
  renderAwayHomeBlocks,
  renderAwayModal,
  renderCalendar,
  renderEscalation,
  renderNudge,
  renderQueue,
  renderStillAnswered,
  renderStillInterested,
  renderTargetDetails,
  renderTargetFields,
} from '../../src/features/calendar/blocks';
import { dayText } from '../../src/features/calendar/dates';
import type { TargetReport } from '../../src/features/calendar/targets-report';
import { LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import { formatDate } from '../../src/lib/calendar';
import { button, fields } from '../../src/slack/kit/blocks';
import { validateSurface } from '../../src/slack/kit/limits';
import { openHome } from '../support/home';
import { uncataloguedText } from '../support/i18n';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The calendar's views in every language, with worst-case values, within Block Kit's limits and
 * with no word outside the catalogue; and, through the app, each person in their own language.
 */

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];
// Worst-case user data is made of x: `data` takes every x out, whatever was cut to fit; request
// references (PMO-12) are ids, shown as they are.
const LONG = 'x'.repeat(3000);
const DATA = ['x', '…', 'PMO-'];
const DAYS = ['2026-12-01', '2026-12-24', '2027-01-03'];
const DUE = new Date('2026-12-24T15:00:00Z');
const claim = (id = 1) => button('Claim', `triage_claim:${id}`, String(id));
const type = (payload: Record<string, unknown>) => ({ ...payload, type: 'home' });

const report = (n: number): TargetReport => ({
  firstResponse: { met: 123_456, total: 234_567 },
  delivery: { met: 0, total: 0 },
  overdue: Array.from({ length: 10 }, (_, i) => ({
    requestId: 1_000_000 + i,
    target: i % 2 ? ('delivery' as const) : ('first_response' as const),
    due: DUE,
  })),
  overdueTotal: 99_999,
  awayThisWeek: Array.from({ length: n }, (_, i) => ({
    userId: `U${String(i).padStart(10, '0')}`,
    firstDay: DAYS[0]!,
    lastDay: DAYS[2]!,
    setBy: 'ULEAD1',
  })),
});

describe.each(LOCALES)('the calendar’s views in %s', (locale) => {
  const tr = translatorFor(locale);
  const pseudo = locale === 'pseudo';
  const days = DAYS.map((d) => formatDate(d));
  const check = (surface: 'message' | 'modal' | 'home', payload: unknown, data: string[] = []) => {
    expect(validateSurface(surface, payload as never)).toEqual([]);
    if (pseudo) expect(uncataloguedText(payload, [...DATA, ...days, ...data])).toEqual([]);
  };

  it('the nudge and the escalations', () => {
    const subject = { requestId: 9_999_999, serviceName: LONG, project: LONG, due: DUE };
    check('message', renderNudge(tr, subject, claim()), ['Claim']);
    check('message', renderEscalation(tr, { ...subject, target: 'first_response', owner: 'UOWNER12345' }));
    check('message', renderEscalation(tr, { ...subject, target: 'delivery', owner: null }));
  });

  it('“Still interested?” and its three answers', () => {
    check('message', renderStillInterested(tr, 2_147_483_647));
    for (const answer of ['keep', 'pause', 'optout'] as const)
      check('message', renderStillAnswered(tr, answer, '2027-03-01'), [formatDate('2027-03-01')]);
  });

  it('the queue: full, and empty', () => {
    const items = Array.from({ length: 15 }, (_, i) => ({
      id: 1_000_000 + i,
      serviceName: LONG,
      project: LONG,
      due: i % 3 === 2 ? null : DUE,
      overdue: i % 3 === 0,
    }));
    check('message', renderQueue(tr, items, 123_456, claim), ['Claim']);
    check('message', renderQueue(tr, [], 0, claim));
  });

  it('the working calendar, for a lead', () => {
    const daysOff = Array.from({ length: 10 }, (_, i) => ({
      day: DAYS[i % 3]!,
      name: i % 2 ? LONG.slice(0, 100) : '',
      why: i % 2 ? ('holiday' as const) : ('closure' as const),
    }));
    const away = report(50).awayThisWeek;
    const rules = {
      timezone: 'America/Argentina/ComodRivadavia',
      hours: { start: 9, end: 17 },
      days: [1, 2, 3, 4, 5, 6, 7],
    };
    check('message', renderCalendar(tr, rules, 'FR', daysOff, away, '/pmo', true), [
      'America/Argentina/ComodRivadavia',
      'FR',
    ]);
    check('message', renderCalendar(tr, rules, undefined, [], [], '/pmo', false), [
      'America/Argentina/ComodRivadavia',
    ]);
  });

  it('the away modal and the Home lines', () => {
    const period = { userId: 'U1', firstDay: DAYS[0]!, lastDay: DAYS[2]!, setBy: 'U1' };
    check('modal', renderAwayModal(DAYS[0]!, undefined, tr));
    check('modal', renderAwayModal(DAYS[0]!, period, tr));
    check('home', type({ blocks: renderAwayHomeBlocks(undefined, tr) }));
    check('home', type({ blocks: renderAwayHomeBlocks(period, tr) }));
  });

  it('the response-target figures and details', () => {
    for (const n of [0, 50]) {
      const r = report(n);
      check('home', type({ blocks: [fields(renderTargetFields(r, tr)), ...renderTargetDetails(r, tr)] }));
    }
  });

  it('writes the PMO’s days in the language', () => {
    const shown = { en: /^Tue,? 1 Dec 2026$/, pseudo: /^Tue,? 1 Dec 2026$/, fr: /déc/, de: /Dez/, es: /dic/ };
    expect(dayText(tr, '2026-12-01')).toMatch(shown[locale]);
  });
});

describe('through the app, each person in their own language', () => {
  const MARIE = 'UMARIECAL'; // Slack in French
  const HANS = 'UHANSCAL'; // Slack in German
  const ANN = 'UANNCAL'; // Slack in English
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock('2026-12-01T09:00:00Z'),
      users: [
        { id: MARIE, name: 'Marie', locale: 'fr-FR' },
        { id: HANS, name: 'Hans', locale: 'de-DE' },
        { id: ANN, name: 'Ann', locale: 'en-US' },
      ],
    });
  });
  afterAll(() => t.stop());

  const text = (res: { body: Record<string, unknown> }) => String(res.body.text ?? '');

  it('/pmo away answers in French, German or English', async () => {
    const days = (language: 'en' | 'fr' | 'de') =>
      ['2026-12-01', '2026-12-11'].map((d) => dayText(translatorFor(language), d));
    const [frFirst, frLast] = days('fr');
    expect(frFirst).toBe('mar. 1 déc. 2026');
    expect(text(await t.slash(MARIE, 'away until 2026-12-11'))).toContain(
      `Vous êtes absent(e) du ${frFirst} au ${frLast}. Entre-temps, le PMO ne fera aucune suggestion`,
    );
    const [deFirst, deLast] = days('de');
    expect(text(await t.slash(HANS, 'away until 2026-12-11'))).toContain(
      `Sie sind von ${deFirst} bis ${deLast} abwesend.`,
    );
    expect(text(await t.slash(ANN, 'away until 2026-12-11'))).toMatch(
      /^You are away from Tue,? 1 Dec 2026 until Fri,? 11 Dec 2026\. Meanwhile the PMO will not suggest/,
    );
    expect(text(await t.slash(MARIE, 'away tomorrow'))).toContain('Tapez `away until YYYY-MM-DD`');
    expect(text(await t.slash(MARIE, 'away back'))).toBe('Bon retour parmi nous !');
  });

  it('the away modal opened from Home is in the person’s language', async () => {
    for (const [user, title, label] of [
      [MARIE, 'Absence', 'Premier jour d’absence'],
      [ANN, 'Away', 'First day away'],
    ] as const) {
      const home = await openHome(t, user);
      const seen = new Set(t.fake.views.keys());
      await t.click(user, 'calendar_away_open', { view: home });
      const modal = await t.fake.waitFor(() => {
        const v = t.fake.openModalOf(user);
        return v && v.view.callback_id === 'calendar_away_modal' && !seen.has(v.id) ? v : undefined;
      }, 'the away modal');
      expect(modal.view.title).toMatchObject({ text: title });
      expect(JSON.stringify(modal.view.blocks)).toContain(label);
      const bad = await t.submit(user, modal, {
        calendar_away_first_day: '2026-12-10',
        calendar_away_last_day: '2026-12-09',
      });
      expect(JSON.stringify(bad.body)).toContain(
        user === MARIE
          ? 'Le premier jour tombe après le dernier.'
          : 'The first day comes after the last one.',
      );
    }
  });
});
