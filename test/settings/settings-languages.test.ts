import { renderSettingsModal, renderSettingsSummary } from '../../src/features/settings/blocks';
import { settingsFormSchema } from '../../src/features/settings/form';
import { LANGUAGE_NAMES, LANGUAGES, type Locale, translatorFor } from '../../src/i18n';
import type { PmoSettings } from '../../src/settings/settings';
import { validateSurface } from '../../src/slack/kit/limits';
import { uncataloguedText } from '../support/i18n';
import { LEAD, LEAD2, startTestApp, type TestApp } from '../support/test-app';
import { openSettings, saveSettings } from './support';

const LOCALES: Locale[] = [...LANGUAGES, 'pseudo'];

/**
 * A message may hold another (the days inside "hours, days"): test/support's check takes out one
 * level of ⟦…⟧, so the nested ones are taken out first, innermost first.
 */
function nestedTakenOut(node: unknown): unknown {
  if (typeof node === 'string') {
    let text = node;
    for (let before = ''; before !== text && /⟦[^⟦⟧]*⟦/.test(text); ) {
      before = text;
      text = text.replace(/⟦([^⟦⟧]*)⟦[^⟦⟧]*⟧/g, '⟦$1 ');
    }
    return text;
  }
  if (Array.isArray(node)) return node.map(nestedTakenOut);
  if (node && typeof node === 'object')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nestedTakenOut(v)]));
  return node;
}

const leads = Array.from({ length: 100 }, (_, i) => `ULEAD${String(i).padStart(6, '0')}`);
const settings = (over: Partial<PmoSettings> = {}): PmoSettings => ({
  leadIds: leads,
  channelId: 'CPMO0000001',
  timezone: 'America/Argentina/ComodRivadavia',
  workingHours: { start: 0, end: 24 },
  workingDays: [1, 3, 5, 6],
  holidays: 'DE-BY',
  checkinAfterDays: 365,
  checkinHours: { start: 9, end: 17 },
  checkinDays: [1, 2, 3, 4, 5, 6, 7],
  digestCron: '0 15 * * 5',
  retentionDays: 36500,
  language: 'en',
  ...over,
});

// What the views show as they are: ids, the time zone, example values, the holiday code.
const DATA = [
  'America/Argentina/ComodRivadavia',
  'Europe/Paris',
  'FR, DE-BY, US-CA',
  'DE-BY',
  'PMO_LEAD_IDS',
  // Each language is offered in its own name, whatever the reader's.
  ...Object.values(LANGUAGE_NAMES),
];

describe('the settings views in every language, within Block Kit’s limits, every word from the catalogue', () => {
  it.each(LOCALES)('%s', (locale) => {
    const tr = translatorFor(locale);
    for (const s of [
      settings(),
      settings({ digestCron: '*/15 * * * *', checkinAfterDays: 1, workingDays: [] }),
    ]) {
      const modal = renderSettingsModal(tr, {
        settings: s,
        envLeads: leads.slice(0, 40),
        version: 7,
        command: '/pmo',
      });
      expect(validateSurface('modal', modal as never)).toEqual([]);
      const summary = { type: 'home', blocks: renderSettingsSummary(s, leads.slice(0, 40), tr) };
      expect(validateSurface('home', summary as never)).toEqual([]);
      if (locale === 'pseudo') {
        expect(uncataloguedText(nestedTakenOut(modal), DATA)).toEqual([]);
        expect(uncataloguedText(nestedTakenOut(summary), [...DATA, '*/15 * * * *'])).toEqual([]);
      }
    }
  });

  it.each(LOCALES)('the form’s errors in %s come from the catalogue', (locale) => {
    const parsed = settingsFormSchema(
      { digestCron: '0 15 * * 5', language: 'en' },
      translatorFor(locale),
    ).safeParse({
      leadIds: [],
      channelId: 'D123',
      timezone: 'Mars/Olympus',
      workingHours: '18-09',
      workingDays: [],
      holidays: 'XX-NOPE',
      checkinAfterDays: 'many',
      checkinHours: 'nine',
      checkinDays: ['9'],
      digestDay: '1',
      digestTime: null,
      retentionDays: '0',
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBeGreaterThanOrEqual(10);
    if (locale === 'pseudo')
      expect(
        uncataloguedText(
          messages.map((text) => ({ type: 'mrkdwn', text })),
          ['Europe/Paris'],
        ),
      ).toEqual([]);
  });
});

describe('the settings through the app, in each lead’s language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: LEAD, name: 'Lea', locale: 'de-DE' },
        { id: LEAD2, name: 'Leo', locale: 'en-US' },
      ],
    });
  });
  afterAll(() => t.stop());

  it('a German-speaking lead gets the form and its errors in German; an English-speaking lead in English', async () => {
    const de = await openSettings(t, LEAD);
    expect(de.view.title).toMatchObject({ text: 'PMO-Einstellungen' });
    expect(JSON.stringify(de.view.blocks)).toContain('Arbeitszeiten');
    expect(JSON.stringify(de.view.blocks)).toContain('Freitag');
    const answer = await saveSettings(t, LEAD, { settings_hours: '18-09', settings_retention: '0' });
    expect(answer).toEqual({
      response_action: 'errors',
      errors: {
        settings_hours: 'Die Arbeitszeiten müssen Stunden von 0 bis 24 mit Beginn < Ende sein.',
        settings_retention: 'Die Aufbewahrung muss mindestens 1 sein.',
      },
    });

    const en = await openSettings(t, LEAD2);
    expect(en.view.title).toMatchObject({ text: 'PMO settings' });
    expect(JSON.stringify(en.view.blocks)).toContain('Working hours');
  });
});
