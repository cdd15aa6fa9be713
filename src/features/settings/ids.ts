/** Slack ids of /pmo settings (leads): action, callback and block ids, unique across the app by their prefix. */

export const SETTINGS_IDS = {
  /** The Settings button on a lead's Home. */
  open: 'settings_open',
  modal: 'settings_modal',
  leads: 'settings_leads',
  channel: 'settings_channel',
  timezone: 'settings_timezone',
  workingHours: 'settings_hours',
  workingDays: 'settings_days',
  holidays: 'settings_holidays',
  checkinAfterDays: 'settings_checkin_after',
  checkinHours: 'settings_checkin_hours',
  checkinDays: 'settings_checkin_days',
  digestDay: 'settings_digest_day',
  digestTime: 'settings_digest_time',
  retentionDays: 'settings_retention',
  language: 'settings_language',
} as const;
