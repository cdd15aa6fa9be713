import { ErrorCode, type WebClient } from '@slack/web-api';
import { type Clock, systemClock } from '../clock';
import type { Database } from '../db/client';
import type { OutboxRow } from '../db/schema';
import { isAnonymousMarker } from '../lib/anonymous-ids';
import type { Logger } from '../logger';
import { isTokenUnavailable } from '../slack/installations/token-unavailable';
import type { BeforeSendResult, OutboxHooks, Posted } from './hooks';
import type { OutboxKind } from './kinds';
import { Pacer } from './pacer';
import { outboxMetadata, reconcileInterrupted } from './reconcile';
import {
  ClaimPass,
  claimDue,
  deferUntil,
  parentPost,
  releaseClaimed,
  retryLater,
  setChannel,
  setFailed,
  setSent,
  setSentAll,
  setSkipped,
} from './rows';

/**
 * Delivers the outbox, apart from interactive handling: it has its own Web API client (no
 * built-in retries, rate-limited calls rejected) so a throttled fan-out never queues an
 * acknowledgement or a modal behind it.
 *
 * At most once, and finish the rest:
 * - rows are claimed with FOR UPDATE SKIP LOCKED and marked `sending` before the post, so two
 *   senders (two replicas, or a restart) never take the same row; a batch at a time, and what
 *   is not sent soon is let go again (rows.ts);
 * - a row left in `sending` by a process that died is reconciled by looking for its outbox id
 *   in the message metadata of the conversation: found → sent, not found → pending again
 *   (reconcile.ts);
 * - 429 → the row waits `Retry-After` and every replica's sender pauses (pacer.ts); 5xx or network
 *   error → retried with exponential backoff; any other Slack error is final (`failed`);
 * - posts are recorded sent a batch at a time, one transaction for several (a crash before that
 *   leaves them in `sending`, which reconciliation settles);
 * - a reply waits for its parent message and goes into its thread; a parent that never went
 *   out takes its replies with it.
 */

/** The shortest wait a send-time check's deferral gets. */
const MIN_DEFER_MS = 1000;
/** How long the sender waits when there is no token (not installed yet, a refresh failed). */
const TOKEN_WAIT_MS = 2000;
const RECONCILE_EVERY_MS = 1000;
/** Rows claimed per statement, per worker: a few posts' worth, so a claim is not a statement per post. */
const CLAIM_BATCH_PER_WORKER = 4;
/** Posts recorded per transaction at most, and how long a post waits for others to share one. */
const SETTLE_BATCH = 25;
const SETTLE_WAIT_MS = 200;

export interface OutboxSenderOptions {
  db: Database;
  client: WebClient;
  logger: Logger;
  instanceId: string;
  /**
   * The app's clock: a message's "not before" (working hours, a return from leave) is in its
   * time, so a test or the sandbox that moves it makes held messages due. Retries and leases
   * are in the database's time, which replicas share.
   */
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

/** What delivery does with a row once its checks have run. */
type Plan = { skip: string } | { defer: Date; reason: string } | { post: OutboxRow };

export class OutboxSender {
  private hooks: Partial<Record<string, OutboxHooks>> = {};
  private readonly pacer: Pacer;
  private lastReconcileAt = 0;
  private draining: Promise<DrainResult> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly clock: Clock;
  private sentQueue: Array<{ row: OutboxRow; posted: Posted }> = [];
  private settleTimer: NodeJS.Timeout | null = null;
  private settling: Promise<void> | null = null;

