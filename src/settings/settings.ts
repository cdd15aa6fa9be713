import type { Config } from '../config';
import type { Language } from '../i18n';

/**
 * The PMO settings leads may change in Slack, and the rule that decides which value applies:
 * the environment's value is the default; a saved setting wins over it. Leads are the one
 * exception: PMO_LEAD_IDS is the break-glass list, so its leads stay leads whatever is saved,
 * and the leads saved in Slack are added to them. Pure: the store and the modal both ask here.
 */

export interface HourRange {
  start: number;
  end: number;
}

/** The settable part of Config, as one flat record. */
export interface PmoSettings {
  leadIds: string[];
  channelId: string;
  timezone: string;
  workingHours: HourRange;
  workingDays: number[];
  /** A holiday region such as FR; undefined: no public holidays. */
  holidays: string | undefined;
  checkinAfterDays: number;
  checkinHours: HourRange;
  checkinDays: number[];
  digestCron: string;
  retentionDays: number;
  /** What channel posts (triage, the digest) are written in. */
  language: Language;
}

export type SettingKey = keyof PmoSettings;

/** What leads saved: null where the environment's value applies. */
export type SavedSettings = { [K in SettingKey]: PmoSettings[K] | null };

export const SETTING_KEYS = [
  'leadIds',
  'channelId',
  'timezone',
  'workingHours',
  'workingDays',
  'holidays',
  'checkinAfterDays',
  'checkinHours',
  'checkinDays',
  'digestCron',
  'retentionDays',
  'language',
] as const satisfies readonly SettingKey[];

/** Each setting in a lead's words (the audit log's line). */
export const SETTING_WORDS: Record<SettingKey, string> = {
  leadIds: 'leads',
  channelId: 'channel',
  timezone: 'time zone',
  workingHours: 'working hours',
  workingDays: 'working days',
  holidays: 'holidays',
  checkinAfterDays: 'check-in delay',
  checkinHours: 'check-in hours',
  checkinDays: 'check-in days',
  digestCron: 'digest',
  retentionDays: 'retention',
  language: 'language',
};

/** Nothing saved: every setting follows the environment. */
export const NOTHING_SAVED: SavedSettings = Object.freeze(
  Object.fromEntries(SETTING_KEYS.map((k) => [k, null])) as SavedSettings,
);

/** The settings as the environment gives them. */
export function envSettings(config: Config): PmoSettings {
  return {
    leadIds: [...config.pmo.leadIds],
    channelId: config.pmo.channelId,
    timezone: config.pmo.timezone,
    workingHours: config.calendar.hours,
    workingDays: config.calendar.days,
    holidays: config.calendar.holidays,
    checkinAfterDays: config.checkins.afterDays,
    checkinHours: config.checkins.hours,
    checkinDays: config.checkins.days,
    digestCron: config.schedule.digestCron,
    retentionDays: config.privacy.retentionDays,
    language: config.pmo.language,
  };
}

/** PMO_LEAD_IDS first, then the leads added in Slack; each once. Never empty: PMO_LEAD_IDS needs one. */
export function leadsOf(envLeads: readonly string[], savedLeads: readonly string[] | null): string[] {
  return [...new Set([...envLeads, ...(savedLeads ?? [])])];
}

/** Env overlaid by what was saved (leads: added to the env's). */
export function effectiveSettings(env: PmoSettings, saved: SavedSettings): PmoSettings {
  const out = { ...env };
  for (const key of SETTING_KEYS) {
    const value = saved[key];
    if (value !== null) (out as Record<SettingKey, unknown>)[key] = value;
  }
  out.leadIds = leadsOf(env.leadIds, saved.leadIds);
  return out;
}

