/** Slack ids of buttons only the Home tab has: action, callback and block ids, unique across the app by their prefix. */

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
} as const;
