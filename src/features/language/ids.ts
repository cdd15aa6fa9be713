/** Action ids of the language picker (a public contract: Slack sends them back). */
export const LANGUAGE_IDS = {
  /** One button per language (value: en, fr, de, es) and one to follow Slack (value: auto). */
  choose: 'language_choose',
} as const;

/** What `auto` means everywhere: no choice of one's own, the Slack locale decides. */
export const FOLLOW_SLACK = 'auto';
