import { systemClock } from '../clock';
import { compose, jobsOf } from '../compose';
import { ConfigError, parseConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { Metrics } from '../http/metrics';
import { createLogger } from '../logger';
import { outboxDepth } from '../outbox/enqueue';
import { SlackWork, stoppedReason } from '../slack/work-state';
import { connectWithRetry, createSenderClient, installationsOf, newInstanceId } from '../start';
import { findJob, runJob } from './registry';

/**
 * `npm run job -- <name>`: runs one job once, for external schedulers (Kubernetes CronJob,
 * systemd timers) with SCHEDULER_ENABLED=false. Connects and migrates like the service but
 * never starts the HTTP server; delivers what the job enqueued before exiting.
 * Exit codes: 0 done (or the slot was already done by another instance), 1 failure, 2 usage.
 */
async function main(argv: string[]): Promise<number> {
  const name = argv[0];
  const known = jobsOf()
    .map((j) => j.name)
    .sort()
    .join(', ');
  if (!name || !findJob(jobsOf(), name)) {
    process.stderr.write(
      name
        ? `Unknown job "${name}". Known jobs: ${known}.\n`
        : `Usage: npm run job -- <name>. Known jobs: ${known}.\n`,
    );
    return 2;
  }
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel });
  const database = await connectWithRetry(config, logger);
  try {
    await migrateToLatest(database.db);
    const stopped = await stoppedReason(database.db);
    if (stopped) {
      process.stderr.write(`Slack work is stopped (${stopped}); job ${name} not run.\n`);
      return 1;
    }
    const instanceId = newInstanceId();
    // OAuth: the deployment's installation token, refreshed under the same lock as the service's.
    const client = createSenderClient(config, installationsOf(config, database.db, logger));
    const { deps, jobs } = compose({
      config,
      db: database.db,
      logger,
      clock: systemClock,
      metrics: new Metrics(() => outboxDepth(database.db)),
      slackWork: new SlackWork(logger),
      instanceId,
      client,
    });
    const job = findJob(jobs, name);
    if (!job) throw new Error(`job ${name} is not composed`);
    const outcome = await runJob(job, deps, client, systemClock.now(), instanceId);
    const delivered = name === 'outbox' ? undefined : await deps.outbox.drain();
    const summary = outcome.ran
      ? `Job ${name} done${outcome.runKey ? ` (slot ${outcome.runKey})` : ''}.`
      : `Job ${name}: slot ${outcome.runKey} was already run by another instance; nothing to do.`;
    process.stdout.write(`${summary}${delivered ? ` Messages sent: ${delivered.sent}.` : ''}\n`);
    return 0;
  } catch (err) {
    logger.error({ err, job: name }, `job ${name} failed`);
    process.stderr.write(`Job ${name} failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`Job failed: ${err.message}\n`);
    process.exit(1);
  },
);
