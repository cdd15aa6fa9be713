/** Slack ids of the calendar feature (away, quiet after silence): unique across the app by their prefix. */

export const CALENDAR_IDS = {
  /** Home: "Away…" opens the away modal; "I'm back" clears it. */
  awayOpen: 'calendar_away_open',
  awayClear: 'calendar_away_clear',
  awayModal: 'calendar_away_modal',
  awayFirstDay: 'calendar_away_first_day',
  awayLastDay: 'calendar_away_last_day',
  /** "Still interested?": the value is the silence check's id. */
  stillActions: 'calendar_still_actions',
  stillKeep: 'calendar_still_keep',
  stillPause: 'calendar_still_pause',
  stillOptOut: 'calendar_still_optout',
  queueBlock: 'calendar_queue',
} as const;
