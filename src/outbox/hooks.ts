import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { calendarOutboxHooks } from '../features/calendar/outbox';
import { checkinOutboxHooks } from '../features/checkins/outbox';
import { coachingOutboxHooks } from '../features/coaching/outbox';
import { digestOutboxHooks } from '../features/digest/outbox';
import { invitationOutboxHooks } from '../features/invitations/outbox';
import { requestOutboxHooks } from '../features/requests/outbox';
import { valueOutboxHooks } from '../features/value/outbox';
import type { OutboxKind } from './kinds';
import type { OutboxHooks } from './sender';

/**
 * Every kind's send-time checks and bookkeeping, from the feature that owns it. The return type
 * names every kind of kinds.ts: leave one out and this does not compile.
 */
export function outboxHooks(deps: Deps, client: WebClient): Record<OutboxKind, OutboxHooks> {
  return {
    ...requestOutboxHooks(deps, client),
    ...invitationOutboxHooks(deps, client),
    ...coachingOutboxHooks(deps, client),
    ...checkinOutboxHooks(deps),
    ...digestOutboxHooks(deps, client),
    ...calendarOutboxHooks(deps),
    ...valueOutboxHooks(deps, client),
  };
}
