import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { pruneJobRuns } from '../../jobs/job-runs';
import { deferCheckinsOfAway } from '../calendar';
import { createDueCheckins, sendDueCheckins } from './service';

/** A run every 15 minutes leaves ~3,000 job_runs rows a month; a month of them is plenty. */
const JOB_RUNS_KEPT_DAYS = 30;

/**
 * Every CHECKIN_CRON tick: create the check-ins due by now, send those whose recipient is in
 * working hours, remind once, expire. Safe to run on every replica at once: creation is
 * absorbed by a unique index and each send is a conditional UPDATE (one winner per check-in).
 */
export async function runCheckinsJob(deps: Deps, client: WebClient, now: Date) {
  const created = await createDueCheckins(deps.db, deps.config.checkins, now);
  // People away wait until they are back: their due check-ins move, one a working day.
  const deferredAway = await deferCheckinsOfAway(deps, client, now);
  const sent = await sendDueCheckins(deps, client, now);
  if (sent.sent + sent.reminded > 0) deps.outbox.kick();
  await pruneJobRuns(deps.db, 'checkins', new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000));
  return { created, deferredAway, ...sent };
}