/** The app's Config with its settable sections replaced by these settings. */
export function configWith(config: Config, s: PmoSettings): Config {
  return Object.freeze({
    ...config,
    pmo: {
      ...config.pmo,
      leadIds: s.leadIds,
      channelId: s.channelId,
      timezone: s.timezone,
      language: s.language,
    },
    calendar: {
      ...config.calendar,
      timezone: s.timezone,
      hours: s.workingHours,
      days: s.workingDays,
      holidays: s.holidays,
    },
    checkins: {
      ...config.checkins,
      afterDays: s.checkinAfterDays,
      hours: s.checkinHours,
      days: s.checkinDays,
    },
    schedule: { ...config.schedule, digestCron: s.digestCron },
    privacy: { ...config.privacy, retentionDays: s.retentionDays },
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What to save for the settings a lead chose: null where the choice is the environment's value,
 * so a setting nobody changed keeps following the environment (an operator's later change to
 * it applies). Leads: only those beyond PMO_LEAD_IDS are saved.
 */
export function toSave(env: PmoSettings, chosen: PmoSettings): SavedSettings {
  const saved = { ...NOTHING_SAVED } as Record<SettingKey, unknown>;
  for (const key of SETTING_KEYS) {
    if (key === 'leadIds') continue;
    saved[key] = same(env[key], chosen[key]) ? null : chosen[key];
  }
  // A saved `holidays` of undefined is "no public holidays" where the environment names a region.
  const added = chosen.leadIds.filter((id) => !env.leadIds.includes(id));
  saved.leadIds = added.length ? added : null;
  return saved as SavedSettings;
}

/** The leads a lead chose in the form, checked: PMO_LEAD_IDS's leads cannot be removed in Slack. */
export function checkLeads(
  envLeads: readonly string[],
  chosen: readonly string[],
): { ok: true; leadIds: string[] } | { ok: false; error: string } {
  const removed = envLeads.filter((id) => !chosen.includes(id));
  if (removed.length)
    return {
      ok: false,
      error: `${removed.map((id) => `<@${id}>`).join(', ')} ${removed.length > 1 ? 'are' : 'is'} named in PMO_LEAD_IDS and always ${removed.length > 1 ? 'stay leads' : 'stays a lead'}; whoever runs the app can change that list.`,
    };
  return { ok: true, leadIds: leadsOf(envLeads, chosen) };
}

/** Each setting whose value differs, from → to (what the audit log records). */
export function changesBetween(
  before: PmoSettings,
  after: PmoSettings,
): Partial<Record<SettingKey, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<SettingKey, { from: unknown; to: unknown }>> = {};
  for (const key of SETTING_KEYS) {
    if (!same(before[key], after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

// --- the digest's day and time ---------------------------------------------------------------

export interface WeeklyTime {
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  day: number;
  hour: number;
  minute: number;
}

/** Friday 15:00 → "0 15 * * 5" (cron's Sunday is 0). */
export function weeklyCron(t: WeeklyTime): string {
  return `${t.minute} ${t.hour} * * ${t.day % 7}`;
}

/**
 * The day and time of a cron expression that fires once a week ("0 9 * * 1", "30 15 * * FRI"),
 * or undefined for any other (several days, every hour, a seconds field): those are left to
 * DIGEST_CRON and cannot be shown as one day and time.
 */
export function weeklyTimeOf(expression: string): WeeklyTime | undefined {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = parts as [string, string, string, string, string];
  if (dom !== '*' || month !== '*' || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return undefined;
  const names = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
  const byName = names.indexOf(dow.toUpperCase());
  const cronDay = /^\d$/.test(dow) ? Number(dow) : byName;
  if (cronDay < 0 || cronDay > 7) return undefined;
  const t = { day: cronDay === 0 ? 7 : cronDay, hour: Number(hour), minute: Number(minute) };
  return t.hour <= 23 && t.minute <= 59 ? t : undefined;
}

// --- in words --------------------------------------------------------------------------------

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const short = (day: number) => (WEEKDAY_NAMES[day - 1] ?? '?').slice(0, 3);
const two = (n: number) => String(n).padStart(2, '0');

/** 9–17 → "09:00–17:00". */
export const hoursText = (h: HourRange): string => `${two(h.start)}:00–${two(h.end)}:00`;

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri". */
export function daysText(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return 'no day';
  const consecutive = sorted.length > 2 && last - first === sorted.length - 1;
  return consecutive ? `${short(first)}–${short(last)}` : sorted.map(short).join(', ');
}

/** "0 15 * * 5" → "Fridays at 15:00"; another expression is shown as it is. */
export function digestText(expression: string): string {
  const t = weeklyTimeOf(expression);
  return t ? `${WEEKDAY_NAMES[t.day - 1]}s at ${two(t.hour)}:${two(t.minute)}` : `\`${expression}\``;
}
