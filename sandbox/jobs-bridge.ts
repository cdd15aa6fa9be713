import type { Deps } from '../src/deps';
import { runJob, type ScheduledJob } from '../src/jobs/registry';
import type { DrainResult } from '../src/outbox/sender';
import { createSenderClient } from '../src/start';
import type { ShiftedClock } from './shifted-clock';

export type SandboxDeps = Deps & { clock: ShiftedClock };

export interface JobsRun {
  /** The app's time after the shift. */
  now: string;
  offsetMs: number;
  outbox: DrainResult;
  /** Names of the scheduled jobs that ran. */
  jobs: string[];
}

/**
 * "Run scheduled jobs now" on the sandbox page: move the app's clock forward by `shiftMs`,
 * run what the scheduler would run at that time, and deliver the outbox.
 *
 * Every feature's job runs exactly as the scheduler runs it (runJob claims its slot in
 * job_runs), at the shifted time; the outbox is delivered last. The digest's slot is its
 * reporting period, so pressing the button twice in the same week posts it once — as in
 * production.
 */
export async function runJobsNow(
  deps: SandboxDeps,
  scheduled: readonly ScheduledJob[],
  shiftMs: number,
  instanceId = 'sandbox',
): Promise<JobsRun> {
  deps.clock.shift(shiftMs);
  const now = deps.clock.now();
  const jobs: string[] = [];
  const client = createSenderClient(deps.config);
  for (const job of scheduled.filter((j) => j.name !== 'outbox')) {
    const outcome = await runJob(job, deps, client, now, instanceId);
    if (outcome.ran) jobs.push(job.name);
  }
  // Messages held for later (working hours, a reminder in 3 days) are due on the app's clock,
  // which the sender reads: the shift alone makes them due.
  const outbox = await deps.outbox.drain();
  return { now: now.toISOString(), offsetMs: deps.clock.offsetMs, outbox, jobs };
}
