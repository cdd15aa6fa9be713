/** Slack ids of check-in DMs and their modals: action, callback and block ids, unique across the app by their prefix. */

export const CHECKIN_IDS = {
  /** Buttons 1–5 in the check-in DM: `checkin_rate_1` … `checkin_rate_5` (unique per message). */
  ratePrefix: 'checkin_rate_',
  rateBlock: 'checkin_rate',
  /** The optional "tell us more" modal after a rating. */
  detailsView: 'checkin_details',
  whatChangedBlock: 'checkin_what_changed',
  whatChangedInput: 'checkin_what_changed_input',
  couldBeBetterBlock: 'checkin_could_be_better',
  couldBeBetterInput: 'checkin_could_be_better_input',
  followupBlock: 'checkin_followup',
  followupInput: 'checkin_followup_input',
  /** The follow-up DM ("Did it change anything?") and its modal. */
  followupOpen: 'checkin_followup_open',
  followupOpenBlock: 'checkin_followup_actions',
  followupView: 'checkin_followup_answer',
  /** "You expected: …. Did it happen?" (benefits realised). */
  realisedBlock: 'checkin_realised',
  realisedInput: 'checkin_realised_input',
  outcomeBlock: 'checkin_outcome',
  outcomeInput: 'checkin_outcome_input',
  outcomeNoteBlock: 'checkin_outcome_note',
  outcomeNoteInput: 'checkin_outcome_note_input',
} as const;

export const checkinRateAction = (rating: number): string => `${CHECKIN_IDS.ratePrefix}${rating}`;

export const CHECKIN_RATE_ACTION_RE = /^checkin_rate_[1-5]$/;
