import type { App } from '@slack/bolt';
import type { Deps } from '../../deps';
import { registerHomeOpened } from '../../features/home/events';
import { registerPrivacyEvents } from '../../features/privacy/events';
import { dedupeEvents } from './dedupe-events';

/** Events API listeners. Slack retries deliveries, so every event passes the de-duplicator first. */
export function registerEvents(app: App, deps: Deps): void {
  app.use(dedupeEvents(deps));
  registerHomeOpened(app, deps);
  registerPrivacyEvents(app, deps);
}
