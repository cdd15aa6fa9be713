/** Slack ids of /pmo coaching, the proposal and the introduction: action, callback and block ids, unique across the app by their prefix. */

export const COACHING_IDS = {
  modal: 'coaching_request_modal',
  focus: 'coaching_focus',
  goals: 'coaching_goals',
  cadence: 'coaching_cadence',
  proposalActions: 'coaching_proposal_actions',
  accept: 'coaching_accept',
  pass: 'coaching_pass',
  endActions: 'coaching_end_actions',
  end: 'coaching_end',
} as const;
