import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import os from 'node:os';
import { WebClient } from '@slack/web-api';
import { createSlackApp, type SlackApp } from './app';
import { type Clock, systemClock } from './clock';
import { compose } from './compose';
import { type Config, SLACK_CALL_TIMEOUT_MS } from './config';
import { connectPglite, connectPostgres, type Database, type DatabaseHandle } from './db/client';
import { migrateToLatest } from './db/migrate';
import type { Deps } from './deps';
import { AdmissionLimit } from './http/admission';
import { Metrics, metricsRoute } from './http/metrics';
import { closeServer, createHttpServer, type HttpTimeouts, listen } from './http/server';
import { responseUrlOrigins } from './http/slack-envelope';
import type { ScheduledJob } from './jobs/registry';
import type { Scheduler } from './jobs/scheduler';
import type { Logger } from './logger';
import { outboxDepth } from './outbox/enqueue';
import { type BotIdentity, resolveBotIdentity } from './slack/bot-identity';
import { InstallationClient } from './slack/installations/client';
import { oauthRoutes } from './slack/installations/oauth-routes';
import { Installations } from './slack/installations/tokens';
import { clearStopped, SlackWork } from './slack/work-state';

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Bind address; the sandbox binds to 127.0.0.1 only. */
  host?: string;
  /** How often the outbox is polled for retries and delayed messages. */
  outboxPollMs?: number;
  /** Retry settings for the first auth.test call to Slack. */
  slackRetry?: { attempts: number; initialDelayMs: number };
  /** Retry settings for the first database connection. */
  connectRetry?: { attempts: number; initialDelayMs: number };
  /** Timeouts of the HTTP server (tests shorten them). */
  httpTimeouts?: HttpTimeouts;
  /** More routes on the same HTTP server, by exact path (the sandbox's page and its API). */
  extraRoutes?: Record<string, http.RequestListener>;
}

export interface RunningService {
  port: number;
  deps: Deps;
  database: DatabaseHandle;
  slack: SlackApp;
  /** Slack requests being handled (work after the ack included). */
  admission: AdmissionLimit;
  instanceId: string;
  /** Every scheduled job (what `runJob` runs by name in tests and the sandbox). */
  jobs: readonly ScheduledJob[];
  /** The outbox's and the jobs' Web API client (in OAuth mode, with the deployment's token). */
  client: WebClient;
  /** OAuth mode: the installations and their tokens. */
  installations?: Installations;
  /** Graceful stop: no new requests, finish those in flight, stop jobs, close the database. */
  stop(): Promise<void>;
}

/** Names this process in job_runs and outbox claims. */
export function newInstanceId(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/**
 * Start-up order: HTTP server first (so /healthz answers and /readyz says 503 until Slack
 * requests can be served), then the database with retries, migrations, the Slack app,
 * the outbox sender and the scheduler.
 */
export async function startService(config: Config, opts: StartOptions): Promise<RunningService> {
  const { logger } = opts;
  const clock = opts.clock ?? systemClock;
  const instanceId = newInstanceId();

  let database: DatabaseHandle | undefined;
  let slack: SlackApp | undefined;
  let installations: Installations | undefined;
  let installRoutes: Record<string, http.RequestListener> | undefined;
  const slackWork = new SlackWork(logger);
  const admission = new AdmissionLimit(config.slack.maxInFlight);
  const metrics = new Metrics(async () => (database ? outboxDepth(database.db) : Number.NaN), admission);
  const server = createHttpServer(
    {
      slack: () => slack?.slackRequestListener,
      envelope: {
        signingSecret: config.slack.signingSecret,
        responseUrlOrigins: responseUrlOrigins(config.slack.apiUrl),
      },
      admission,
      // Ready means able to serve Slack: the database answers, the Slack app is built and, in
      // Socket Mode, a connection is open.
      ready: async () => {
        // Uninstalled: not ready, and why (data stays; nothing is sent).
        if (slackWork.stoppedBecause) return `Slack work stopped: ${slackWork.stoppedBecause}`;
        if (installations && !(await installations.installed())) return 'not installed yet';
        return database && slack && (slack.socket?.connected() ?? true) ? database.ping() : false;
      },
      metrics: metricsRoute(metrics, config.metricsToken),
      ...(config.slack.oauth ? { oauth: () => installRoutes } : {}),
      extra: opts.extraRoutes,
      onSlackAnswered: (surface, status, seconds) => {
        metrics.requests.inc({ surface, status: String(status) });
        if (status === 200) metrics.ackSeconds.observe({ surface }, seconds);
      },
      onAborted: (reason) => metrics.httpAborted.inc({ reason }),
    },
    logger,
    opts.httpTimeouts,
  );
  const port = await listen(server, config.port, opts.host);
  logger.info({ port, host: opts.host ?? '0.0.0.0' }, 'HTTP server listening');

  try {
    database = await connectWithRetry(config, logger, opts.connectRetry);
    const migrated = await migrateOnce(config, database);
    const applied = migrated.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    logger.info({ applied, database: database.kind }, 'database ready');
  } catch (err) {
    await closeServer(server);
    await database?.close();
    throw err;
  }
  const db = database.db;

  // The bulk sender has its own client: no built-in retries, 429s rejected to the sender,
  // so a throttled fan-out never holds up an interactive call.
  installations = installationsOf(config, db, logger);
  const senderClient = createSenderClient(config, installations);
  const app = compose({ config, db, logger, clock, metrics, slackWork, instanceId, client: senderClient });
  const { deps } = app;
  const { outbox } = deps;
  // The settings leads saved in Slack apply from the first request on.
  await app.settings.refresh();

  let scheduler: Scheduler | undefined;
  const startScheduler = () => {
    if (config.schedule.enabled && !scheduler && !slackWork.stoppedBecause) scheduler = app.startScheduler();
  };
  // OAuth mode: the schedules wait for the first installation (made here, or on another replica).
  let installWatch: NodeJS.Timeout | undefined;
  let installWatchNow: (() => Promise<void>) | undefined;
  if (installations) {
    const tokens = installations;
    let installed = false;
    const watch = async (justInstalled = false) => {
      if ((installed && !justInstalled) || !(await tokens.installed())) return;
      installed = true;
      // An installation exists: an earlier uninstall no longer applies.
      await clearStopped(db);
      startScheduler();
      outbox.kick();
    };
    installWatchNow = () => watch();
    installRoutes = oauthRoutes({
      db,
      logger,
      ...config.slack.oauth!,
      apiUrl: config.slack.apiUrl,
      onInstalled: () => watch(true),
    });
    installWatch = setInterval(
      () => void watch().catch((err) => logger.error({ err }, 'checking for an installation failed')),
      INSTALL_WATCH_MS,
    );
    installWatch.unref();
    slack = createSlackApp(deps, { authorize: tokens.authorize }, app);
  } else {
    let identity: BotIdentity;
    try {
      identity = await resolveBotIdentity(senderClient, logger, opts.slackRetry);
    } catch (err) {
      await closeServer(server);
      await database.close();
      throw err;
    }
    // auth.test answered with this token: an earlier uninstall no longer applies.
    await clearStopped(db);
    slack = createSlackApp(deps, { identity }, app);
  }
  // Socket Mode connects in the background (the client retries apps.connections.open with
  // backoff): the outbox and the schedules must not wait for it, and /readyz says 503 meanwhile.
  if (slack.socket) slack.socket.start().catch((err) => logger.error({ err }, 'Socket Mode could not start'));
  outbox.start(opts.outboxPollMs ?? 5000);
  if (!installations) startScheduler();
  else if (await installations.installed()) await installWatchNow?.();
  else logger.warn('not installed yet: open /slack/install to install the app');
  logger.info(
    { mode: slack.socket ? 'socket' : 'http', auth: installations ? 'oauth' : 'token', instanceId },
    'PMO Concierge is up',
  );

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down');
      await closeServer(server);
      await slack?.socket?.stop();
      clearInterval(installWatch);
      // The engine's workers use the database: stopped before it closes.
      await scheduler?.stop();
      app.settings.stop();
      await outbox.stop();
      await database?.close();
      // prom-client's default collectors (a GC observer) live as long as the process and hold the
      // registry; emptied, it no longer holds this service (its database among it).
      metrics.registry.clear();
      logger.info('stopped');
    })();
    return stopping;
  };

  return {
    port,
    deps,
    database,
    slack,
    admission,
    instanceId,
    jobs: app.jobs,
    client: senderClient,
    installations,
    stop,
  };
}

