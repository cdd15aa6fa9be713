import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerCatalogActions } from './catalog';
import { registerRequesterActions } from './requester';
import { registerTeamActions } from './team';
import { registerTriageActions } from './triage';

/** Button clicks and selections, one file per action, registered here. */
export function registerActions(app: App, deps: Deps): void {
  registerTriageActions(app, deps);
  registerRequesterActions(app, deps);
  registerCatalogActions(app, deps);
  registerTeamActions(app, deps);
}
