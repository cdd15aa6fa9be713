import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { daysText, digestText, hoursText, type PmoSettings, WEEKDAY_NAMES } from '../../settings/settings';
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

/** The settings modal and the settings as a lead's Home shows them. Pure. */

const mentions = (ids: readonly string[], max = 20) =>
  ids.length
    ? `${ids.slice(0, max).map(mention).join(', ')}${ids.length > max ? ` and ${ids.length - max} more` : ''}`
    : '—';

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

const dayOptions: PlainTextOption[] = WEEKDAY_NAMES.map((name, i) => option(name, String(i + 1)));
const chosenDays = (days: readonly number[]) => dayOptions.filter((o) => days.includes(Number(o.value)));

const checkboxes = (blockId: string, days: readonly number[]) => {
  const initial = chosenDays(days);
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

export function renderSettingsModal({
  settings: s,
  envLeads,
  version,
  command,
}: SettingsModalInput): ModalView {
  const digest = digestChoice(s.digestCron);
  const digestShown = digest && DIGEST_TIMES.includes(digest.time) ? digest : undefined;
  const blocks: Block[] = [
    context(
      'The environment’s values apply until a lead changes them here; what you save applies to every replica within a minute and is recorded in `' +
        `${command} audit\`.`,
    ),
    input(
      SETTINGS_IDS.leads,
      'PMO leads',
      { type: 'multi_users_select', action_id: SETTINGS_IDS.leads, initial_users: s.leadIds.slice(0, 100) },
      {
        hint: 'Leads manage the PMO: the team, the catalogue, these settings. At least one lead always remains.',
      },
    ),
    context(`Always leads, set by whoever runs the app (PMO_LEAD_IDS): ${mentions(envLeads)}`),
    input(
      SETTINGS_IDS.channel,
      'PMO channel',
      {
        type: 'conversations_select',
        action_id: SETTINGS_IDS.channel,
        initial_conversation: s.channelId,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
      { hint: 'Triage posts and the digest go here. Invite the app to the channel first (/invite).' },
    ),
    header('Working calendar'),
    input(
      SETTINGS_IDS.timezone,
      'PMO time zone',
      textInput(SETTINGS_IDS.timezone, s.timezone, 'Europe/Paris'),
    ),
    input(
      SETTINGS_IDS.workingHours,
      'Working hours',
      textInput(SETTINGS_IDS.workingHours, hoursValue(s.workingHours), '09-17'),
      { hint: 'Start and end hour, e.g. 09-17 (the end hour is not worked).' },
    ),
    input(SETTINGS_IDS.workingDays, 'Working days', checkboxes(SETTINGS_IDS.workingDays, s.workingDays)),
    input(
      SETTINGS_IDS.holidays,
      'Public holidays',
      {
        type: 'plain_text_input',
        action_id: SETTINGS_IDS.holidays,
        max_length: 20,
        ...(s.holidays ? { initial_value: s.holidays } : {}),
        placeholder: plain('FR, DE-BY, US-CA', 150),
      },
      { optional: true, hint: 'A country or country-region code; leave empty for none.' },
    ),
    header('Check-ins'),
    input(
      SETTINGS_IDS.checkinAfterDays,
      'Days after a delivery',
      {
        type: 'number_input',
        action_id: SETTINGS_IDS.checkinAfterDays,
        is_decimal_allowed: false,
        min_value: '0',
        max_value: '365',
        initial_value: String(s.checkinAfterDays),
      },
      { hint: 'How long after a delivery the requester is asked whether it helped.' },
    ),
    input(
      SETTINGS_IDS.checkinHours,
      'Check-in hours',
      textInput(SETTINGS_IDS.checkinHours, hoursValue(s.checkinHours), '09-17'),
      { hint: 'In each person’s own time zone.' },
    ),
    input(SETTINGS_IDS.checkinDays, 'Check-in days', checkboxes(SETTINGS_IDS.checkinDays, s.checkinDays)),
    header('Weekly digest'),
    input(
      SETTINGS_IDS.digestDay,
      'Day',
      {
        type: 'static_select',
        action_id: SETTINGS_IDS.digestDay,
        options: dayOptions,
        ...(digestShown ? { initial_option: dayOptions[Number(digestShown.day) - 1] } : {}),
      },
      {
        optional: !digestShown,
        ...(digestShown ? {} : { hint: `Now ${digestText(s.digestCron)}; leave empty to keep it.` }),
      },
    ),
    input(
      SETTINGS_IDS.digestTime,
      'Time',
      {
        type: 'static_select',
        action_id: SETTINGS_IDS.digestTime,
        options: DIGEST_TIMES.map((t) => option(t, t)),
        ...(digestShown ? { initial_option: option(digestShown.time, digestShown.time) } : {}),
      },
      { optional: !digestShown, hint: 'In the PMO’s time zone.' },
    ),
    header('Privacy'),
    input(
      SETTINGS_IDS.retentionDays,
      'Keep closed requests’ text for (days)',
      {
        type: 'number_input',
        action_id: SETTINGS_IDS.retentionDays,
        is_decimal_allowed: false,
        min_value: '1',
        max_value: '36500',
        initial_value: String(s.retentionDays),
      },
      { hint: 'After this, closed requests and feedback lose their free text and who wrote it.' },
    ),
  ];
  return {
    type: 'modal',
    callback_id: SETTINGS_IDS.modal,
    title: plain('PMO settings', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({ v: version }),
    blocks: blocks as ModalView['blocks'],
  };
}

/** The Settings button (a lead's Home). */
export const settingsButton = () => button('Settings', SETTINGS_IDS.open, 'settings');

/** The settings at a glance, for a lead's Home. */
export function renderSettingsSummary(s: PmoSettings, envLeads: readonly string[]): Block[] {
  const added = s.leadIds.filter((id) => !envLeads.includes(id));
  return [
    header('PMO settings'),
    fields([
      ['Channel', channelRef(s.channelId)],
      ['Time zone', safe(s.timezone, 100)],
      [
        'Working hours',
        `${hoursText(s.workingHours)}, ${daysText(s.workingDays)}${s.holidays ? ` · holidays ${safe(s.holidays, 20)}` : ''}`,
      ],
      ['Digest', digestText(s.digestCron)],
      [
        'Check-ins',
        `${s.checkinAfterDays} day${s.checkinAfterDays === 1 ? '' : 's'} after delivery, ${hoursText(s.checkinHours)}, ${daysText(s.checkinDays)}`,
      ],
      ['Retention', `${s.retentionDays} days`],
    ]),
    context(`Leads: ${mentions(envLeads)} (PMO_LEAD_IDS)${added.length ? ` · ${mentions(added)}` : ''}`),
    actions('settings_home', [settingsButton()]),
  ];
}
