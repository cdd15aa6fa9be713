/** Slack ids of /pmo optin and /pmo topics: action, callback and block ids, unique across the app by their prefix. */

export const CONSENT_IDS = {
  modal: 'consent_optin_modal',
  topics: 'consent_topics',
  cap: 'consent_cap',
  pause: 'consent_pause',
} as const;

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
