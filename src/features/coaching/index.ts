import { defineFeature } from '../../feature';
import { coachingCommand } from './commands';
import { endCoachingOnOptOut } from './end';
import { coachingFeature } from './listeners';
import { coachingText } from './messages';
import { coachingOutboxHooks } from './outbox';

/** Coaching and mentoring: people who opted in are matched with a member who has the skill. */
export const coaching = defineFeature(() => ({
  ...coachingFeature,
  subcommands: [coachingCommand],
  outbox: coachingOutboxHooks,
  catalogues: [coachingText],
  ports: () => ({ coaching: { endOnOptOut: endCoachingOnOptOut } }),
}));

// What other features may use.
export type { EngagementView } from './blocks';
export { COACHING_IDS } from './ids';
export { loadEngagementView, openEngagementOf } from './service';
