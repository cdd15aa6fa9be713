import { ErrorCode, type WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import { type Clock, systemClock } from '../clock';
import type { Database } from '../db/client';
import type { OutboxPayload, OutboxRow } from '../db/schema';
import { isAnonymousMarker } from '../lib/anonymous-ids';
import type { Logger } from '../logger';
import { openConversation } from '../slack/kit/conversations';
import type { OutboxKind } from './kinds';

/** The shortest wait a send-time check's deferral gets. */
const MIN_DEFER_MS = 1000;

/**
 * Delivers the outbox, apart from interactive handling: it has its own Web API client (no
 * built-in retries, rate-limited calls rejected) so a throttled fan-out never queues an
 * acknowledgement or a modal behind it.
 *
 * At most once, and finish the rest:
 * - rows are claimed with FOR UPDATE SKIP LOCKED and marked `sending` before the post, so two
 *   senders (two replicas, or a restart) never take the same row;
 * - a row left in `sending` by a process that died is reconciled by looking for its outbox id
 *   in the message metadata of the conversation: found → sent, not found → pending again;
 * - 429 → the row waits `Retry-After` and the whole sender pauses; 5xx or network error →
 *   retried with exponential backoff; any other Slack error is final (`failed`).
 */

export type BeforeSendResult =
  | { skip: string }
  /** Not now (outside the recipient's working hours): the row waits until `until`, no attempt spent. */
  | { defer: Date; reason: string }
  /** `channel`: post somewhere decided at send time (e.g. a group DM opened just now). */
  | { payload?: OutboxPayload; threadTs?: string | null; channel?: string }
  | undefined;

export interface Posted {
  channel: string;
  ts: string;
}

/**
 * The `record…` hooks are database bookkeeping and get the transaction that changes the row's
 * status: a crash can then never leave the outbox saying "sent" while, say, the invitation's
 * recipient still says "queued". Slack calls do not belong there (they would hold the
 * transaction open); they go in `afterSent`, which runs after the commit, best effort.
 */
export interface OutboxHooks {
  /** Last check before posting (consent, deactivated people) or a late render. */
  beforeSend?(row: OutboxRow): Promise<BeforeSendResult>;
  /** Record where the message landed (e.g. the triage post's ts). */
  recordSent?(trx: Database, row: OutboxRow, posted: Posted): Promise<void>;
  recordSkipped?(trx: Database, row: OutboxRow, reason: string): Promise<void>;
  /** The message will not be delivered (a final Slack error, or too many attempts). */
  recordFailed?(trx: Database, row: OutboxRow, error: string): Promise<void>;
  /** Follow-up Slack work once the send is recorded (e.g. bring a queued post up to date). */
  afterSent?(row: OutboxRow, posted: Posted): Promise<void>;
}

export interface OutboxSenderOptions {
  db: Database;
  client: WebClient;
  logger: Logger;
  instanceId: string;
  /** The app's clock: a send-time check's "not before" is in its time (tests move it). */
  clock?: Clock;
  /** Parallel posts. Slack's chat.postMessage limit is per workspace; a few in flight is plenty. */
  concurrency?: number;
  /** How long a `sending` claim lasts before another sender may reconcile it. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Base of the 5xx backoff. */
  backoffMs?: number;
  onSent?(row: OutboxRow): void;
  onRateLimited?(retryAfterSeconds: number): void;
  /** A Slack error (final or to be retried), for metrics. */
  onFailed?(error: string): void;
}

export interface DrainResult {
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
  rateLimited: number;
}

const OUTBOX_EVENT_TYPE = 'pmo_outbox';
const IDLE_RESET_MS = 60_000;
const RECONCILE_EVERY_MS = 1000;

export class OutboxSender {
  private hooks: Partial<Record<string, OutboxHooks>> = {};
  private pausedUntil = 0;
  /**
   * Pacing learnt from 429s. Pausing for Retry-After and then bursting again would hit the
   * limit at every window and waste a pause each time; instead, after a 429 the sender spaces
   * its posts by the rate Slack just accepted (posts in the last Retry-After window), and
   * probes a little faster every so often in case the limit was a transient one.
   */
  private spacingMs = 0;
  private nextSlot = 0;
  private recentPosts: number[] = [];
  private sinceAdjust = 0;
  private lastReconcileAt = 0;
  private draining: Promise<DrainResult> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;

  constructor(private readonly opts: OutboxSenderOptions) {
    this.concurrency = opts.concurrency ?? 4;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.backoffMs = opts.backoffMs ?? 1000;
  }

  /** The checks and bookkeeping of every kind (from the features' manifests); a row of any other kind is never sent. */
  useHooks(hooks: Record<OutboxKind, OutboxHooks>): void {
    this.hooks = hooks;
  }

  /** Ask for a delivery pass soon (after a transaction that enqueued messages committed). */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    void this.drain().catch((err) => this.opts.logger.error({ err }, 'outbox drain failed'));
  }

  /** Polls for due rows (retries, delayed messages, other replicas' work). */
  start(pollMs: number): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining?.catch(() => undefined);
  }

  /** Delivers everything due now; resolves when nothing due is left. */
  drain(): Promise<DrainResult> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      const total: DrainResult = { sent: 0, skipped: 0, failed: 0, retried: 0, rateLimited: 0 };
      try {
        do {
          this.again = false;
          // Interrupted rows only become reconcilable after a lease (a minute by default), so
          // looking once a second is plenty; under load, drains follow each other much faster.
          if (Date.now() - this.lastReconcileAt >= RECONCILE_EVERY_MS) {
            this.lastReconcileAt = Date.now();
            await this.reconcileInterrupted();
          }
          const pass = new ClaimPass((n) => this.claimDue(n));
          const workers = Array.from({ length: this.concurrency }, () => this.work(total, pass));
          await Promise.all(workers);
        } while (this.again && !this.stopped);
      } finally {
        this.draining = null;
      }
      return total;
    })();
    return this.draining;
  }

  /** One worker of a pass; once a claim finds less due than was asked for, the pass ends. */
  private async work(total: DrainResult, pass: ClaimPass): Promise<void> {
    while (!this.stopped) {
      await this.waitOutPause();
      const row = await pass.next();
      if (!row) return;
      await this.deliver(row, total);
    }
  }

  /** Waits for this worker's turn under the learnt spacing (no wait until a 429 taught one). */
  private async takeSlot(): Promise<void> {
    if (this.spacingMs === 0) return;
    const now = Date.now();
    // A minute without posts: whatever limited the last burst is long gone; start afresh.
    const lastPost = this.recentPosts[this.recentPosts.length - 1] ?? 0;
    if (now - lastPost > IDLE_RESET_MS && now > this.pausedUntil) {
      this.spacingMs = 0;
      return;
    }
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + this.spacingMs;
    if (at > now) await sleep(at - now);
  }

  private notePosted(): void {
    const now = Date.now();
    this.recentPosts.push(now);
    if (this.recentPosts.length > 5000) this.recentPosts.splice(0, this.recentPosts.length - 5000);
    // Every 1,000 accepted posts, try 1% faster in case the limit that taught us was transient.
    // Gentle on purpose: each 429 costs a whole Retry-After pause.
    if (this.spacingMs > 0 && ++this.sinceAdjust >= 1000) {
      this.sinceAdjust = 0;
      this.spacingMs = this.spacingMs < 1 ? 0 : this.spacingMs * 0.99;
    }
  }

  /** Space posts by the rate Slack accepted over the last window, with a 2% margin for jitter. */
  private learnRate(windowMs: number): void {
    const since = Date.now() - windowMs;
    const accepted = this.recentPosts.filter((t) => t > since).length;
    if (accepted > 0) this.spacingMs = Math.max(this.spacingMs, (windowMs / accepted) * 1.02);
    this.sinceAdjust = 0;
  }

  /** Slack said Retry-After: nobody posts until then (re-checked, as another 429 may extend it). */
  private async waitOutPause(): Promise<void> {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
      await sleep(wait);
    }
  }

  /** Claims up to `n` due rows, oldest first, skipping rows another replica holds. */
  private async claimDue(n: number): Promise<OutboxRow[]> {
    const { db, instanceId } = this.opts;
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
          .where('not_before', '<=', sql<Date>`now()`)
          .orderBy('not_before')
          .orderBy('id')
          .limit(n)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
  }

  private async deliver(row: OutboxRow, total: DrainResult): Promise<void> {
    const { db, client, logger } = this.opts;
    const hooks = this.hooks[row.kind];
    if (!hooks) {
      // A kind the app no longer knows has no send-time check: sending it unchecked could break
      // a promise (consent, a closed check-in), so it fails instead, visibly.
      await this.fail(row, `unknown outbox kind ${row.kind}`, total);
      return;
    }
    let payload = row.payload;
    let threadTs = row.thread_ts;
    let channel = row.channel;
    let posted: Posted;
    try {
      // An erased (or retired) person is never messaged, whatever was queued for them.
      const check =
        isAnonymousMarker(row.channel) || isAnonymousMarker(row.recipient_id)
          ? { skip: 'erased' }
          : await hooks?.beforeSend?.(row);
      if (check && 'skip' in check) {
        const reason = check.skip;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('outbox')
            .set({ status: 'skipped', skip_reason: reason })
            .where('id', '=', row.id)
            .execute();
          await hooks?.recordSkipped?.(trx, row, reason);
        });
        total.skipped++;
        return;
      }
      if (check && 'defer' in check) {
        // At least a second: a row due again at once would be claimed again in the same pass.
        const clock = this.opts.clock ?? systemClock;
        const waitMs = Math.max(MIN_DEFER_MS, check.defer.getTime() - clock.now().getTime());
        await this.retryLater(row, waitMs, check.reason, true);
        total.retried++;
        return;
      }
      if (check?.payload) payload = check.payload;
      if (check && 'threadTs' in check && check.threadTs !== undefined) threadTs = check.threadTs;
      if (check && 'channel' in check && check.channel && check.channel !== row.channel) {
        // Recorded before the post, so crash reconciliation looks in the right conversation.
        channel = check.channel;
        await db.updateTable('outbox').set({ channel }).where('id', '=', row.id).execute();
      }
    } catch (err) {
      // A check that calls Slack (users.info) can be throttled too: pause like a throttled post.
      if ((err as SlackCallError).code === ErrorCode.RateLimitedError) {
        await this.handleSendError(row, err as SlackCallError, total);
        return;
      }
      if (row.attempts >= this.maxAttempts) {
        // A check that keeps failing must not keep the row (and its hooks) alive forever.
        await this.fail(row, `pre-send check: ${String(err)}`, total);
        return;
      }
      logger.warn({ err, outboxId: row.id, kind: row.kind }, 'outbox pre-send check failed; will retry');
      await this.retryLater(row, this.backoff(row.attempts), String(err));
      total.retried++;
      return;
    }

    try {
      // A worker that claimed its row before another worker's 429 must not post into the pause.
      await this.waitOutPause();
      await this.takeSlot();
      const res = await client.chat.postMessage({
        channel,
        text: payload.text,
        ...(payload.blocks ? { blocks: payload.blocks as never } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
        metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { outbox_id: row.id } },
        unfurl_links: false,
      });
      posted = { channel: String(res.channel), ts: String(res.ts) };
    } catch (err) {
      await this.handleSendError(row, err as SlackCallError, total);
      return;
    }
    // From here the message is out: whatever fails, the row must never go back to pending.
    total.sent++;
    this.notePosted();
    this.opts.onSent?.(row);
    await this.markSent(row, posted);
  }

  /**
   * Marks a posted row sent, with its kind's bookkeeping, then runs the Slack follow-ups.
   * `onlyIfSending` guards reconciliation, where another sender may have settled the row.
   */
  private async markSent(row: OutboxRow, posted: Posted, onlyIfSending = false): Promise<void> {
    const hooks = this.hooks[row.kind];
    const changed = await this.settle(
      row,
      async (q) => {
        let update = q
          .updateTable('outbox')
          .set({
            status: 'sent',
            sent_at: sql<Date>`now()`,
            message_channel: posted.channel,
            message_ts: posted.ts,
          })
          .where('id', '=', row.id);
        if (onlyIfSending) update = update.where('status', '=', 'sending');
        return (await update.executeTakeFirst()).numUpdatedRows > 0n;
      },
      (trx) => hooks?.recordSent?.(trx, row, posted),
    );
    if (!changed) return;
    await hooks
      ?.afterSent?.(row, posted)
      .catch((err) =>
        this.opts.logger.error({ err, outboxId: row.id, kind: row.kind }, 'outbox after-send hook failed'),
      );
  }

  /**
   * A final status for a row (sent, failed) and its kind's bookkeeping, in one transaction. If
   * the bookkeeping fails, the status alone is still written and the error logged: the message
   * is out, or will never be, so the row must not go round again.
   */
  private async settle(
    row: OutboxRow,
    change: (q: Database) => Promise<boolean>,
    record: (trx: Database) => Promise<void> | undefined,
  ): Promise<boolean> {
    try {
      return await this.opts.db.transaction().execute(async (trx) => {
        const changed = await change(trx);
        if (changed) await record(trx);
        return changed;
      });
    } catch (err) {
      this.opts.logger.error({ err, outboxId: row.id, kind: row.kind }, 'outbox bookkeeping failed');
      return change(this.opts.db);
    }
  }

  private async handleSendError(row: OutboxRow, err: SlackCallError, total: DrainResult): Promise<void> {
    if (err.code !== ErrorCode.RateLimitedError)
      this.opts.onFailed?.(err.data?.error ?? err.code ?? 'unknown');
    if (err.code === ErrorCode.RateLimitedError) {
      const retryAfterMs = Math.max(1, err.retryAfter ?? 1) * 1000;
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
      this.learnRate(retryAfterMs);
      this.opts.onRateLimited?.(err.retryAfter ?? 1);
      total.rateLimited++;
      // A 429 is not a failed attempt: the message was simply not accepted yet.
      await this.retryLater(row, retryAfterMs, 'ratelimited', true);
      return;
    }
    const transient =
      err.code === ErrorCode.HTTPError ||
      err.code === ErrorCode.RequestError ||
      (err.code === ErrorCode.PlatformError &&
        ['internal_error', 'fatal_error', 'service_unavailable'].includes(err.data?.error ?? ''));
    if (transient && row.attempts < this.maxAttempts) {
      total.retried++;
      await this.retryLater(row, this.backoff(row.attempts), err.message);
      return;
    }
    await this.fail(row, String(err.data?.error ?? err.message), total);
  }

  private async fail(row: OutboxRow, reason: string, total: DrainResult): Promise<void> {
    const { logger } = this.opts;
    total.failed++;
    const error = reason.slice(0, 500);
    logger.warn({ outboxId: row.id, kind: row.kind, error }, 'outbox message failed');
    await this.settle(
      row,
      async (q) => {
        await q
          .updateTable('outbox')
          .set({ status: 'failed', last_error: error })
          .where('id', '=', row.id)
          .execute();
        return true;
      },
      (trx) => this.hooks[row.kind]?.recordFailed?.(trx, row, error),
    );
  }

  private backoff(attempts: number): number {
    return Math.min(this.backoffMs * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
  }

  private async retryLater(
    row: OutboxRow,
    delayMs: number,
    error: string,
    refundAttempt = false,
  ): Promise<void> {
    await this.opts.db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'pending',
        claimed_at: null,
        claimed_by: null,
        not_before: sql<Date>`now() + ${`${Math.ceil(delayMs)} milliseconds`}::interval`,
        last_error: error.slice(0, 500),
        ...(refundAttempt ? { attempts: eb('attempts', '-', 1) } : {}),
      }))
      .where('id', '=', row.id)
      .execute();
  }

  /**
   * A `sending` row older than the lease belongs to a sender that died mid-post. Whether Slack
   * got the message is unknown, so look for it before deciding: resending blindly would break
   * "at most once", dropping it would break "finish the rest".
   */
  private async reconcileInterrupted(): Promise<void> {
    const { db, client, logger } = this.opts;
    const stale = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'sending')
      .where('claimed_at', '<', sql<Date>`now() - ${`${this.leaseMs} milliseconds`}::interval`)
      .limit(50)
      .execute();
    for (const row of stale) {
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
            (m.metadata as { event_payload?: { outbox_id?: number } } | undefined)?.event_payload
              ?.outbox_id === row.id,
        );
        if (found?.ts) {
          await this.markSent(row, { channel, ts: found.ts }, true);
        } else {
          await db
            .updateTable('outbox')
            .set({ status: 'pending', claimed_at: null, claimed_by: null })
            .where('id', '=', row.id)
            .where('status', '=', 'sending')
            .execute();
        }
        logger.info(
          { outboxId: row.id, delivered: Boolean(found) },
          'reconciled an interrupted outbox message',
        );
      } catch (err) {
        logger.warn({ err, outboxId: row.id }, 'could not reconcile an interrupted outbox message yet');
      }
    }
  }
}

