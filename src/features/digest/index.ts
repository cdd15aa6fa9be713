import { defineFeature } from '../../feature';
import { digestCommand } from './commands';
import { digestRunKey, runDigestJob } from './job';
import { digestText } from './messages';
import { digestOutboxHooks } from './outbox';

/** The leads' weekly digest: demand, flow, value, engagement and trends. */
export const digest = defineFeature(() => ({
  name: 'digest',
  subcommands: [digestCommand],
  catalogues: [digestText],
  outbox: digestOutboxHooks,
  jobs: [{ name: 'digest', schedule: (c) => c.schedule.digestCron, runKey: digestRunKey, run: runDigestJob }],
}));

// What other features may use.
export { REALISED_ANSWERS } from './benefits';
export { benefitsSummary, monthName, periodLabel } from './blocks';
export { type DigestFigures, digestFigures, FIGURES_MAX_AGE_MS } from './figures';
export { digestText } from './messages';
export {
  computeDigest,
  type DigestData,
  type DigestPeriod,
  digestPeriod,
  MIN_PEOPLE_FOR_COMMENTS,
} from './service';
