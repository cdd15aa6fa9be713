import type { WebClient } from '@slack/web-api';
import cron from 'node-cron';
import type { Deps } from '../deps';
import { type JobName, runJob } from './registry';

export interface Scheduler {
  stop(): void;
}

/**
 * node-cron ticks in PMO_TIMEZONE (so "Mondays 09:00" means the PMO's Monday morning, across DST).
 * A tick only triggers work; the due work itself lives in PostgreSQL and each run claims its slot,
 * so every replica may run the same schedule and the work still happens once.
 */
export function startScheduler(deps: Deps, client: WebClient, instanceId: string): Scheduler {
  const { config, logger } = deps;
  const schedules: [JobName, string][] = [
    ['checkins', config.schedule.checkinCron],
    ['digest', config.schedule.digestCron],
    ['outbox', config.schedule.outboxCron],
    ['nudges', config.schedule.nudgeCron],
    ['privacy', config.schedule.privacyCron],
  ];
  const tasks = schedules.map(([name, expression]) =>
    cron.schedule(
      expression,
      async () => {
        try {
          // Another replica may have heard that the app was uninstalled.
          await deps.slackWork.follow(deps.db);
          if (deps.slackWork.stoppedBecause) return;
          await runJob(name, deps, client, deps.clock.now(), instanceId);
        } catch (err) {
          logger.error({ err, job: name }, 'scheduled job failed');
        }
      },
      { timezone: config.pmo.timezone, name: `pmo-${name}-${instanceId}`, noOverlap: true },
    ),
  );
  logger.info(
    { schedules: Object.fromEntries(schedules), timezone: config.pmo.timezone },
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
