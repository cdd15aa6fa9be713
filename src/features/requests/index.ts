import { defineFeature } from '../../feature';
import { claimButton } from './blocks/steps';
import { requestCommand, statusCommand } from './commands';
import { requestsFeature } from './listeners';
import { requestsText } from './messages';
import { requestOutboxHooks } from './outbox';
import { syncTriagePost } from './triage-post';

/** Value-driven requests: asked for, triaged in the PMO channel, claimed, delivered. */
export const requests = defineFeature(() => ({
  ...requestsFeature,
  subcommands: [requestCommand, statusCommand],
  outbox: requestOutboxHooks,
  catalogues: [requestsText],
  ports: (deps) => ({
    requests: {
      redrawTriagePost: (client, requestId) => syncTriagePost(deps, client, requestId),
      claimButton,
    },
  }),
}));

// What other features may use.
export {
  OPEN_STATUSES,
  type RequestWithService,
  reference,
  STATUS_EMOJI,
  STATUS_LABELS,
  statusLabel,
} from './blocks/common';
export { nextStep, requesterButtons } from './blocks/status-list';
export { claimButton, pmoStepButtons } from './blocks/steps';
export { type DeliveredWork, deliveredWork } from './delivered-work';
export { LIMITS, type RequestForm, requestFormSchema } from './form';
export { perItem } from './ids';
export { pmoTranslator, translatorOf } from './language';
export { requestsText } from './messages';
export { openRequestForm } from './open-form';
export { type FormOrigin, rememberFormOrigin } from './origin';
export { cannotPostIn } from './outbox';
export { type RequestAction, stepsFor } from './policy';
export { listMyRequests, submitRequest } from './service';
export { syncTriagePost } from './triage-post';
export { type Workspace, workspaceOfEvent } from './workspace';
