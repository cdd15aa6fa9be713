import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { recordTriagePost } from './service';
import { syncTriagePost } from './triage-post';

/** Slack's answers that mean "the app is not in that conversation". */
const NOT_THERE = new Set(['not_in_channel', 'channel_not_found', 'missing_scope', 'is_archived']);

/**
 * Whether the app can post in a conversation, asked the cheapest way its scopes allow: reading
 * one message of its history (channels:history, groups:history, im:history) answers
 * `not_in_channel` or `channel_not_found` where the app is not a member. Undefined when it can.
 */
export async function cannotPostIn(
  client: Pick<WebClient, 'conversations'>,
  channel: string,
  onScopes?: (scopes: string[] | undefined) => void,
): Promise<string | undefined> {
  try {
    const res = await client.conversations.history({ channel, limit: 1 });
    onScopes?.(res.response_metadata?.scopes);
    return undefined;
  } catch (err) {
    const error = (err as { data?: { error?: string } }).data?.error;
    if (error && NOT_THERE.has(error)) return `the app cannot post there (${error})`;
    throw err;
  }
}

/**
 * What the outbox does with request messages:
 * - the triage post's ts is recorded when it lands, and if the request changed while the
 *   post was queued (cancelled from /pmo status, say), the post is updated at once;
 * - replies in the triage thread wait until the triage post exists;
 * - DMs to the requester and to members go as they are (they report a change already made).
 */
export function requestOutboxHooks(deps: Deps, client: WebClient): Record<KindsOf<'request'>, OutboxHooks> {
  return {
    'request.triage_post': {
      async recordSent(trx, row, posted) {
        if (row.request_id !== null) await recordTriagePost(trx, row.request_id, posted.channel, posted.ts);
      },
      async afterSent(row) {
        if (row.request_id !== null)
          await syncTriagePost(deps, client, row.request_id, row.payload.blocks ?? []);
      },
    },
    // In the triage post's thread: named at enqueue time, or the post is its parent (service.ts).
    'request.thread': {},
    'request.requester_dm': {},
    'request.member_dm': {},
    // Only where the app can post: a channel it is not in (or a DM between two people) is
    // skipped silently — the person was told the request was filed, the reply is a courtesy.
    'request.origin_reply': {
      async beforeSend(row) {
        const reason = await cannotPostIn(client, row.channel);
        return reason ? { skip: reason } : undefined;
      },
    },
  };
}
