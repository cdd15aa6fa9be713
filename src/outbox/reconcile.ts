import type { WebClient } from '@slack/web-api';
import type { Database } from '../db/client';
import type { OutboxRow } from '../db/schema';
import type { Logger } from '../logger';
import { openConversation } from '../slack/kit/conversations';
import type { Posted } from './hooks';
import { interruptedRows, releaseInterrupted } from './rows';

/** The message metadata every outbox post carries: how a post is found again after a crash. */
export const OUTBOX_EVENT_TYPE = 'pmo_outbox';

export function outboxMetadata(row: OutboxRow) {
  return { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: row.id } };
}

/**
 * A `sending` row older than the lease belongs to a sender that died mid-post. Whether Slack
 * got the message is unknown, so look for it before deciding: resending blindly would break
 * "at most once", dropping it would break "finish the rest".
 */
export async function reconcileInterrupted(opts: {
  db: Database;
  client: WebClient;
  logger: Logger;
  leaseMs: number;
  /** Found in the conversation: record it as sent (only if still `sending`). */
  markSent(row: OutboxRow, posted: Posted): Promise<void>;
}): Promise<void> {
  const { db, client, logger } = opts;
  for (const row of await interruptedRows(db, opts.leaseMs)) {
    try {
      // A DM queued by user id was posted into the conversation Slack opened for it.
      const channel = /^[UW]/.test(row.channel) ? await openConversation(client, row.channel) : row.channel;
      const oldest = ((row.claimed_at?.getTime() ?? 0) / 1000 - 5).toFixed(6);
      const history = await client.conversations.history({
        channel,
        oldest,
        limit: 100,
        include_all_metadata: true,
      });
      const found = history.messages?.find(
        (m) =>
          (m.metadata as { event_payload?: { outbox_id?: number } } | undefined)?.event_payload?.outbox_id ===
          row.id,
      );
      if (found?.ts) await opts.markSent(row, { channel, ts: found.ts });
      else await releaseInterrupted(db, row.id, opts.leaseMs);
      logger.info(
        { outboxId: row.id, delivered: Boolean(found) },
        'reconciled an interrupted outbox message',
      );
    } catch (err) {
      logger.warn({ err, outboxId: row.id }, 'could not reconcile an interrupted outbox message yet');
    }
  }
}
