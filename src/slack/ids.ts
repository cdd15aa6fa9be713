/**
 * Every action_id, callback_id and block_id the app uses, in one place, grouped by feature.
 * Each feature keeps its ids under its own prefix so listeners and views never disagree.
 */

// --- requests: the request form, the requester's buttons ------------------------------------
export const REQUEST_IDS = {
  modal: 'request_modal',
  editModal: 'request_edit_modal',
  replyModal: 'request_reply_modal',
  service: 'request_service',
  project: 'request_project',
  need: 'request_need',
  value: 'request_value',
  neededBy: 'request_needed_by',
  impact: 'request_impact',
  link: 'request_link',
  answer: 'request_answer',
  requesterActions: 'request_requester_actions',
  /** Buttons in the requester's DMs; the value is the request id (or question id for reply). */
  edit: 'request_edit',
  cancel: 'request_cancel',
  close: 'request_close',
  reopen: 'request_reopen',
  reply: 'request_reply',
} as const;

// --- triage: the post in the PMO channel and its modals --------------------------------------
export const TRIAGE_IDS = {
  actions: 'triage_actions',
  claim: 'triage_claim',
  assign: 'triage_assign',
  ask: 'triage_ask',
  decline: 'triage_decline',
  start: 'triage_start',
  deliver: 'triage_deliver',
  unclaim: 'triage_unclaim',
  assignModal: 'triage_assign_modal',
  deliverModal: 'triage_deliver_modal',
  declineModal: 'triage_decline_modal',
  askModal: 'triage_ask_modal',
  assignee: 'triage_assignee',
  delivered: 'triage_delivered',
  links: 'triage_links',
  reason: 'triage_reason',
  question: 'triage_question',
} as const;

// --- /pmo status: one row of buttons per request, so the request id is in the action_id ----
export const STATUS_IDS = {
  /** `status_edit:<id>` etc.: action ids must be unique within one message. */
  editPrefix: 'status_edit:',
  cancelPrefix: 'status_cancel:',
  closePrefix: 'status_close:',
  reopenPrefix: 'status_reopen:',
  edit: /^status_edit:\d+$/,
  cancel: /^status_cancel:\d+$/,
  close: /^status_close:\d+$/,
  reopen: /^status_reopen:\d+$/,
} as const;

// --- /pmo catalog (leads) ----------------------------------------------------------------
export const CATALOG_IDS = {
  add: 'catalog_add',
  editPrefix: 'catalog_edit:',
  retirePrefix: 'catalog_retire:',
  restorePrefix: 'catalog_restore:',
  edit: /^catalog_edit:\d+$/,
  retire: /^catalog_retire:\d+$/,
  restore: /^catalog_restore:\d+$/,
  modal: 'catalog_modal',
  name: 'catalog_name',
  description: 'catalog_description',
} as const;

// --- /pmo team (leads) ---------------------------------------------------------------------
export const TEAM_IDS = {
  add: 'team_add',
  editPrefix: 'team_edit:',
  removePrefix: 'team_remove:',
  edit: /^team_edit:[UW][A-Z0-9]+$/,
  remove: /^team_remove:[UW][A-Z0-9]+$/,
  modal: 'team_modal',
  user: 'team_user',
  skills: 'team_skills',
  capacity: 'team_capacity',
} as const;

// --- check-ins -----------------------------------------------------------------------------

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
  outcomeBlock: 'checkin_outcome',
  outcomeInput: 'checkin_outcome_input',
  outcomeNoteBlock: 'checkin_outcome_note',
  outcomeNoteInput: 'checkin_outcome_note_input',
} as const;

export const checkinRateAction = (rating: number): string => `${CHECKIN_IDS.ratePrefix}${rating}`;
export const CHECKIN_RATE_ACTION_RE = /^checkin_rate_[1-5]$/;

// --- digest --------------------------------------------------------------------------------

export const DIGEST_IDS = {
  summaryBlock: 'digest_summary',
  flowBlock: 'digest_flow',
  valueBlock: 'digest_value',
  engagementBlock: 'digest_engagement',
} as const;

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

// --- App Home (issue 6): buttons only Home has; everything else reuses the ids above --------
export const HOME_IDS = {
  newRequest: 'home_new_request',
  /** One toggle per topic: `home_topic_in:<id>` / `home_topic_out:<id>` (unique per surface). */
  topicInPrefix: 'home_topic_in:',
  topicOutPrefix: 'home_topic_out:',
  topicIn: /^home_topic_in:\d+$/,
  topicOut: /^home_topic_out:\d+$/,
  pause: 'home_pause',
  resume: 'home_resume',
  /** "Show more" per list: `home_more:<list>`; the value is the list's name too. */
  morePrefix: 'home_more:',
  more: /^home_more:[a-z_]+$/,
  moreModal: 'home_more_modal',
  manageCatalog: 'home_manage_catalog',
  manageTopics: 'home_manage_topics',
  manageTeam: 'home_manage_team',
  adminModal: 'home_admin_modal',
} as const;

/**
 * Home lists many requests on one surface, and action ids must be unique per surface, so a
 * per-request button there is `<action id>:<request id>` (e.g. `triage_claim:42`). The triage
 * listeners answer both forms: one listener, one code path.
 */
export const perItem = (actionId: string, id: number | string): string => `${actionId}:${id}`;
export const perItemPattern = (actionId: string): RegExp => new RegExp(`^${actionId}:\\d+$`);