interface SlackCallError extends Error {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The rows of one delivery pass, claimed for the workers that are waiting for one — all of them
 * in one statement, not one statement each (an idle pass used to cost one empty claim per
 * worker). Only waiting workers are served, so a claimed row is being sent at once and never
 * sits in "sending" while its worker waits out a rate-limit pause (a lease could expire and
 * another replica reconcile it).
 */
class ClaimPass {
  private readonly ready: OutboxRow[] = [];
  private waiting = 0;
  private exhausted = false;
  private claiming: Promise<void> | null = null;

  constructor(private readonly claim: (n: number) => Promise<OutboxRow[]>) {}

  async next(): Promise<OutboxRow | undefined> {
    this.waiting++;
    try {
      for (;;) {
        const row = this.ready.shift();
        if (row) return row;
        if (this.exhausted) return undefined;
        this.claiming ??= this.claimForWaiting();
        await this.claiming;
      }
    } finally {
      this.waiting--;
    }
  }

  private async claimForWaiting(): Promise<void> {
    try {
      // Let the workers that start together all say they are waiting before counting them.
      await null;
      const wanted = Math.max(1, this.waiting);
      const rows = await this.claim(wanted);
      this.ready.push(...rows);
      if (rows.length < wanted) this.exhausted = true;
    } finally {
      this.claiming = null;
    }
  }
}
