import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { dedupeEvents } from './dedupe-events';
import { registerHomeOpened } from './home-opened';

/** Events API listeners. Slack retries deliveries, so every event passes the de-duplicator first. */
export function registerEvents(app: App, deps: Deps): void {
  app.use(dedupeEvents(deps));
  registerHomeOpened(app, deps);
}
