import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { LANGUAGE_NAMES, LANGUAGES, type Translator, translatorFor } from '../../i18n';
import { hoursText, type PmoSettings, weeklyTimeOf } from '../../settings/settings';
import {
  actions,
  type Block,
  button,
  channelRef,
  context,
  fields,
  header,
  mention,
  option,
  plain,
  safe,
} from '../../slack/kit/blocks';
import { DIGEST_TIMES, digestChoice } from './form';
import { SETTINGS_IDS } from './ids';
import { settingsText } from './messages';

/** The settings modal and the settings as a lead's Home shows them. Pure. */

const mentions = (tr: Translator, ids: readonly string[], max = 20) => {
  if (!ids.length) return '—';
  const list = ids.slice(0, max).map(mention).join(', ');
  return ids.length > max ? tr.t(settingsText, 'mentionsMore', { list, count: ids.length - max }) : list;
};

const DAYS = [1, 2, 3, 4, 5, 6, 7];
const two = (n: number) => String(n).padStart(2, '0');

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri" (src/settings' rule, in the reader's words). */
export function daysText(tr: Translator, days: readonly number[]): string {
  const short = (day: number) => tr.t(settingsText, 'weekdayShort', { day: String(day) });
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return tr.t(settingsText, 'noDay');
  const consecutive = sorted.length > 2 && last - first === sorted.length - 1;
  return consecutive ? `${short(first)}–${short(last)}` : sorted.map(short).join(', ');
}

/** "0 15 * * 5" → "Fridays at 15:00"; another expression is shown as it is. */
export function digestText(tr: Translator, expression: string): string {
  const t = weeklyTimeOf(expression);
  return t
    ? tr.t(settingsText, 'digestWeekly', { day: String(t.day), time: `${two(t.hour)}:${two(t.minute)}` })
    : `\`${expression}\``;
}

const input = (
  blockId: string,
  label: string,
  element: InputBlock['element'],
  opts: { hint?: string; optional?: boolean } = {},
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plain(label, 2000),
  element,
  ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
  ...(opts.optional ? { optional: true } : {}),
});

const textInput = (blockId: string, value: string, placeholder: string) =>
  ({
    type: 'plain_text_input',
    action_id: blockId,
    initial_value: value,
    max_length: 100,
    placeholder: plain(placeholder, 150),
  }) as const;

const dayOptionsOf = (tr: Translator): PlainTextOption[] =>
  DAYS.map((day) => option(tr.t(settingsText, 'weekday', { day: String(day) }), String(day)));

const checkboxes = (dayOptions: PlainTextOption[], blockId: string, days: readonly number[]) => {
  const initial = dayOptions.filter((o) => days.includes(Number(o.value)));
  return {
    type: 'checkboxes',
    action_id: blockId,
    options: dayOptions,
    ...(initial.length ? { initial_options: initial } : {}),
  } as const;
};

const hoursValue = (h: { start: number; end: number }) =>
  `${String(h.start).padStart(2, '0')}-${String(h.end).padStart(2, '0')}`;

export interface SettingsModalInput {
  settings: PmoSettings;
  /** PMO_LEAD_IDS: always leads. */
  envLeads: readonly string[];
  version: number;
  command: string;
}

