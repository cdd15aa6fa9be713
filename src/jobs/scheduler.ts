import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import cron, { type ScheduledTask } from 'node-cron';
import type { Deps } from '../deps';
import { addDays, localDate, startOfLocalDay } from '../lib/calendar';
import { type WeeklyTime, weeklyTimeOf } from '../settings/settings';
import { type JobOutcome, runJob, type ScheduledJob } from './registry';

export type TickOutcome = JobOutcome | { ran: false; skipped: 'ran this week' | 'stopped' };

export interface Scheduler {
  stop(): void;
  /** Each job's cron expression and time zone as scheduled now. */
  schedules(): Record<string, { expression: string; timezone: string }>;
  /** What a tick of the job does at the clock's time (cron calls it; tests and catch-ups too). */
  tick(name: string): Promise<TickOutcome>;
}

/**
 * node-cron ticks in PMO_TIMEZONE (so "Mondays 09:00" means the PMO's Monday morning, across DST).
 * A tick only triggers work; the due work itself lives in PostgreSQL and each run claims its slot,
 * so every replica may run the same schedule and the work still happens once.
 *
 * Leads change the PMO's time zone and the digest's day and time in Slack: when the settings
 * change, the jobs whose expression or time zone changed are scheduled again, so the next run
 * moves without a restart.
 *
 * A job scheduled once a week (the digest) runs at most once in a PMO week, Monday to Sunday in
 * the PMO's time zone, because that is what a lead who moves the digest expects:
 * - moved from Monday to Friday after Monday's digest went out: no second digest that Friday
 *   (the leads read this week's already); the next comes the Friday after;
 * - moved to a day already past this week before this week's went out (Friday to Monday, on a
 *   Wednesday): this week's goes out at once instead of being lost, then on Mondays.
 * job_runs still makes each run happen once across replicas; the week only decides whether a
 * weekly tick is due. `npm run job -- digest` is deliberate and is not held back.
 */
export function startScheduler(
  deps: Deps,
  client: WebClient,
  instanceId: string,
  jobs: readonly ScheduledJob[],
): Scheduler {
  const { logger } = deps;
  const tasks = new Map<string, { expression: string; timezone: string; task: ScheduledTask }>();

  const tick = async (job: ScheduledJob): Promise<TickOutcome> => {
    // Another replica may have heard that the app was uninstalled.
    await deps.slackWork.follow(deps.db);
    if (deps.slackWork.stoppedBecause) return { ran: false, skipped: 'stopped' };
    const now = deps.clock.now();
    if (weeklyTimeOf(job.schedule(deps.config)) && (await ranThisWeek(deps, job.name, now))) {
      logger.info({ job: job.name }, 'a weekly job already ran this PMO week');
      return { ran: false, skipped: 'ran this week' };
    }
    return runJob(job, deps, client, now, instanceId);
  };
  const safely = (job: ScheduledJob) => async () => {
    try {
      await tick(job);
    } catch (err) {
      logger.error({ err, job: job.name }, 'scheduled job failed');
    }
  };

  /** Schedules each job whose expression or time zone is not the one scheduled; the moved ones. */
  const plan = (): ScheduledJob[] => {
    const moved: ScheduledJob[] = [];
    const timezone = deps.config.pmo.timezone;
    for (const job of jobs) {
      const expression = job.schedule(deps.config);
      const scheduled = tasks.get(job.name);
      if (scheduled?.expression === expression && scheduled.timezone === timezone) continue;
      if (scheduled) {
        void scheduled.task.destroy();
        moved.push(job);
      }
      const task = cron.schedule(expression, safely(job), {
        timezone,
        name: `pmo-${job.name}-${instanceId}`,
        noOverlap: true,
      });
      tasks.set(job.name, { expression, timezone, task });
    }
    return moved;
  };

  const schedules = () =>
    Object.fromEntries(
      [...tasks].map(([name, { expression, timezone }]) => [name, { expression, timezone }] as const),
    );

  plan();
  logger.info({ schedules: schedules() }, 'scheduler started');
  const unsubscribe = deps.settings.onChange(() => {
    const moved = plan();
    if (!moved.length) return;
    logger.info(
      { moved: moved.map((j) => j.name), schedules: schedules() },
      'schedules moved by a settings change',
    );
    void catchUp(moved);
  });

  /** A weekly job moved to a time already past this week, and not run this week: run it now. */
  const catchUp = async (moved: ScheduledJob[]) => {
    for (const job of moved) {
      const weekly = weeklyTimeOf(job.schedule(deps.config));
      const now = deps.clock.now();
      if (!weekly || thisWeeksTime(weekly, now, deps.config.pmo.timezone) > now) continue;
      await safely(job)();
    }
  };

  const scheduler: Scheduler = {
    stop: () => {
      unsubscribe();
      for (const { task } of tasks.values()) void task.destroy();
      tasks.clear();
    },
    schedules,
    tick: (name) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job called ${name}`);
      return tick(job);
    },
  };
  deps.slackWork.onStop(() => scheduler.stop());
  return scheduler;
}

/** Monday 00:00 of `now`'s PMO week, as a local date. */
function weekStartDate(now: Date, timeZone: string): string {
  const today = localDate(now, timeZone);
  const isoDay = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  return addDays(today, 1 - isoDay);
}

/** The instant of this PMO week's day and time. */
export function thisWeeksTime(t: WeeklyTime, now: Date, timeZone: string): Date {
  const day = addDays(weekStartDate(now, timeZone), t.day - 1);
  return DateTime.fromISO(day, { zone: timeZone }).set({ hour: t.hour, minute: t.minute }).toJSDate();
}

async function ranThisWeek(deps: Pick<Deps, 'db' | 'config'>, job: string, now: Date): Promise<boolean> {
  const tz = deps.config.pmo.timezone;
  const start = weekStartDate(now, tz);
  const run = await deps.db
    .selectFrom('job_runs')
    .select('run_key')
    .where('job', '=', job)
    .where('status', 'in', ['running', 'succeeded'])
    .where('started_at', '>=', startOfLocalDay(start, tz))
    .where('started_at', '<', startOfLocalDay(addDays(start, 7), tz))
    .executeTakeFirst();
  return run !== undefined;
}
