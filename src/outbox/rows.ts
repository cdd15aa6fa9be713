import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/client';
import type { OutboxRow } from '../db/schema';
import type { Posted } from './hooks';

/**
 * The outbox table's row states, as the sender moves them: pending → sending (claimed) → sent,
 * skipped or failed; back to pending to be retried later. Every statement is conditional on the
 * state it expects where another sender could have moved the row.
 */

/** A parent in one of these states will not change any more: its replies may be decided. */
const SETTLED = ['sent', 'skipped', 'failed'] as const;

/**
 * Claims up to `n` due rows, oldest first, skipping rows another replica holds and replies
 * whose parent message is not settled yet. Due is two questions, each on its own clock: has the
 * message's moment come on the app's clock (`now`), and is its retry backoff over on the
 * database's.
 */
export async function claimDue(db: Database, instanceId: string, n: number, now: Date): Promise<OutboxRow[]> {
  return db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sending',
      claimed_at: sql<Date>`now()`,
      claimed_by: instanceId,
      attempts: eb('attempts', '+', 1),
    }))
    .where(
      'id',
      'in',
      db
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('not_before', 'is', null), eb('not_before', '<=', now)]))
        .where((eb) => eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', sql<Date>`now()`)]))
        .where((eb) =>
          eb.or([
            eb('parent_key', 'is', null),
            eb.exists(
              eb
                .selectFrom('outbox as parent')
                .select('parent.id')
                .whereRef('parent.dedupe_key', '=', 'outbox.parent_key')
                .where('parent.status', 'in', SETTLED),
            ),
          ]),
        )
        .orderBy(sql`not_before nulls first`)
        .orderBy('id')
        .limit(n)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

/** Where a reply's parent landed, or undefined if the parent was never sent. */
export async function parentPost(db: Database, parentKey: string): Promise<Posted | undefined> {
  const parent = await db
    .selectFrom('outbox')
    .select(['message_channel', 'message_ts'])
    .where('dedupe_key', '=', parentKey)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return parent?.message_channel && parent.message_ts
    ? { channel: parent.message_channel, ts: parent.message_ts }
    : undefined;
}

export async function setChannel(db: Database, id: number, channel: string, threadTs: string | null) {
  await db.updateTable('outbox').set({ channel, thread_ts: threadTs }).where('id', '=', id).execute();
}

export async function setSkipped(db: Database, id: number, reason: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'skipped', skip_reason: reason })
    .where('id', '=', id)
    .execute();
}

export async function setFailed(db: Database, id: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'failed', last_error: error }).where('id', '=', id).execute();
}

/** Marks a row sent; `onlyIfSending` guards reconciliation, where another sender may have settled it. */
export async function setSent(db: Database, id: number, posted: Posted, onlyIfSending: boolean) {
  let update = db
    .updateTable('outbox')
    .set({
      status: 'sent',
      sent_at: sql<Date>`now()`,
      message_channel: posted.channel,
      message_ts: posted.ts,
    })
    .where('id', '=', id);
  if (onlyIfSending) update = update.where('status', '=', 'sending');
  return (await update.executeTakeFirst()).numUpdatedRows > 0n;
}

/** Marks several posted rows sent in one statement (a batch settled together). */
export async function setSentAll(db: Database, sent: ReadonlyArray<{ row: OutboxRow; posted: Posted }>) {
  if (sent.length === 0) return;
  const values = sql.join(sent.map((s) => sql`(${s.row.id}::bigint, ${s.posted.channel}, ${s.posted.ts})`));
  await sql`
    update outbox set status = 'sent', sent_at = now(), message_channel = v.channel, message_ts = v.ts
    from (values ${values}) as v (id, channel, ts)
    where outbox.id = v.id`.execute(db);
}

/** Back to pending after `delayMs` of real time; a refunded attempt was not the message's fault (a 429). */
export function retryLater(db: Database, id: number, delayMs: number, error: string, refundAttempt = false) {
  const retryAt = sql<Date>`now() + ${`${Math.ceil(delayMs)} milliseconds`}::interval`;
  return backToPending(db, id, { retry_at: retryAt }, error, refundAttempt);
}

