import { sql } from 'kysely';
import type { Deps } from '../deps';
import type { DrainResult } from '../jobs/outbox-sender';
import type { ShiftedClock } from './shifted-clock';

export type SandboxDeps = Deps & { clock: ShiftedClock };

export interface JobsRun {
  /** The app's time after the shift. */
  now: string;
  offsetMs: number;
  outbox: DrainResult;
  /** Names of the scheduled jobs that ran (none yet on this branch). */
  jobs: string[];
}

/**
 * "Run scheduled jobs now" on the sandbox page: move the app's clock forward by `shiftMs`,
 * run what the scheduler would run at that time, and deliver the outbox.
 *
 * The scheduled jobs (check-ins, digest) are added here when they exist: call each with
 * `deps` (whose clock is already shifted) before the outbox is drained, and push its name to
 * `jobs` (the page shows them). A job that keys its run on the schedule slot (job_runs) gets a
 * new slot for each shift, so pressing the button twice without a shift runs it once.
 */
export async function runJobsNow(deps: SandboxDeps, shiftMs: number): Promise<JobsRun> {
  deps.clock.shift(shiftMs);
  const now = deps.clock.now();
  const jobs: string[] = [];
  // ← the scheduled jobs run here, e.g. `await runCheckins(deps); jobs.push('check-ins');`

  // Messages held for later (working hours, a reminder in 3 days) become due on the app's
  // clock, but the outbox compares with the database's time: bring those due by now forward.
  await deps.db
    .updateTable('outbox')
    .set({ not_before: sql<Date>`now()` })
    .where('status', '=', 'pending')
    .where('not_before', '<=', now)
    .execute();
  const outbox = await deps.outbox.drain();
  return { now: now.toISOString(), offsetMs: deps.clock.offsetMs, outbox, jobs };
}
