import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerInvitationViews } from './invitations';

/** Modal submissions, one file per callback_id, registered here. */
export function registerViews(app: App, deps: Deps): void {
  registerInvitationViews(app, deps);
}
