import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { registerCoachingSubmit } from './coaching-submit';
import { registerInviteComposeSubmit } from './invite-compose-submit';
import { registerInviteConfirmSubmit } from './invite-confirm-submit';
import { registerOptinSubmit } from './optin-submit';
import { registerTopicFormSubmit } from './topic-form-submit';

/** Modal submissions of the invitation feature: consent, invitations, coaching, topics. */
export function registerInvitationViews(app: App, deps: Deps): void {
  registerOptinSubmit(app, deps);
  registerInviteComposeSubmit(app, deps);
  registerInviteConfirmSubmit(app, deps);
  registerCoachingSubmit(app, deps);
  registerTopicFormSubmit(app, deps);
}
