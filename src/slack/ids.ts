/**
 * Every action_id, callback_id and block_id the app uses, in one place, grouped by feature.
 * Each feature keeps its ids under its own prefix so listeners and views never disagree.
 */

// --- consent: /pmo optin modal ------------------------------------------------------------
export const CONSENT_IDS = {
  modal: 'consent_optin_modal',
  topics: 'consent_topics',
  cap: 'consent_cap',
  pause: 'consent_pause',
} as const;

// --- invitations: /pmo invite, the invitation DM, the open announcement --------------------
export const INVITE_IDS = {
  composeModal: 'invite_compose_modal',
  confirmModal: 'invite_confirm_modal',
  title: 'invite_title',
  message: 'invite_message',
  topics: 'invite_topics',
  date: 'invite_date',
  link: 'invite_link',
  seats: 'invite_seats',
  deadline: 'invite_deadline',
  mode: 'invite_mode',
  channel: 'invite_channel',
  /** Buttons in the invitation DM; the value is the invitation id. */
  dmActions: 'invite_dm_actions',
  pause: 'invite_pause',
  optOutTopic: 'invite_optout_topic',
  /** "Opt me in" on an open announcement; the value is the invitation id. */
  announceActions: 'invite_announce_actions',
  announceOptIn: 'invite_announce_optin',
} as const;

// --- RSVPs on an invitation DM ---------------------------------------------------------------
export const RSVP_IDS = {
  going: 'rsvp_going',
  decline: 'rsvp_decline',
} as const;

// --- coaching: /pmo coaching, the coach's proposal, the introduction ---------------------------
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

// --- topics: /pmo topics (leads) -------------------------------------------------------------
export const TOPIC_IDS = {
  listModal: 'topic_list_modal',
  formModal: 'topic_form_modal',
  add: 'topic_add',
  /** One Edit button per topic: `topic_edit_<id>` (action ids are unique per surface). */
  editPrefix: 'topic_edit_',
  name: 'topic_name',
  description: 'topic_description',
  status: 'topic_status',
} as const;
