import { defineFeature } from '../../feature';
import { requestCommand, statusCommand } from './commands';
import { requestsFeature } from './listeners';
import { requestOutboxHooks } from './outbox';

/** Value-driven requests: asked for, triaged in the PMO channel, claimed, delivered. */
export const requests = defineFeature({
  ...requestsFeature,
  subcommands: [requestCommand, statusCommand],
  outbox: requestOutboxHooks,
});
