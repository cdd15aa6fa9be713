import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { registerCheckinAndDigestHooks } from './checkin-hooks';

/**
 * Per-kind hooks of the outbox sender (consent re-checks, recording where a message landed).
 * Each feature adds its own registration here.
 */
export function registerOutboxHooks(deps: Deps, _client: WebClient): void {
  registerCheckinAndDigestHooks(deps);
}
