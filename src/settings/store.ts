import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Logger } from '../logger';
import { readSettings, readSettingsVersion, type SettingsRow } from './repository';
import {
  configWith,
  effectiveSettings,
  envSettings,
  NOTHING_SAVED,
  type PmoSettings,
  type SavedSettings,
} from './settings';

/** Every replica asks for the settings' version this often; a save is seen everywhere within it. */
export const SETTINGS_REFRESH_MS = 30_000;

/**
 * The settings as this process knows them: the environment's, overlaid by what leads saved.
 * Each replica reads the row's version every SETTINGS_REFRESH_MS (one integer) and the row only
 * when it changed; the replica that saved refreshes at once. Listeners (the scheduler) hear of
 * each change. Until the first read, the environment's values apply.
 */
export class SettingsStore {
  readonly env: PmoSettings;
  private row: SettingsRow = { saved: NOTHING_SAVED, version: -1, updatedBy: null, updatedAt: null };
  private current: PmoSettings;
  private overlaid: Config;
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly deps: { db: Database; logger: Logger },
    /** The configuration the environment gave. */
    readonly envConfig: Config,
    private readonly intervalMs = SETTINGS_REFRESH_MS,
  ) {
    this.env = envSettings(envConfig);
    this.current = this.env;
    this.overlaid = envConfig;
  }

  /** The settings that apply now. */
  get settings(): PmoSettings {
    return this.current;
  }

  /** What leads saved (null: the environment's value applies). */
  get saved(): SavedSettings {
    return this.row.saved;
  }

  /** The version read last; a save names it, so two saves cannot overwrite each other. */
  get version(): number {
    return Math.max(this.row.version, 0);
  }

  get updated(): { by: string | null; at: Date | null } {
    return { by: this.row.updatedBy, at: this.row.updatedAt };
  }

  /** The whole Config with the settings applied (what `deps.config` reads through). */
  get config(): Config {
    return this.overlaid;
  }

  /** Reads the version, and the row if it changed; true when the settings changed. One at a time. */
  refresh(): Promise<boolean> {
    this.refreshing = this.refreshing.then(
      () => this.load(),
      () => this.load(),
    );
    return this.refreshing;
  }

  private async load(): Promise<boolean> {
    const version = await readSettingsVersion(this.deps.db);
    if (version === this.row.version) return false;
    this.row = await readSettings(this.deps.db, this.deps.logger);
    this.current = effectiveSettings(this.env, this.row.saved);
    this.overlaid = configWith(this.envConfig, this.current);
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (err) {
        this.deps.logger.error({ err }, 'a settings listener failed');
      }
    }
    return true;
  }

  /** Hears of every change; returns the way to stop hearing. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Polls every intervalMs; never keeps the process alive on its own. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err) =>
        this.deps.logger.warn({ err }, 'could not read the settings; the last ones read still apply'),
      );
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * A Config whose every section is read through the store at the moment it is used, so code that
 * reads `deps.config.pmo.channelId` sees a saved change as soon as the store refreshes, without
 * knowing settings exist. Sections (not single values) are what change: keep reading them from
 * `deps.config` rather than holding one across a wait.
 */
export function liveConfig(store: SettingsStore): Config {
  const view = {} as Config;
  for (const key of Object.keys(store.envConfig) as (keyof Config)[]) {
    Object.defineProperty(view, key, { get: () => store.config[key], enumerable: true });
  }
  return Object.freeze(view);
}
