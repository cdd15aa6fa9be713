import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';

/**
 * Per-kind hooks of the outbox sender (consent re-checks, recording where a message landed).
 * Each feature adds its own registration here.
 */
export function registerOutboxHooks(_deps: Deps, _client: WebClient): void {}
