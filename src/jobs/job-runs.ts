import { sql } from 'kysely';
import type { Database } from '../db/client';

/**
 * One run per schedule slot across replicas: the first instance to insert (job, run_key) owns
 * the slot; the others find it taken and do nothing. A slot whose run failed may be taken over,
 * so a retry (the next tick, or `npm run job`) finishes the work — the work itself is idempotent.
 */
export async function claimJobRun(
  db: Database,
  job: string,
  runKey: string,
  instanceId: string,
  now: Date,
): Promise<boolean> {
  const claimed = await db
    .insertInto('job_runs')
    .values({ job, run_key: runKey, instance_id: instanceId, started_at: now })
    .onConflict((oc) =>
      oc
        .columns(['job', 'run_key'])
        .doUpdateSet({ instance_id: instanceId, started_at: now, status: 'running', finished_at: null })
        .where('job_runs.status', '=', 'failed'),
    )
    .returning('job')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function finishJobRun(
  db: Database,
  job: string,
  runKey: string,
  outcome: { ok: true; detail: unknown } | { ok: false; error: string },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({
      status: outcome.ok ? 'succeeded' : 'failed',
      finished_at: sql<Date>`now()`,
      detail: JSON.stringify(outcome.ok ? outcome.detail : { error: outcome.error }),
    })
    .where('job', '=', job)
    .where('run_key', '=', runKey)
    .execute();
}

/** Forgets old slots of a frequent job. Run keys are ISO timestamps, so they sort by time. */
export async function pruneJobRuns(db: Database, job: string, before: Date): Promise<void> {
  await db
    .deleteFrom('job_runs')
    .where('job', '=', job)
    .where('run_key', '<', before.toISOString().slice(0, 16))
    .where('status', '!=', 'running')
    .execute();
}
