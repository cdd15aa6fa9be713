import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { pruneJobRuns } from '../../jobs/job-runs';
import { runNudgeJob } from './nudges';

const JOB_RUNS_KEPT_DAYS = 30;

/**
 * Every NUDGE_CRON tick: nudges before first-response targets and escalations after targets
 * (the triage post then shows "overdue"). Safe on every replica at once (see nudges.ts).
 */
export async function runNudgesJob(deps: Deps, client: WebClient, now: Date) {
  const result = await runNudgeJob(deps, client, now);
  if (result.sent > 0) deps.outbox.kick();
  await pruneJobRuns(deps.db, 'nudges', new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000));
  return result;
}
