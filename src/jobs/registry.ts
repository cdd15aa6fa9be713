import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { runNudgesJob } from '../features/calendar/job';
import { runCheckinsJob } from '../features/checkins/job';
import { digestRunKey, runDigestJob } from '../features/digest/job';
import { runPrivacyJob } from '../features/privacy/job';
import { claimJobRun, finishJobRun } from './job-runs';
import { runOutboxJob } from './outbox';

/**
 * The jobs the scheduler ticks and `npm run job -- <name>` runs once. A job with a run key
 * claims its slot in job_runs first, so replicas (and an external scheduler) run it once per slot.
 */
export interface JobDefinition {
  run(deps: Deps, client: WebClient, now: Date): Promise<unknown>;
  /** The schedule slot `now` belongs to; undefined → no slot (always safe to run). */
  runKey?(deps: Deps, now: Date): string;
}

export const JOBS = {
  checkins: {
    run: runCheckinsJob,
    // minute-truncated: two replicas ticking in the same minute share one slot
    runKey: (_deps, now) => now.toISOString().slice(0, 16),
  },
  digest: { run: runDigestJob, runKey: (deps, now) => digestRunKey(deps, now) },
  outbox: { run: runOutboxJob },
  nudges: { run: runNudgesJob, runKey: (_deps, now) => now.toISOString().slice(0, 16) },
  // one run per day: due erasures of deactivated accounts, then retention
  privacy: { run: runPrivacyJob, runKey: (_deps, now) => now.toISOString().slice(0, 10) },
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;

export const isJobName = (name: string): name is JobName => Object.hasOwn(JOBS, name);

export type JobOutcome = { ran: true; runKey?: string; result: unknown } | { ran: false; runKey: string };

export async function runJob(
  name: JobName,
  deps: Deps,
  client: WebClient,
  now: Date,
  instanceId: string,
): Promise<JobOutcome> {
  const job: JobDefinition = JOBS[name];
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
