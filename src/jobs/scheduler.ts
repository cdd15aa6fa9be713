import type { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import type { Deps } from '../deps';
import { runJob, type ScheduledJob } from './registry';

export interface Scheduler {
  stop(): void;
}

/**
 * node-cron ticks in PMO_TIMEZONE (so "Mondays 09:00" means the PMO's Monday morning, across DST).
 * A tick only triggers work; the due work itself lives in PostgreSQL and each run claims its slot,
 * so every replica may run the same schedule and the work still happens once.
 */
export function startScheduler(
  deps: Deps,
  client: WebClient,
  instanceId: string,
  jobs: readonly ScheduledJob[],
): Scheduler {
  const { config, logger } = deps;
  const schedules = jobs.map((job) => [job, job.schedule(config)] as const);
  const tasks = schedules.map(([job, expression]) =>
    cron.schedule(
      expression,
      async () => {
        try {
          // Another replica may have heard that the app was uninstalled.
          await deps.slackWork.follow(deps.db);
          if (deps.slackWork.stoppedBecause) return;
          await runJob(job, deps, client, deps.clock.now(), instanceId);
        } catch (err) {
          logger.error({ err, job: job.name }, 'scheduled job failed');
        }
      },
      { timezone: config.pmo.timezone, name: `pmo-${job.name}-${instanceId}`, noOverlap: true },
    ),
  );
  logger.info(
    {
      schedules: Object.fromEntries(schedules.map(([job, cron]) => [job.name, cron])),
      timezone: config.pmo.timezone,
    },
    'scheduler started',
  );
  const scheduler = {
    stop: () => {
      for (const t of tasks) void t.destroy();
    },
  };
  deps.slackWork.onStop(() => scheduler.stop());
  return scheduler;
}
