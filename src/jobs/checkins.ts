import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { createDueCheckins, sendDueCheckins } from '../services/checkins';

/**
 * Every CHECKIN_CRON tick: create the check-ins due by now, send those whose recipient is in
 * working hours, remind once, expire. Safe to run on every replica at once: creation is
 * absorbed by a unique index and each send is a conditional UPDATE (one winner per check-in).
 */
export async function runCheckinsJob(deps: Deps, client: WebClient, now: Date) {
  const created = await createDueCheckins(deps.db, deps.config.checkins, now);
  const sent = await sendDueCheckins(deps, client, now);
  if (sent.sent + sent.reminded > 0) deps.outbox.kick();
  return { created, ...sent };
}
