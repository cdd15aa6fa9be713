import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Config, parseConfig } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { createSenderClient, type RunningService, startService } from '../src/start';
import { AppDriver } from './app-driver';
import { CAST, castLeadIds, SANDBOX_PMO_CHANNEL, seedCast } from './cast';
import type { SandboxDeps } from './jobs-bridge';
import { SandboxPage } from './page-api';
import { seedHistory } from './seed-history';
import { seedLibrary } from './seed-library';
import { ShiftedClock } from './shifted-clock';
import { SlackStandIn } from './slack-stand-in';

export const SANDBOX_DEFAULT_DIR = './.data/sandbox';

export interface SandboxOptions {
  /** The environment to take tunables from (PORT, LOG_LEVEL, PMO_TIMEZONE, CHECKIN_* …). */
  env?: Record<string, string | undefined>;
  /** Overrides PORT; 0 picks a free port (tests). */
  port?: number;
  /** The embedded database's directory; default SANDBOX_PGLITE_DIR or ./.data/sandbox. */
  pgliteDir?: string;
  logger?: Logger;
  /** More variables forced on the app's config (tests: SCHEDULER_ENABLED=false). */
  overrides?: Record<string, string>;
}

export interface Sandbox {
  /** http://localhost:<port>/sandbox */
  url: string;
  port: number;
  config: Config;
  service: RunningService;
  standIn: SlackStandIn;
  clock: ShiftedClock;
  deps: SandboxDeps;
  /** Settles once the seeded history's messages are in the stand-in (they go out behind the start). */
  seeded: Promise<void>;
  stop(): Promise<void>;
}

/** Variables that belong to a real install and are never taken into the sandbox. */
const NOT_FOR_THE_SANDBOX = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'DATABASE_URL',
  'PGLITE_DIR',
  'PMO_CHANNEL_ID',
  'PMO_LEAD_IDS',
];

/**
 * The real app, started with everything Slack would provide played locally: a random signing
 * secret and bot token made up in this process, a stand-in for the Web API on 127.0.0.1, an
 * embedded database of its own (never a real install's), a seeded cast, and the page at
 * /sandbox. Bound to 127.0.0.1 only: a sandbox has no authentication.
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const env = opts.env ?? process.env;
  const botToken = `xoxb-sandbox-${randomBytes(12).toString('hex')}`;
  const signingSecret = randomBytes(24).toString('hex');
  const standIn = await new SlackStandIn({ token: botToken }).start();
  for (const person of CAST)
    standIn.addUser({ id: person.id, name: person.name, tz: person.tz, locale: person.locale });

  const passThrough = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && !NOT_FOR_THE_SANDBOX.includes(k)),
  ) as Record<string, string>;
  const pgliteDir = opts.pgliteDir ?? (env.SANDBOX_PGLITE_DIR?.trim() || SANDBOX_DEFAULT_DIR);
  let config: Config;
  try {
    config = parseConfig({
      ...passThrough,
      SLACK_BOT_TOKEN: botToken,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: standIn.apiUrl,
      PMO_CHANNEL_ID: SANDBOX_PMO_CHANNEL,
      PMO_LEAD_IDS: castLeadIds().join(','),
      PGLITE_DIR: path.resolve(pgliteDir),
      DATABASE_URL: '',
      ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
      ...opts.overrides,
    });
  } catch (err) {
    await standIn.stop();
    throw err;
  }
  const logger = opts.logger ?? createLogger({ level: config.logLevel });
  const clock = new ShiftedClock();
  const page = new SandboxPage(standIn, logger.child({ component: 'sandbox' }));

  let service: RunningService;
  try {
    service = await startService(config, {
      logger,
      clock,
      host: '127.0.0.1',
      outboxPollMs: 1000,
      extraRoutes: page.routes(),
    });
  } catch (err) {
    await standIn.stop();
    throw err;
  }
  const deps: SandboxDeps = { ...service.deps, clock };
  let seeded: Promise<void> = Promise.resolve();
  try {
    await seedCast(deps.db, clock.now());
    seeded = (await seedLivingPmo(deps, service.jobs, logger)).posted;
    // Bolt checks its token with auth.test as it starts; wait for that answer, so a sandbox
    // stopped right away never leaves the check failing against a closed stand-in.
    await standIn.waitFor(
      () => standIn.callsTo('auth.test').length > 0,
      'the app to check its token',
      10_000,
    );
  } catch (err) {
    await seeded;
    await service.stop();
    await standIn.stop();
    throw err;
  }
  const eventsUrl = `http://127.0.0.1:${service.port}/slack/events`;
  page.attach({
    config,
    deps,
    jobs: service.jobs,
    driver: new AppDriver(standIn, signingSecret, () => eventsUrl),
  });

  const url = `http://localhost:${service.port}/sandbox`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    port: service.port,
    config,
    service,
    standIn,
    clock,
    deps,
    seeded,
    stop: () => {
      stopping ??= (async () => {
        page.close();
        await seeded;
        await service.stop();
        await standIn.stop();
      })();
      return stopping;
    },
  };
}

/**
 * A newcomer opens the sandbox on a PMO that has been working for a few weeks: the library and
 * its history are played through the app's services once, on a database that has none of them.
 */
async function seedLivingPmo(
  deps: SandboxDeps,
  jobs: RunningService['jobs'],
  logger: Logger,
): Promise<{ posted: Promise<void> }> {
  const started = Date.now();
  const entries = await seedLibrary(deps.db, deps.clock.now(), deps.config.pmo.timezone);
  const history = await seedHistory(deps, jobs, createSenderClient(deps.config));
  if (!entries && !history) return { posted: Promise.resolve() };
  const { posted, ...figures } = history ?? { posted: Promise.resolve() };
  logger.info(
    { entries, ...figures, ms: Date.now() - started },
    'sandbox seeded with a few weeks of history',
  );
  // Wrapped: awaiting the promise itself would wait for the posts.
  return { posted };
}