  constructor(private readonly opts: OutboxSenderOptions) {
    this.clock = opts.clock ?? systemClock;
    this.concurrency = opts.concurrency ?? 4;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 8;
    this.backoffMs = opts.backoffMs ?? 1000;
    this.pacer = new Pacer(opts.db);
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
            await reconcileInterrupted({
              ...this.opts,
              leaseMs: this.leaseMs,
              markSent: (row, posted) => this.markSent(row, posted, true),
            });
          }
          const settledBefore = settledCount(total);
          const pass = new ClaimPass(
            async (n) => {
              const rows = await claimDue(this.opts.db, this.opts.instanceId, n, this.clock.now());
              // Another replica's pause or spacing is known before these rows are sent.
              if (rows.length > 0) await this.pacer.refreshIfStale();
              return rows;
            },
            (ids) => releaseClaimed(this.opts.db, this.opts.instanceId, ids),
            this.concurrency * CLAIM_BATCH_PER_WORKER,
            // A post starts within half the lease of its claim and lasts at most a Slack call's
            // timeout, which the config keeps under the other half: it is over before another
            // sender may reconcile the row.
            this.leaseMs / 2,
          );
          const workers = Array.from({ length: this.concurrency }, () => this.work(total, pass));
          await Promise.all(workers);
          // Stopped mid-pass: what was claimed and not sent goes back at once, not after a lease.
          await pass.releaseUnsent();
          // Recorded before the next claim, which may be waiting for a parent among them.
          await this.settleSent();
          // A parent settled in this pass (sent, or never to be) frees its replies: one more
          // claim finds them.
          if (settledCount(total) > settledBefore) this.again = true;
        } while (this.again && !this.stopped);
      } finally {
        // Posts already out are recorded whatever stopped the drain.
        await this.settleSent().catch((err) => this.opts.logger.error({ err }, 'outbox bookkeeping failed'));
        this.draining = null;
      }
      return total;
    })();
    return this.draining;
  }

  /** One worker of a pass; once a claim finds less due than was asked for, the pass ends. */
  private async work(total: DrainResult, pass: ClaimPass): Promise<void> {
    while (!this.stopped) {
      // Rows held through a pause could outlive their lease: let them go, claim afresh after it.
      if (this.pacer.pausing()) await pass.releaseUnsent();
      await this.pacer.waitOutPause();
      const row = await pass.next();
      if (!row) return;
      await this.deliver(row, total, pass);
    }
  }

  private async deliver(claimed: OutboxRow, total: DrainResult, pass: ClaimPass): Promise<void> {
    const { client } = this.opts;
    let plan: Plan;
    try {
      plan = await this.plan(claimed);
    } catch (err) {
      if (err instanceof UnknownKind) {
        await this.fail(claimed, err.message, total);
        return;
      }
      // A check that calls Slack (users.info) can be throttled too: pause like a throttled post.
      if ((err as SlackCallError).code === ErrorCode.RateLimitedError || isTokenUnavailable(err)) {
        await this.handleSendError(claimed, err as SlackCallError, total);
        return;
      }
      if (claimed.attempts >= this.maxAttempts) {
        // A check that keeps failing must not keep the row (and its hooks) alive forever.
        await this.fail(claimed, `pre-send check: ${String(err)}`, total);
        return;
      }
      this.opts.logger.warn(
        { err, outboxId: claimed.id, kind: claimed.kind },
        'outbox pre-send check failed; will retry',
      );
      await retryLater(this.opts.db, claimed.id, this.backoff(claimed.attempts), String(err));
      total.retried++;
      return;
    }
    if ('skip' in plan) {
      await this.skip(claimed, plan.skip);
      total.skipped++;
      return;
    }
    if ('defer' in plan) {
      await deferUntil(this.opts.db, claimed.id, plan.defer, plan.reason);
      total.retried++;
      return;
    }

    const row = plan.post;
    let posted: Posted;
    try {
      // A worker that claimed its row before a 429 (this replica's or another's) must not post
      // into the pause.
      await this.pacer.takeSlot();
      // Held too long (a slow send-time check, a long pause): let it go; a later claim sends it.
      if (!pass.stillHeld(row.id)) {
        await releaseClaimed(this.opts.db, this.opts.instanceId, [row.id]);
        total.retried++;
        return;
      }
      const res = await client.chat.postMessage({
        channel: row.channel,
        text: row.payload.text,
        ...(row.payload.blocks ? { blocks: row.payload.blocks as never } : {}),
        ...(row.thread_ts ? { thread_ts: row.thread_ts } : {}),
        metadata: outboxMetadata(row),
        unfurl_links: false,
      });
      posted = { channel: String(res.channel), ts: String(res.ts) };
    } catch (err) {
      await this.handleSendError(row, err as SlackCallError, total);
      return;
    }
    // From here the message is out: whatever fails, the row must never go back to pending.
    total.sent++;
    this.pacer.posted();
    this.opts.onSent?.(row);
    this.queueSent(row, posted);
  }

  /**
   * The row as it will be posted, or why not now: erased people, the parent message, then the
   * kind's own check. Where the check moves the post (a group DM opened just now, a reply's
   * thread), that is recorded before the post, so crash reconciliation looks in the right place.
   */
  private async plan(claimed: OutboxRow): Promise<Plan> {
    const hooks = this.hooks[claimed.kind];
    // A kind the app no longer knows has no send-time check: sending it unchecked could break a
    // promise (consent, a closed check-in), so it fails instead, visibly.
    if (!hooks) throw new UnknownKind(claimed.kind);
    // An erased (or retired) person is never messaged, whatever was queued for them.
    if (isAnonymousMarker(claimed.channel) || isAnonymousMarker(claimed.recipient_id))
      return { skip: 'erased' };
    let row = claimed;
    if (row.parent_key) {
      const parent = await parentPost(this.opts.db, row.parent_key);
      if (!parent) return { skip: 'parent_not_sent' };
      row = { ...row, channel: parent.channel, thread_ts: parent.ts };
    }
    const check: BeforeSendResult = await hooks.beforeSend?.(row);
    if (check && 'skip' in check) return { skip: check.skip };
    if (check && 'defer' in check) {
      // At least a second: a row due again at once would be claimed again in the same pass.
      const soonest = this.clock.now().getTime() + MIN_DEFER_MS;
      return { defer: new Date(Math.max(soonest, check.defer.getTime())), reason: check.reason };
    }
    if (check?.payload) row = { ...row, payload: check.payload };
    if (check && 'threadTs' in check && check.threadTs !== undefined)
      row = { ...row, thread_ts: check.threadTs };
    if (check && 'channel' in check && check.channel) row = { ...row, channel: check.channel };
    if (row.channel !== claimed.channel || row.thread_ts !== claimed.thread_ts)
      await setChannel(this.opts.db, row.id, row.channel, row.thread_ts);
    return { post: row };
  }

  private async skip(row: OutboxRow, reason: string): Promise<void> {
    await this.opts.db.transaction().execute(async (trx) => {
      await setSkipped(trx, row.id, reason);
      await this.hooks[row.kind]?.recordSkipped?.(trx, row, reason);
    });
  }

  /** Marks a posted row sent, with its kind's bookkeeping, then runs the Slack follow-ups. */
  private async markSent(row: OutboxRow, posted: Posted, onlyIfSending = false): Promise<void> {
    const hooks = this.hooks[row.kind];
    const changed = await this.settle(
      row,
      (q) => setSent(q, row.id, posted, onlyIfSending),
      (trx) => hooks?.recordSent?.(trx, row, posted),
    );
    if (!changed) return;
    await this.afterSent(row, posted);
  }

  /** Records a post with others: the worker goes on posting meanwhile. */
  private queueSent(row: OutboxRow, posted: Posted): void {
    this.sentQueue.push({ row, posted });
    if (this.sentQueue.length >= SETTLE_BATCH) void this.settleSent();
    else this.settleTimer ??= setTimeout(() => void this.settleSent(), SETTLE_WAIT_MS);
  }

  /** Records every queued post sent, one batch (and one transaction) at a time. */
  private async settleSent(): Promise<void> {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    while (this.settling) await this.settling;
    const batch = this.sentQueue.splice(0);
    if (batch.length === 0) return;
    this.settling = this.markSentAll(batch).finally(() => {
      this.settling = null;
    });
    await this.settling;
  }

  /** markSent for a batch, in one transaction; if that fails, each row on its own. */
  private async markSentAll(batch: Array<{ row: OutboxRow; posted: Posted }>): Promise<void> {
    try {
      await this.opts.db.transaction().execute(async (trx) => {
        await setSentAll(trx, batch);
        const byKind = new Map<string, typeof batch>();
        for (const s of batch) byKind.set(s.row.kind, [...(byKind.get(s.row.kind) ?? []), s]);
        for (const [kind, sent] of byKind) {
          const hooks = this.hooks[kind];
          if (hooks?.recordSentAll) await hooks.recordSentAll(trx, sent);
          else for (const s of sent) await hooks?.recordSent?.(trx, s.row, s.posted);
        }
      });
    } catch (err) {
      this.opts.logger.warn(
        { err, rows: batch.length },
        'outbox batch bookkeeping failed; one row at a time',
      );
      for (const s of batch) await this.markSent(s.row, s.posted);
      return;
    }
    for (const { row, posted } of batch) await this.afterSent(row, posted);
  }

  /** The kind's Slack follow-ups of a post recorded sent; a failure is logged, the post stays sent. */
  private async afterSent(row: OutboxRow, posted: Posted): Promise<void> {
    await this.hooks[row.kind]
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
    if (isTokenUnavailable(err)) {
      // No token to send with (not installed yet, or a rotated token not refreshed yet): the
      // message waits, no attempt spent. No pause of the whole sender: the row is simply not
      // due for a while, so a delivery pass ends instead of waiting for the token.
      total.retried++;
      await retryLater(this.opts.db, row.id, TOKEN_WAIT_MS, err.message, true);
      return;
    }
    if (err.code !== ErrorCode.RateLimitedError)
      this.opts.onFailed?.(err.data?.error ?? err.code ?? 'unknown');
    if (err.code === ErrorCode.RateLimitedError) {
      const retryAfterMs = Math.max(1, err.retryAfter ?? 1) * 1000;
      await this.pacer
        .throttled(retryAfterMs, this.opts.instanceId)
        .catch((e) => this.opts.logger.warn({ err: e }, 'could not share a rate-limit pause'));
      this.opts.onRateLimited?.(err.retryAfter ?? 1);
      total.rateLimited++;
      // A 429 is not a failed attempt: the message was simply not accepted yet.
      await retryLater(this.opts.db, row.id, retryAfterMs, 'ratelimited', true);
      return;
    }
    const transient =
      err.code === ErrorCode.HTTPError ||
      err.code === ErrorCode.RequestError ||
      (err.code === ErrorCode.PlatformError &&
        ['internal_error', 'fatal_error', 'service_unavailable'].includes(err.data?.error ?? ''));
    if (transient && row.attempts < this.maxAttempts) {
      total.retried++;
      await retryLater(this.opts.db, row.id, this.backoff(row.attempts), err.message);
      return;
    }
    await this.fail(row, String(err.data?.error ?? err.message), total);
  }

  private async fail(row: OutboxRow, reason: string, total: DrainResult): Promise<void> {
    total.failed++;
    const error = reason.slice(0, 500);
    this.opts.logger.warn({ outboxId: row.id, kind: row.kind, error }, 'outbox message failed');
    await this.settle(
      row,
      async (q) => {
        await setFailed(q, row.id, error);
        return true;
      },
      (trx) => this.hooks[row.kind]?.recordFailed?.(trx, row, error),
    );
  }

  private backoff(attempts: number): number {
    return Math.min(this.backoffMs * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
  }
}

/** Rows that reached a final state: each may be a parent whose replies can now be decided. */
const settledCount = (t: DrainResult) => t.sent + t.skipped + t.failed;

interface SlackCallError extends Error {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
}

class UnknownKind extends Error {
  constructor(kind: string) {
    super(`unknown outbox kind ${kind}`);
  }
}
