import type { Feature } from '../../slack/kit';
import { requestForm, serviceChosen } from './listeners/request-form';
import { requesterButtons } from './listeners/requester-buttons';
import { requesterForms } from './listeners/requester-forms';
import { triageButtons } from './listeners/triage-buttons';
import { triageForms } from './listeners/triage-forms';

/**
 * Requests in Slack: the form, the requester's buttons (in their DMs, `/pmo status` and Home)
 * and the triage post's buttons and modals. Every click names a request id; each step re-reads
 * the request and lets the conditional update decide, so a forged or stale click changes nothing.
 */
export const requestsFeature: Feature = {
  name: 'requests',
  actions: [...triageButtons, ...requesterButtons, serviceChosen],
  views: [requestForm, ...requesterForms, ...triageForms],
};
