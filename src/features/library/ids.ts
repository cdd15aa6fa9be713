/** Slack ids of the PMO library: action, callback and block ids, unique across the app by their prefix. */

export const LIBRARY_IDS = {
  /** The ⚡ global shortcut "Browse the PMO library" (manifest.yml). */
  shortcut: 'pmo_library',
  /** One button of each kind per entry in a list: `<prefix><entry id>`. */
  openPrefix: 'library_open:',
  adoptPrefix: 'library_adopt:',
  ratePrefix: 'library_rate:',
  editPrefix: 'library_edit:',
  publishPrefix: 'library_publish:',
  retirePrefix: 'library_retire:',
  /** "This solved it" on an entry suggested in the request form. */
  solvedPrefix: 'library_solved:',
  open: /^library_open:\d+$/,
  adopt: /^library_adopt:\d+$/,
  rate: /^library_rate:\d+$/,
  edit: /^library_edit:\d+$/,
  publish: /^library_publish:\d+$/,
  retire: /^library_retire:\d+$/,
  solved: /^library_solved:\d+$/,
  /** "Save what you made for others" on a delivered request: `<prefix><request id>`. */
  saveFromPrefix: 'library_save_from:',
  saveFrom: /^library_save_from:\d+$/,
  /** The owner's review DM: keep as it is for six months, or retire (Edit is `edit`). */
  keepPrefix: 'library_keep:',
  keep: /^library_keep:\d+$/,
  reviewRetirePrefix: 'library_review_retire:',
  reviewRetire: /^library_review_retire:\d+$/,
  /** The entry form (add and edit). */
  formModal: 'library_form_modal',
  kind: 'library_kind',
  title: 'library_title',
  summary: 'library_summary',
  body: 'library_body',
  link: 'library_link',
  topics: 'library_topics',
  services: 'library_services',
  /** An entry, opened. */
  entryModal: 'library_entry_modal',
  /** "We use this". */
  adoptModal: 'library_adopt_modal',
  team: 'library_team',
  /** "Useful?". */
  rateModal: 'library_rate_modal',
  useful: 'library_useful',
  comment: 'library_comment',
  /** The shortcut's modal: search words, and filters by kind, topic and service. */
  browseModal: 'library_browse_modal',
  words: 'library_words',
  kindFilter: 'library_kind_filter',
  topicFilter: 'library_topic_filter',
  serviceFilter: 'library_service_filter',
  /** "New in the PMO library" DM: stop these (opt out of its topics) or pause, `<prefix><dm id>`. */
  newsStopPrefix: 'library_news_stop:',
  newsPausePrefix: 'library_news_pause:',
  newsStop: /^library_news_stop:\d+$/,
  newsPause: /^library_news_pause:\d+$/,
} as const;
