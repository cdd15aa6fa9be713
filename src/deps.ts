import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Metrics } from './http/metrics';
import type { Logger } from './logger';
import type { OutboxSender } from './outbox/sender';
import type { Ports } from './ports';
import type { SettingsStore } from './settings/store';
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
  /**
   * The settings leads changed in Slack over the environment's. `config` already reads through
   * them; this is for what needs more: which values are the environment's, or hearing of a change.
   */
  settings: SettingsStore;
}

/**
 * What listeners and services are given. Passed in, never imported as module singletons, so a
 * test builds the app with an in-memory database, a manual clock and a loopback Slack.
 * The ports are how one feature reaches another (see ports.ts).
 */
export interface Deps extends Infrastructure, Ports {}
