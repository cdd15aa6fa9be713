import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import type PgBoss from 'pg-boss';
import type { Deps } from '../deps';
import { addDays, localDate, startOfLocalDay } from '../lib/calendar';
import { type WeeklyTime, weeklyTimeOf } from '../settings/settings';
import { type EngineOptions, startEngine } from './engine';
import { type JobOutcome, runJob, type ScheduledJob } from './registry';

export type TickOutcome = JobOutcome | { ran: false; skipped: 'ran this week' | 'stopped' };

export interface Scheduler {
  /** Stops the engine's timers and workers; resolves once they have let go of the database. */
  stop(): Promise<void>;
  /** Each job's cron expression and time zone as scheduled now. */
  schedules(): Record<string, { expression: string; timezone: string }>;
  /** What a tick of the job does at the clock's time (the engine calls it; tests and catch-ups too). */
  tick(name: string): Promise<TickOutcome>;
  /** Resolves once every schedule is saved in the engine and its workers listen. */
  ready: Promise<void>;
}

/**
 * pg-boss keeps the schedules in PostgreSQL, in PMO_TIMEZONE (so "Mondays 09:00" means the PMO's
 * Monday morning, across DST), and sends one job per cron slot whichever replicas run: the tick
 * happens once, on the replica that takes the job. Schedules fire at most once a minute (the
 * engine's resolution), so a 6-field expression's seconds only choose the minute.
 *
 * Leads change the PMO's time zone and the digest's day and time in Slack: when the settings
 * change, the jobs whose expression or time zone changed are scheduled again, so the next run
 * moves without a restart. Every replica hears the change and saves the same schedule.
 *
 * A job scheduled once a week (the digest) runs at most once in a PMO week, Monday to Sunday in
 * the PMO's time zone, because that is what a lead who moves the digest expects:
 * - moved from Monday to Friday after Monday's digest went out: no second digest that Friday
 *   (the leads read this week's already); the next comes the Friday after;
 * - moved to a day already past this week before this week's went out (Friday to Monday, on a
 *   Wednesday): this week's goes out at once instead of being lost, then on Mondays.
 * job_runs records each run by slot: the week rule reads it, a catch-up heard by every replica
 * runs once by it, and `npm run job` (an external scheduler, no engine) claims the same slots.
 * `npm run job -- digest` is deliberate and is not held back by the week.
 */
export function startScheduler(
  deps: Deps,
  client: WebClient,
  instanceId: string,
  jobs: readonly ScheduledJob[],
  engineOptions?: EngineOptions,
): Scheduler {
  const { logger } = deps;
  const planned = new Map<string, { expression: string; timezone: string }>();
  const engine = startEngine(deps.db, logger.child({ component: 'scheduler' }), engineOptions);
  const { boss } = engine;
  let stopped = false;

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

  /** Plans each job whose expression or time zone is not the one planned; the moved ones. */
  const plan = (): ScheduledJob[] => {
    const moved: ScheduledJob[] = [];
    const timezone = deps.config.pmo.timezone;
    for (const job of jobs) {
      const expression = job.schedule(deps.config);
      const scheduled = planned.get(job.name);
      if (scheduled?.expression === expression && scheduled.timezone === timezone) continue;
      if (scheduled) moved.push(job);
      planned.set(job.name, { expression, timezone });
    }
    return moved;
  };
  const save = async (toSave: readonly ScheduledJob[]) => {
    for (const job of toSave) {
      const at = planned.get(job.name);
      if (at && !stopped) await boss.schedule(queueOf(job), at.expression, {}, { tz: at.timezone });
    }
  };

  const schedules = () => Object.fromEntries(planned);

  plan();
  const ready = (async () => {
    await engine.started;
    for (const job of jobs) {
      if (stopped) return;
      await ensureQueue(boss, queueOf(job));
      await boss.work(
        queueOf(job),
        { pollingIntervalSeconds: engineOptions?.tickPollSeconds ?? TICK_POLL_SECONDS },
        safely(job),
      );
    }
    await save(jobs);
    logger.info({ schedules: schedules() }, 'scheduler started');
  })();
  ready.catch((err) => logger.error({ err }, 'the scheduler could not start'));

  let saving = ready;
  const unsubscribe = deps.settings.onChange(() => {
    const moved = plan();
    if (!moved.length) return;
    logger.info(
      { moved: moved.map((j) => j.name), schedules: schedules() },
      'schedules moved by a settings change',
    );
    saving = saving
      .then(() => save(moved))
      .catch((err) => logger.error({ err }, 'saving the moved schedules failed'));
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

  let stopping: Promise<void> | undefined;
  const scheduler: Scheduler = {
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        unsubscribe();
        await ready.catch(() => undefined);
        await saving.catch(() => undefined);
        // The schedules stay saved in the database for the other replicas; this one's timers go,
        // once a tick under way has finished (or, past the timeout, is left to another replica).
        await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS }).catch(() => undefined);
      })();
      return stopping;
    },
    schedules,
    tick: (name) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job called ${name}`);
      return tick(job);
    },
    ready,
  };
  deps.slackWork.onStop(() => void scheduler.stop());
  return scheduler;
}

/** How often each replica looks for a due tick: a cron slot is a minute, so well inside it. */
const TICK_POLL_SECONDS = 5;

const STOP_TIMEOUT_MS = 10_000;

/**
 * The migrations make the queues of the jobs known then; a job added since gets its queue here.
 * Replicas starting together may create it at once, and PostgreSQL may answer one of them with a
 * deadlock (each queue is a partition attached to the job table): the loser looks again and finds
 * the queue the winner made. A failed tick is not retried by the engine: its slot is taken over
 * by the next tick.
 */
async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, retryLimit: 0 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt * Math.random()));
    }
  }
}

/** pg-boss names a schedule by its queue. */
const queueOf = (job: ScheduledJob) => `pmo-${job.name}`;

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