export function renderSettingsModal(
  tr: Translator,
  { settings: s, envLeads, version, command }: SettingsModalInput,
): ModalView {
  const t = tr.of(settingsText);
  const dayOptions = dayOptionsOf(tr);
  const digest = digestChoice(s.digestCron);
  const digestShown = digest && DIGEST_TIMES.includes(digest.time) ? digest : undefined;
  const blocks: Block[] = [
    context(t('intro', { command })),
    input(
      SETTINGS_IDS.leads,
      t('leadsLabel'),
      { type: 'multi_users_select', action_id: SETTINGS_IDS.leads, initial_users: s.leadIds.slice(0, 100) },
      {
        hint: t('leadsHint'),
      },
    ),
    context(t('envLeads', { leads: mentions(tr, envLeads) })),
    input(
      SETTINGS_IDS.channel,
      t('channelLabel'),
      {
        type: 'conversations_select',
        action_id: SETTINGS_IDS.channel,
        initial_conversation: s.channelId,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
      { hint: t('channelHint') },
    ),
    header(t('headerCalendar')),
    input(
      SETTINGS_IDS.timezone,
      t('timezoneLabel'),
      textInput(SETTINGS_IDS.timezone, s.timezone, 'Europe/Paris'),
    ),
    input(
      SETTINGS_IDS.workingHours,
      t('workingHoursLabel'),
      textInput(SETTINGS_IDS.workingHours, hoursValue(s.workingHours), '09-17'),
      { hint: t('workingHoursHint') },
    ),
    input(
      SETTINGS_IDS.workingDays,
      t('workingDaysLabel'),
      checkboxes(dayOptions, SETTINGS_IDS.workingDays, s.workingDays),
    ),
    input(
      SETTINGS_IDS.holidays,
      t('holidaysLabel'),
      {
        type: 'plain_text_input',
        action_id: SETTINGS_IDS.holidays,
        max_length: 20,
        ...(s.holidays ? { initial_value: s.holidays } : {}),
        placeholder: plain('FR, DE-BY, US-CA', 150),
      },
      { optional: true, hint: t('holidaysHint') },
    ),
    header(t('headerCheckins')),
    input(
      SETTINGS_IDS.checkinAfterDays,
      t('checkinAfterLabel'),
      {
        type: 'number_input',
        action_id: SETTINGS_IDS.checkinAfterDays,
        is_decimal_allowed: false,
        min_value: '0',
        max_value: '365',
        initial_value: String(s.checkinAfterDays),
      },
      { hint: t('checkinAfterHint') },
    ),
    input(
      SETTINGS_IDS.checkinHours,
      t('checkinHoursLabel'),
      textInput(SETTINGS_IDS.checkinHours, hoursValue(s.checkinHours), '09-17'),
      { hint: t('checkinHoursHint') },
    ),
    input(
      SETTINGS_IDS.checkinDays,
      t('checkinDaysLabel'),
      checkboxes(dayOptions, SETTINGS_IDS.checkinDays, s.checkinDays),
    ),
    header(t('headerDigest')),
    input(
      SETTINGS_IDS.digestDay,
      t('digestDayLabel'),
      {
        type: 'static_select',
        action_id: SETTINGS_IDS.digestDay,
        options: dayOptions,
        ...(digestShown ? { initial_option: dayOptions[Number(digestShown.day) - 1] } : {}),
      },
      {
        optional: !digestShown,
        ...(digestShown ? {} : { hint: t('digestNowHint', { digest: digestText(tr, s.digestCron) }) }),
      },
    ),
    input(
      SETTINGS_IDS.digestTime,
      t('digestTimeLabel'),
      {
        type: 'static_select',
        action_id: SETTINGS_IDS.digestTime,
        options: DIGEST_TIMES.map((t) => option(t, t)),
        ...(digestShown ? { initial_option: option(digestShown.time, digestShown.time) } : {}),
      },
      { optional: !digestShown, hint: t('digestTimeHint') },
    ),
    input(
      SETTINGS_IDS.language,
      t('languageLabel'),
      {
        type: 'static_select',
        action_id: SETTINGS_IDS.language,
        // Each language in its own name, as people look for theirs.
        options: LANGUAGES.map((l) => option(LANGUAGE_NAMES[l], l)),
        initial_option: option(LANGUAGE_NAMES[s.language], s.language),
      },
      { hint: t('languageHint') },
    ),
    header(t('headerPrivacy')),
    input(
      SETTINGS_IDS.retentionDays,
      t('retentionLabel'),
      {
        type: 'number_input',
        action_id: SETTINGS_IDS.retentionDays,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '36500',
        initial_value: String(s.retentionDays),
      },
      { hint: t('retentionHint') },
    ),
  ];
  return {
    type: 'modal',
    callback_id: SETTINGS_IDS.modal,
    title: plain(t('modalTitle'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    private_metadata: JSON.stringify({ v: version }),
    blocks: blocks as ModalView['blocks'],
  };
}

/** The Settings button (a lead's Home). */
export const settingsButton = (tr: Translator = translatorFor('en')) =>
  button(tr.t(settingsText, 'settingsButton'), SETTINGS_IDS.open, 'settings');

/** The settings at a glance, for a lead's Home. */
export function renderSettingsSummary(
  s: PmoSettings,
  envLeads: readonly string[],
  tr: Translator = translatorFor('en'),
): Block[] {
  const t = tr.of(settingsText);
  const added = s.leadIds.filter((id) => !envLeads.includes(id));
  const hours = hoursText(s.workingHours);
  const days = daysText(tr, s.workingDays);
  return [
    header(t('summaryHeader')),
    fields([
      [t('fieldChannel'), channelRef(s.channelId)],
      [t('fieldTimezone'), safe(s.timezone, 100)],
      [
        t('fieldWorkingHours'),
        s.holidays
          ? t('workingHoursWithHolidays', { hours, days, holidays: safe(s.holidays, 20) })
          : t('workingHoursValue', { hours, days }),
      ],
      [t('fieldDigest'), digestText(tr, s.digestCron)],
      [
        t('fieldCheckins'),
        t('checkinsValue', {
          count: s.checkinAfterDays,
          hours: hoursText(s.checkinHours),
          days: daysText(tr, s.checkinDays),
        }),
      ],
      [t('fieldRetention'), t('retentionValue', { count: s.retentionDays })],
      [t('fieldLanguage'), LANGUAGE_NAMES[s.language]],
    ]),
    context(
      added.length
        ? t('leadsLineAdded', { env: mentions(tr, envLeads), added: mentions(tr, added) })
        : t('leadsLine', { env: mentions(tr, envLeads) }),
    ),
    actions('settings_home', [settingsButton(tr)]),
  ];
}
