import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerCatalogViews } from './catalog';
import { registerCheckinDetails } from './checkin-details';
import { registerCheckinFollowup } from './checkin-followup';
import { registerInvitationViews } from './invitations';
import { registerRequesterViews } from './request-edit';
import { registerRequestFormView } from './request-form';
import { registerTeamViews } from './team';
import { registerTriageViews } from './triage';

/** Modal submissions, one file per feature, registered here. */
export function registerViews(app: App, deps: Deps): void {
  registerRequestFormView(app, deps);
  registerRequesterViews(app, deps);
  registerTriageViews(app, deps);
  registerCatalogViews(app, deps);
  registerTeamViews(app, deps);
  registerCheckinDetails(app, deps);
  registerCheckinFollowup(app, deps);
  registerInvitationViews(app, deps);
}
