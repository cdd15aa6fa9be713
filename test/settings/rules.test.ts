import { parseConfig } from '../../src/config';
import { thisWeeksTime } from '../../src/jobs/scheduler';
import {
  changesBetween,
  checkLeads,
  configWith,
  daysText,
  digestText,
  effectiveSettings,
  envSettings,
  leadsOf,
  NOTHING_SAVED,
  type SavedSettings,
  toSave,
  weeklyCron,
  weeklyTimeOf,
} from '../../src/settings/settings';

const config = parseConfig({
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'secret',
  PMO_CHANNEL_ID: 'CPMO',
  PMO_LEAD_IDS: 'UENV1,UENV2',
  PMO_HOLIDAYS: 'FR',
});
const env = envSettings(config);
const saved = (s: Partial<SavedSettings>): SavedSettings => ({ ...NOTHING_SAVED, ...s });

describe('which value applies: the environment’s, unless a lead saved another', () => {
  it.each<[string, Partial<SavedSettings>, Partial<ReturnType<typeof envSettings>>]>([
    ['nothing saved: all the environment’s', {}, env],
    ['a saved time zone wins', { timezone: 'Europe/Paris' }, { timezone: 'Europe/Paris', channelId: 'CPMO' }],
    ['a saved digest wins', { digestCron: '0 15 * * 5' }, { digestCron: '0 15 * * 5' }],
    ['saved "no holidays" wins over PMO_HOLIDAYS', { holidays: undefined }, { holidays: undefined }],
    ['zero check-in days is a value, not "unset"', { checkinAfterDays: 0 }, { checkinAfterDays: 0 }],
    ['saved leads are added to PMO_LEAD_IDS', { leadIds: ['UNEW'] }, { leadIds: ['UENV1', 'UENV2', 'UNEW'] }],
    [
      'a saved lead who is also in PMO_LEAD_IDS counts once',
      { leadIds: ['UENV2'] },
      { leadIds: ['UENV1', 'UENV2'] },
    ],
  ])('%s', (_name, s, expected) => {
    expect(effectiveSettings(env, saved(s))).toMatchObject(expected);
  });

  it('the Config seen through the settings carries them in every section that reads them', () => {
    const c = configWith(
      config,
      effectiveSettings(env, saved({ timezone: 'Asia/Tokyo', retentionDays: 90, workingDays: [1, 2, 3, 4] })),
    );
    expect(c.pmo.timezone).toBe('Asia/Tokyo');
    expect(c.calendar.timezone).toBe('Asia/Tokyo');
    expect(c.calendar.days).toEqual([1, 2, 3, 4]);
    expect(c.privacy.retentionDays).toBe(90);
    expect(c.privacy.eraseDeactivatedAfterDays).toBe(config.privacy.eraseDeactivatedAfterDays);
    expect(c.pmo.command).toBe('/pmo');
  });
});

describe('the leads rule', () => {
  it.each<[string, string[] | null, string[]]>([
    ['none saved', null, ['UENV1', 'UENV2']],
    ['one added', ['UA'], ['UENV1', 'UENV2', 'UA']],
    ['duplicates once', ['UA', 'UA', 'UENV1'], ['UENV1', 'UENV2', 'UA']],
  ])('%s', (_name, savedLeads, expected) => {
    expect(leadsOf(env.leadIds, savedLeads)).toEqual(expected);
  });

  it.each<[string, string[], boolean, RegExp | string[]]>([
    ['keeping every PMO_LEAD_IDS lead', ['UENV1', 'UENV2', 'UA'], true, ['UENV1', 'UENV2', 'UA']],
    ['removing one of PMO_LEAD_IDS', ['UENV1'], false, /<@UENV2> is named in PMO_LEAD_IDS/],
    ['removing them all', [], false, /<@UENV1>, <@UENV2> are named in PMO_LEAD_IDS/],
  ])('%s', (_name, chosen, ok, expected) => {
    const result = checkLeads(env.leadIds, chosen);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.leadIds).toEqual(expected);
    else expect(result.error).toMatch(expected as RegExp);
  });
});

