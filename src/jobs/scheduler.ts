import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';

export interface Scheduler {
  stop(): void;
}

/** node-cron schedules for the jobs in this folder (check-ins, digest). */
export function startScheduler(_deps: Deps, _client: WebClient, _instanceId: string): Scheduler {
  return { stop: () => undefined };
}