/** How often a replica looks whether the app was installed (on another replica) meanwhile. */
const INSTALL_WATCH_MS = 5000;

/** OAuth mode: the installations in this database; single-token mode: none. */
export function installationsOf(config: Config, db: Database, logger: Logger): Installations | undefined {
  const oauth = config.slack.oauth;
  if (!oauth) return undefined;
  return new Installations({
    db,
    logger: logger.child({ component: 'installations' }),
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    apiUrl: config.slack.apiUrl,
  });
}

/**
 * The outbox sender's (and jobs') Web API client: no built-in retries, 429s surface at once. In
 * OAuth mode each call takes the deployment's current token (installationsOf).
 */
export function createSenderClient(config: Config, installations?: Installations): WebClient {
  const options = {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: SLACK_CALL_TIMEOUT_MS,
  };
  if (!config.slack.oauth) return new WebClient(config.slack.botToken, options);
  if (!installations) throw new Error('installed through OAuth: the sender client needs the installations');
  return new InstallationClient(() => installations.deploymentToken(), options);
}

/**
 * Every query of the running service answers (or fails, and the person is told to try again)
 * well within Slack's 3 s acknowledgement window, even when PostgreSQL stops answering.
 */
const SERVICE_QUERY_TIMEOUT_MS = 2500;

/**
 * Migrations on PostgreSQL run on their own connection, without the service's query timeout:
 * a long CREATE INDEX must not be cut off at 2.5 s.
 */
async function migrateOnce(config: Config, database: DatabaseHandle) {
  if (database.kind !== 'postgres' || !config.databaseUrl) return migrateToLatest(database.db);
  const migrations = connectPostgres(config.databaseUrl, { max: 1 });
  try {
    return await migrateToLatest(migrations.db);
  } finally {
    await migrations.close();
  }
}

/** Embedded PGlite, or PostgreSQL with retries while it comes up (shared with the job runner). */
export async function connectWithRetry(
  config: Config,
  logger: Logger,
  retry = { attempts: 10, initialDelayMs: 500 },
): Promise<DatabaseHandle> {
  if (!config.databaseUrl) {
    const dir = config.pgliteDir === 'memory://' ? undefined : config.pgliteDir;
    logger.info({ dir: dir ?? 'memory' }, 'using the embedded database (PGlite)');
    return connectPglite(dir);
  }
  let delay = retry.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    const handle = connectPostgres(config.databaseUrl, { queryTimeoutMs: SERVICE_QUERY_TIMEOUT_MS });
    if (await handle.ping()) return handle;
    await handle.close().catch(() => undefined);
    if (attempt >= retry.attempts) {
      throw new Error(
        `PostgreSQL did not answer after ${attempt} attempts; check DATABASE_URL and that the server is up`,
      );
    }
    logger.warn({ attempt, retryInMs: delay }, 'PostgreSQL is not reachable yet; retrying');
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}
