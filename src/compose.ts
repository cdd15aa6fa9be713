import type { WebClient } from '@slack/web-api';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Deps } from './deps';
import type { FeatureManifest } from './feature';
import { FEATURES } from './features';
import type { Metrics } from './http/metrics';
import { outboxJob } from './jobs/outbox';
import type { ScheduledJob } from './jobs/registry';
import { type Scheduler, startScheduler } from './jobs/scheduler';
import type { Logger } from './logger';
import type { OutboxHooks } from './outbox/hooks';
import { OUTBOX_KIND_LIST, type OutboxKind } from './outbox/kinds';
import { OutboxSender } from './outbox/sender';
import { PORT_NAMES, type Ports } from './ports';
import { liveConfig, SettingsStore } from './settings/store';
import type { Subcommand } from './slack/commands/subcommand';
import { peopleOf } from './slack/people';
import type { SlackWork } from './slack/work-state';

/**
 * The composition root: the one place that knows every feature (from features/index.ts) and
 * every shared layer. The service (start.ts), the job runner (jobs/run-cli.ts) and the sandbox
 * all build their Deps, sender and schedules here, so adding a feature is one line there.
 */

export interface Base {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  metrics: Metrics;
  slackWork: SlackWork;
  instanceId: string;
  /** The sender's (and the jobs') Web API client. */
  client: WebClient;
}

export interface Composed {
  deps: Deps;
  features: readonly FeatureManifest[];
  /** Every scheduled job: the features' and the outbox's. */
  jobs: readonly ScheduledJob[];
  subcommands: Subcommand[];
  /**
   * The settings leads saved, polled from composition on (the timer never holds the process);
   * `refresh()` once before serving, `stop()` on shutdown.
   */
  settings: SettingsStore;
  startScheduler(): Scheduler;
}

export function compose(base: Base, features: readonly FeatureManifest[] = FEATURES): Composed {
  const { db, logger, clock, metrics, slackWork, instanceId, client } = base;
  // Every reader of `deps.config` sees the saved settings over the environment's.
  const settings = new SettingsStore({ db, logger }, base.config);
  settings.start();
  const config = liveConfig(settings);
  const outbox = new OutboxSender({
    db,
    client,
    logger: logger.child({ component: 'outbox' }),
    instanceId,
    clock,
    leaseMs: config.outbox.leaseMs,
    onSent: (row) => metrics.messagesSent.inc({ kind: row.kind }),
    onRateLimited: () => metrics.rateLimited.inc({ client: 'outbox' }),
    onFailed: (error) => metrics.slackApiErrors.inc({ client: 'outbox', error }),
  });
  slackWork.onStop(() => outbox.stop());
  const deps = withPorts({ config, db, logger, clock, metrics, slackWork, outbox, settings }, features);
  outbox.useHooks(outboxHooksOf(deps, client, features));
  const jobs = jobsOf(features);
  return {
    deps,
    features,
    jobs,
    subcommands: features.flatMap((f) => f.subcommands ?? []),
    settings,
    startScheduler: () => startScheduler(deps, client, instanceId, jobs),
  };
}

/** Deps with every port: the people port is shared; the others come from the features offering them. */
export function withPorts(
  infra: Omit<Deps, keyof Ports | 'settings'> & { settings?: SettingsStore },
  features: readonly FeatureManifest[] = FEATURES,
): Deps {
  // The ports close over this same object, so what they are given is the finished Deps.
  // Without a store (a test of services), nothing is saved: the environment's settings apply.
  const deps = {
    ...infra,
    settings: infra.settings ?? new SettingsStore({ db: infra.db, logger: infra.logger }, infra.config),
  } as Deps;
  const offered: Partial<Record<keyof Ports, string>> = { people: 'shared' };
  deps.people = peopleOf(deps);
  for (const feature of features) {
    const ports = feature.ports?.(deps) ?? {};
    for (const name of Object.keys(ports) as (keyof Ports)[]) {
      if (offered[name]) throw new Error(`port ${name} is offered by ${offered[name]} and ${feature.name}`);
      offered[name] = feature.name;
    }
    Object.assign(deps, ports);
  }
  const missing = PORT_NAMES.filter((name) => !offered[name]);
  if (missing.length) throw new Error(`no feature offers the port(s) ${missing.join(', ')}`);
  return deps;
}

/** Every outbox kind's hooks, each from exactly one feature. */
export function outboxHooksOf(
  deps: Deps,
  client: WebClient,
  features: readonly FeatureManifest[] = FEATURES,
): Record<OutboxKind, OutboxHooks> {
  const hooks: Partial<Record<OutboxKind, OutboxHooks>> = {};
  const owner: Partial<Record<OutboxKind, string>> = {};
  for (const feature of features) {
    for (const [kind, h] of Object.entries(feature.outbox?.(deps, client) ?? {}) as [
      OutboxKind,
      OutboxHooks,
    ][]) {
      if (owner[kind])
        throw new Error(`outbox kind ${kind} has hooks from ${owner[kind]} and ${feature.name}`);
      owner[kind] = feature.name;
      hooks[kind] = h;
    }
  }
  const missing = OUTBOX_KIND_LIST.filter((kind) => !hooks[kind]);
  if (missing.length) throw new Error(`no feature gives hooks for the outbox kind(s) ${missing.join(', ')}`);
  return hooks as Record<OutboxKind, OutboxHooks>;
}

/** The features' jobs and the outbox's, by unique name. */
export function jobsOf(features: readonly FeatureManifest[] = FEATURES): ScheduledJob[] {
  const jobs = [...features.flatMap((f) => f.jobs ?? []), outboxJob];
  const names = jobs.map((j) => j.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`job name(s) used twice: ${twice.join(', ')}`);
  return jobs;
}
