import { defineFeature } from '../../feature';
import { optinCommand, optoutCommand, topicsCommand } from './commands';
import { consentFeature } from './listeners';
import { consentText } from './messages';

/** Opt in per topic, opt out or pause in one click: nobody is invited who did not ask. */
export const consent = defineFeature(() => ({
  ...consentFeature,
  subcommands: [optinCommand, optoutCommand, topicsCommand],
  catalogues: [consentText],
}));

// What other features may use.
export { capLabel, renderOptOutAnswer } from './blocks';
export { CAPS, DEFAULT_CAP } from './caps';
export {
  type ConsentDeps,
  type ConsentState,
  getConsentState,
  type OptOutResult,
  optIn,
  optInTx,
  optOut,
  pause,
} from './service';
export { COACHING_TOPIC_SLUG, getTopic, listTopics, topicBySlug } from './topics';
export { renderTopicList } from './topics-blocks';
