import { defineFeature } from '../../feature';
import { minuteSlot } from '../../jobs/registry';
import { runCheckinsJob } from './job';
import { checkinsFeature } from './listeners';
import { checkinsText } from './messages';
import { checkinOutboxHooks } from './outbox';

/** After delivery: did the value land? Asked once, in the requester's working hours. */
export const checkins = defineFeature(() => ({
  ...checkinsFeature,
  outbox: (deps) => checkinOutboxHooks(deps),
  catalogues: [checkinsText],
  jobs: [
    { name: 'checkins', schedule: (c) => c.schedule.checkinCron, runKey: minuteSlot, run: runCheckinsJob },
  ],
}));

// What other features may use.
export { type CheckinSubject, renderCheckinAsk } from './blocks';
export { checkinsText } from './messages';
export { loadSubject } from './service';
