import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerCheckinDetails } from './checkin-details';
import { registerCheckinFollowup } from './checkin-followup';

/** Modal submissions, one file per callback_id, registered here. */
export function registerViews(app: App, deps: Deps): void {
  registerCheckinDetails(app, deps);
  registerCheckinFollowup(app, deps);
}
