import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import type { SlackWork } from './features/privacy/installation';
import type { Metrics } from './http/metrics';
import type { Logger } from './logger';
import type { OutboxSender } from './outbox/sender';

/**
 * What listeners and services are given. Passed in, never imported as module singletons, so a
 * test builds the app with an in-memory database, a manual clock and a loopback Slack.
 */
export interface Deps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  outbox: OutboxSender;
  metrics: Metrics;
  /** Stops the sender and the schedules when Slack says the app was uninstalled. */
  slackWork: SlackWork;
}
