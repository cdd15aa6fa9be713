import { defineFeature } from '../../feature';
import { requestCommand, statusCommand } from './commands';
import { requestsFeature } from './listeners';
import { requestOutboxHooks } from './outbox';

/** Value-driven requests: asked for, triaged in the PMO channel, claimed, delivered. */
export const requests = defineFeature(() => ({
  ...requestsFeature,
  subcommands: [requestCommand, statusCommand],
  outbox: requestOutboxHooks,
}));

// What other features may use.
export {
  channelRef,
  mention,
  OPEN_STATUSES,
  type RequestWithService,
  reference,
  STATUS_EMOJI,
  STATUS_LABELS,
} from './blocks/common';
export { nextStep, requesterButtons } from './blocks/status-list';
export { pmoStepButtons } from './blocks/steps';
export { LIMITS, type RequestForm, requestFormSchema } from './form';
export { perItem } from './ids';
export { openRequestForm } from './open-form';
export { type FormOrigin, rememberFormOrigin } from './origin';
export { cannotPostIn } from './outbox';
export { type RequestAction, stepsFor } from './policy';
export { listMyRequests, submitRequest } from './service';
export { syncTriagePost } from './triage-post';
