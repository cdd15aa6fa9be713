import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerCatalogActions } from './catalog';
import { registerCheckinFollowupOpen } from './checkin-followup-open';
import { registerCheckinRate } from './checkin-rate';
import { registerHomeActions } from './home';
import { registerInvitationActions } from './invitations';
import { registerRequesterActions } from './requester';
import { registerTeamActions } from './team';
import { registerTriageActions } from './triage';

/** Button clicks and selections, one file per feature, registered here. */
export function registerActions(app: App, deps: Deps): void {
  registerTriageActions(app, deps);
  registerRequesterActions(app, deps);
  registerCatalogActions(app, deps);
  registerTeamActions(app, deps);
  registerCheckinRate(app, deps);
  registerCheckinFollowupOpen(app, deps);
  registerInvitationActions(app, deps);
  registerHomeActions(app, deps);
}
