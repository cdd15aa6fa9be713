import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Metrics } from './http/metrics';
import type { Logger } from './logger';
import type { OutboxSender } from './outbox/sender';
import type { Ports } from './ports';
import type { SlackWork } from './slack/work-state';

export type { Actor, Coaching, People, Ports, Requests, Roles, Surfaces } from './ports';

/** The shared services every feature is given, before the features' ports are added. */
export interface Infrastructure {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  outbox: OutboxSender;
  metrics: Metrics;
  /** Stops the sender and the schedules when Slack says the app was uninstalled. */
  slackWork: SlackWork;
}

/**
 * What listeners and services are given. Passed in, never imported as module singletons, so a
 * test builds the app with an in-memory database, a manual clock and a loopback Slack.
 * The ports are how one feature reaches another (see ports.ts).
 */
export interface Deps extends Infrastructure, Ports {}
