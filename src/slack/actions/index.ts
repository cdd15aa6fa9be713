import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerCheckinFollowupOpen } from './checkin-followup-open';
import { registerCheckinRate } from './checkin-rate';

/** Button clicks and selections, one file per action, registered here. */
export function registerActions(app: App, deps: Deps): void {
  registerCheckinRate(app, deps);
  registerCheckinFollowupOpen(app, deps);
}
