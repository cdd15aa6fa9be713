import { defineFeature } from '../../feature';
import { coachingCommand } from './commands';
import { coachingFeature } from './listeners';
import { coachingOutboxHooks } from './outbox';

/** Coaching and mentoring: people who opted in are matched with a member who has the skill. */
export const coaching = defineFeature({
  ...coachingFeature,
  subcommands: [coachingCommand],
  outbox: coachingOutboxHooks,
});