describe('what is saved', () => {
  it.each<[string, Partial<ReturnType<typeof envSettings>>, Partial<SavedSettings>]>([
    ['the environment’s values: nothing', {}, NOTHING_SAVED],
    ['one change: only it', { retentionDays: 365 }, { retentionDays: 365, timezone: null }],
    ['leads beyond PMO_LEAD_IDS only', { leadIds: ['UENV1', 'UENV2', 'UA'] }, { leadIds: ['UA'] }],
    ['only PMO_LEAD_IDS: no saved leads', { leadIds: ['UENV1', 'UENV2'] }, { leadIds: null }],
    ['no holidays where PMO_HOLIDAYS names a region', { holidays: undefined }, { holidays: undefined }],
  ])('%s', (_name, chosen, expected) => {
    expect(toSave(env, { ...env, ...chosen })).toMatchObject(expected);
  });

  it('records each change from → to, and nothing that stayed', () => {
    expect(changesBetween(env, { ...env, timezone: 'Europe/Paris', holidays: undefined })).toEqual({
      timezone: { from: 'UTC', to: 'Europe/Paris' },
      holidays: { from: 'FR', to: null },
    });
  });
});

describe('the digest’s day and time ↔ its cron expression', () => {
  it.each<[string, { day: number; hour: number; minute: number } | undefined]>([
    ['0 9 * * 1', { day: 1, hour: 9, minute: 0 }],
    ['30 15 * * 5', { day: 5, hour: 15, minute: 30 }],
    ['0 8 * * 0', { day: 7, hour: 8, minute: 0 }],
    ['0 8 * * 7', { day: 7, hour: 8, minute: 0 }],
    ['0 9 * * FRI', { day: 5, hour: 9, minute: 0 }],
    ['0 9 * * 1,4', undefined],
    ['*/15 * * * *', undefined],
    ['0 9 1 * 1', undefined],
    ['0 0 9 * * 1', undefined],
  ])('%s', (expression, expected) => {
    expect(weeklyTimeOf(expression)).toEqual(expected);
    if (expected) expect(weeklyTimeOf(weeklyCron(expected))).toEqual(expected);
  });

  it.each([
    ['0 15 * * 5', 'Fridays at 15:00'],
    ['30 8 * * 0', 'Sundays at 08:30'],
    ['0 9 * * 1,4', '`0 9 * * 1,4`'],
  ])('%s reads "%s"', (expression, words) => {
    expect(digestText(expression)).toBe(words);
  });

  it.each([
    [[1, 2, 3, 4, 5], 'Mon–Fri'],
    [[1, 3, 5], 'Mon, Wed, Fri'],
    [[6, 7], 'Sat, Sun'],
  ])('days %j read "%s"', (days, words) => {
    expect(daysText(days)).toBe(words);
  });

  it.each([
    // This PMO week's Friday 15:00, seen from its Tuesday, in Paris (UTC+1 in December).
    ['2026-12-01T10:00:00Z', 'Europe/Paris', { day: 5, hour: 15, minute: 0 }, '2026-12-04T14:00:00.000Z'],
    // Sunday evening is still the week that began on Monday.
    ['2026-12-06T22:00:00Z', 'UTC', { day: 1, hour: 9, minute: 0 }, '2026-11-30T09:00:00.000Z'],
    // Already Monday in Tokyo while still Sunday in UTC.
    ['2026-12-06T22:00:00Z', 'Asia/Tokyo', { day: 1, hour: 9, minute: 0 }, '2026-12-07T00:00:00.000Z'],
  ])('from %s in %s, this week’s %j is %s', (now, tz, t, expected) => {
    expect(thisWeeksTime(t, new Date(now), tz).toISOString()).toBe(expected);
  });
});
