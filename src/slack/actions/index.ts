import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerInvitationActions } from './invitations';

/** Button clicks and selections, one file per action, registered here. */
export function registerActions(app: App, deps: Deps): void {
  registerInvitationActions(app, deps);
}
