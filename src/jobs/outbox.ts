import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';

/** Delivers everything due in the outbox (the sender's claims make concurrent drains safe). */
export async function runOutboxJob(deps: Deps, _client: WebClient, _now: Date) {
  return deps.outbox.drain();
}
