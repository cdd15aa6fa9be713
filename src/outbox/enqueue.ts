import type { Database } from '../db/client';
import type { OutboxPayload } from '../db/schema';
import type { OutboxKind } from './kinds';

/**
 * Every message the app sends on its own initiative (DMs, triage posts, invitations,
 * check-ins) is first written here, in the same transaction as the change that causes it.
 * The sender (sender.ts) delivers it later: nothing is lost if Slack or the
 * process fails in between, and `dedupe_key` makes enqueueing idempotent.
 */
export interface OutgoingMessage {
  kind: OutboxKind;
  dedupeKey: string;
  /** A user id (posted into the app's DM with that person) or a channel id. */
  channel: string;
  threadTs?: string | null;
  /**
   * The dedupe key of the message this one replies to in a thread: it is sent only after that
   * one is, in its thread (the sender fills in channel and thread_ts), and skipped if that one
   * never goes out. Enqueue the parent in the same transaction or before.
   */
  parentKey?: string;
  payload: OutboxPayload;
  requestId?: number;
  invitationId?: number;
  recipientId?: string;
  notBefore?: Date;
}

/**
 * What a service needs to enqueue messages and wake the sender once its transaction committed:
 * services kick the outbox, listeners never do.
 */
export interface WithOutbox {
  db: Database;
  outbox: { kick(): void };
}

export async function enqueueMessages(db: Database, messages: OutgoingMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  let inserted = 0;
  // Chunked so a 5,000-person invitation stays under PostgreSQL's parameter limit.
  for (let i = 0; i < messages.length; i += 500) {
    const chunk = messages.slice(i, i + 500);
    const result = await db
      .insertInto('outbox')
      .values(
        chunk.map((m) => ({
          kind: m.kind,
          dedupe_key: m.dedupeKey,
          channel: m.channel,
          thread_ts: m.threadTs ?? null,
          parent_key: m.parentKey ?? null,
          payload: JSON.stringify(m.payload),
          request_id: m.requestId ?? null,
          invitation_id: m.invitationId ?? null,
          recipient_id: m.recipientId ?? null,
          ...(m.notBefore ? { not_before: m.notBefore } : {}),
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function outboxDepth(db: Database): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Where a message the app sent landed, by its dedupe key: the only place a click may update. A
 * payload names a channel and ts too, but a forged one could name anybody's message.
 */
export async function postedMessage(
  db: Database,
  dedupeKey: string,
): Promise<{ channel: string; ts: string } | undefined> {
  const row = await db
    .selectFrom('outbox')
    .select(['message_channel', 'message_ts'])
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return row?.message_channel && row.message_ts
    ? { channel: row.message_channel, ts: row.message_ts }
    : undefined;
}
