import type { WebClient } from '@slack/web-api';
import type { Deps, Ports } from './deps';
import type { Catalogue } from './i18n';
import type { ScheduledJob } from './jobs/registry';
import type { OutboxHooks } from './outbox/hooks';
import type { OutboxKind } from './outbox/kinds';
import type { Subcommand } from './slack/commands/subcommand';
import type { ActionRoute, EventRoute, FunctionRoute, ShortcutRoute, ViewRoute } from './slack/kit';

/** A job a feature runs on a schedule (and `npm run job -- <name>` runs once). */
export type FeatureJob = ScheduledJob;

/**
 * Everything a feature brings to the app, in one object: its public face. The app, the job
 * runner and the sandbox are all composed from the list in features/index.ts, so a feature is
 * one folder and one line there.
 */
export interface FeatureManifest {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each route carries its own value type
  actions?: ActionRoute<any>[];
  // biome-ignore lint/suspicious/noExplicitAny: each route carries its own form types
  views?: ViewRoute<any, any>[];
  subcommands?: Subcommand[];
  shortcuts?: ShortcutRoute[];
  /** Custom workflow steps, by callback id. */
  functions?: FunctionRoute[];
  // biome-ignore lint/suspicious/noExplicitAny: each route is typed by its own event name
  events?: EventRoute<any>[];
  /** Send-time checks and bookkeeping for the outbox kinds this feature owns. */
  outbox?(deps: Deps, client: WebClient): Partial<Record<OutboxKind, OutboxHooks>>;
  jobs?: FeatureJob[];
  /** The feature's messages in every language (checked by test/i18n: every key in every language). */
  catalogues?: Catalogue[];
  /** What this feature offers the others through Deps (Home offers its surfaces, team its roles). */
  ports?(deps: Deps): Partial<Ports>;
}

/** A feature as its index.ts exports it: the manifest, built when the app is composed. */
export interface FeatureModule {
  manifest(): FeatureManifest;
}

/**
 * A feature's manifest, checked where it is written and built on first use. Built lazily
 * because features reach each other through their index files: an index that spread its
 * listeners at load time would, in an import cycle, read a module still loading.
 */
export function defineFeature(build: () => FeatureManifest): FeatureModule {
  let built: FeatureManifest | undefined;
  return {
    manifest: () => {
      built ??= build();
      return built;
    },
  };
}
