import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { registerCheckinAndDigestHooks } from './checkin-hooks';
import { registerInvitationHooks } from './invitation-hooks';
import { registerRequestOutboxHooks } from './request-hooks';

/**
 * Per-kind hooks of the outbox sender (consent re-checks, recording where a message landed).
 * Each feature adds its own registration here.
 */
export function registerOutboxHooks(deps: Deps, client: WebClient): void {
  registerRequestOutboxHooks(deps, client);
  registerCheckinAndDigestHooks(deps);
  registerInvitationHooks(deps, client);
}