/** Back to pending until a moment in the app's time; no attempt spent (a send-time check said "not now"). */
export function deferUntil(db: Database, id: number, until: Date, reason: string) {
  return backToPending(db, id, { not_before: until, retry_at: null }, reason, true);
}

async function backToPending(
  db: Database,
  id: number,
  due: { retry_at: RawBuilder<Date> | null; not_before?: Date },
  error: string,
  refundAttempt: boolean,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      claimed_at: null,
      claimed_by: null,
      ...due,
      last_error: error.slice(0, 500),
      ...(refundAttempt ? { attempts: eb('attempts', '-', 1) } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** Rows left in `sending` longer than the lease: their sender died mid-post. */
export async function interruptedRows(db: Database, leaseMs: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'sending')
    .where('claimed_at', '<', sql<Date>`now() - ${`${leaseMs} milliseconds`}::interval`)
    .limit(50)
    .execute();
}

/**
 * Back to pending, only if its claim is still past the lease: a sender that claimed it again
 * meanwhile (a fresh claim) keeps it.
 */
export async function releaseInterrupted(db: Database, id: number, leaseMs: number): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'pending', claimed_at: null, claimed_by: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_at', '<', sql<Date>`now() - ${`${leaseMs} milliseconds`}::interval`)
    .execute();
}

/**
 * Claimed rows no worker took (a pause, a stop, held too long): back to pending, the attempt
 * refunded. Only while still this sender's claim.
 */
export async function releaseClaimed(db: Database, instanceId: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      claimed_at: null,
      claimed_by: null,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', instanceId)
    .execute();
}

/**
 * The rows of one delivery pass, claimed a batch at a time (a statement per row would cost
 * more than the post). A claimed row must not sit in "sending" while nobody sends it: past its
 * lease another replica would reconcile it and send it too. So rows not handed out are let go
 * on a rate-limit pause and at the end of the pass, and a batch held longer than `maxHoldMs`
 * is let go instead of sent.
 */
export class ClaimPass {
  private ready: OutboxRow[] = [];
  private claimedAt = 0;
  /** When each row handed out was claimed (wall clock), until it is settled or let go. */
  private readonly claimedAtById = new Map<number, number>();
  private waiting = 0;
  private exhausted = false;
  private claiming: Promise<void> | null = null;

  constructor(
    private readonly claim: (n: number) => Promise<OutboxRow[]>,
    private readonly release: (ids: number[]) => Promise<void>,
    private readonly batch = 1,
    private readonly maxHoldMs = Number.POSITIVE_INFINITY,
  ) {}

  async next(): Promise<OutboxRow | undefined> {
    this.waiting++;
    try {
      for (;;) {
        if (this.ready.length > 0 && Date.now() - this.claimedAt > this.maxHoldMs) await this.releaseUnsent();
        const row = this.ready.shift();
        if (row) {
          this.claimedAtById.set(row.id, this.claimedAt);
          return row;
        }
        if (this.exhausted) return undefined;
        this.claiming ??= this.claimForWaiting();
        await this.claiming;
      }
    } finally {
      this.waiting--;
    }
  }

  /**
   * Whether a row handed out may still be posted: claimed less than `maxHoldMs` ago. Asked once,
   * just before its post; past that, another sender may reconcile it while the post is on its way.
   */
  stillHeld(id: number): boolean {
    const at = this.claimedAtById.get(id);
    this.claimedAtById.delete(id);
    return at !== undefined && Date.now() - at <= this.maxHoldMs;
  }

  /** Lets go of the rows claimed but not handed out; a later claim (this pass's or another's) takes them again. */
  async releaseUnsent(): Promise<void> {
    const rows = this.ready;
    this.ready = [];
    if (rows.length === 0) return;
    this.exhausted = false;
    await this.release(rows.map((r) => r.id));
  }

  private async claimForWaiting(): Promise<void> {
    try {
      // Let the workers that start together all say they are waiting before counting them.
      await null;
      const wanted = Math.max(this.batch, this.waiting);
      const rows = await this.claim(wanted);
      this.claimedAt = Date.now();
      this.ready.push(...rows);
      if (rows.length < wanted) this.exhausted = true;
    } finally {
      this.claiming = null;
    }
  }
}
