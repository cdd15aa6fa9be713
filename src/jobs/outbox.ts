import type { ScheduledJob } from './registry';

/** Delivers everything due in the outbox (the sender's claims make concurrent drains safe). */
export const outboxJob: ScheduledJob = {
  name: 'outbox',
  schedule: (config) => config.schedule.outboxCron,
  run: (deps) => deps.outbox.drain(),
};
