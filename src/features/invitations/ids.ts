/** Slack ids of /pmo invite, the invitation DM and the open announcement: action, callback and block ids, unique across the app by their prefix. */

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

export const RSVP_IDS = {
  going: 'rsvp_going',
  decline: 'rsvp_decline',
} as const;
