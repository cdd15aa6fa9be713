import { defineFeature } from '../../feature';
import { digestCommand } from './commands';
import { digestRunKey, runDigestJob } from './job';
import { digestOutboxHooks } from './outbox';

/** The leads' weekly digest: demand, flow, value, engagement and trends. */
export const digest = defineFeature({
  name: 'digest',
  subcommands: [digestCommand],
  outbox: digestOutboxHooks,
  jobs: [{ name: 'digest', schedule: (c) => c.schedule.digestCron, runKey: digestRunKey, run: runDigestJob }],
});
