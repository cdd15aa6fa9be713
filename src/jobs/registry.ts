import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import type { Deps } from '../deps';
import { claimJobRun, finishJobRun } from './job-runs';

/**
 * A job the scheduler ticks and `npm run job -- <name>` runs once. A job with a run key claims
 * its slot in job_runs first, so replicas (and an external scheduler) run it once per slot.
 * Features bring their jobs in their manifests; compose.ts adds the outbox's.
 */
export interface ScheduledJob {
  name: string;
  /** Its cron expression, in the PMO's time zone. */
  schedule(config: Config): string;
  run(deps: Deps, client: WebClient, now: Date): Promise<unknown>;
  /** The schedule slot `now` belongs to; undefined → no slot (always safe to run). */
  runKey?(deps: Deps, now: Date): string;
}

/** Minute-truncated: two replicas ticking in the same minute share one slot. */
export const minuteSlot = (_deps: Deps, now: Date): string => now.toISOString().slice(0, 16);
/** One run per day. */
export const daySlot = (_deps: Deps, now: Date): string => now.toISOString().slice(0, 10);

export function findJob(jobs: readonly ScheduledJob[], name: string): ScheduledJob | undefined {
  return jobs.find((j) => j.name === name);
}

export type JobOutcome = { ran: true; runKey?: string; result: unknown } | { ran: false; runKey: string };

export async function runJob(
  job: ScheduledJob,
  deps: Deps,
  client: WebClient,
  now: Date,
  instanceId: string,
): Promise<JobOutcome> {
  const { name } = job;
  // A job works with the settings as they are at its run (`npm run job` has no poll running yet).
  await deps.settings.refresh();
  const runKey = job.runKey?.(deps, now);
  const timed = () => deps.metrics.timeJob(name, () => job.run(deps, client, now));
  if (runKey === undefined) return { ran: true, result: await timed() };
  if (!(await claimJobRun(deps.db, name, runKey, instanceId, now))) {
    deps.logger.debug({ job: name, runKey }, 'job slot already taken by another instance');
    deps.metrics.jobRuns.inc({ job: name, status: 'skipped' });
    return { ran: false, runKey };
  }
  try {
    const result = await timed();
    await finishJobRun(deps.db, name, runKey, { ok: true, detail: result });
    deps.logger.info({ job: name, runKey, result }, 'job finished');
    return { ran: true, runKey, result };
  } catch (err) {
    await finishJobRun(deps.db, name, runKey, {
      ok: false,
      error: String((err as Error).message ?? err),
    }).catch(() => undefined);
    throw err;
  }
}
