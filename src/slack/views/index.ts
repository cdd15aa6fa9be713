import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerCatalogViews } from './catalog';
import { registerRequesterViews } from './request-edit';
import { registerRequestFormView } from './request-form';
import { registerTeamViews } from './team';
import { registerTriageViews } from './triage';

/** Modal submissions, one file per callback_id, registered here. */
export function registerViews(app: App, deps: Deps): void {
  registerRequestFormView(app, deps);
  registerRequesterViews(app, deps);
  registerTriageViews(app, deps);
  registerCatalogViews(app, deps);
  registerTeamViews(app, deps);
}
