import { sql } from 'kysely';
import type { Database } from '../db/client';

/**
 * How fast the app calls one Slack method, shared by every replica through a `slack_rate` row:
 * Slack's limits are per workspace, so a 429 one replica gets pauses them all, and the spacing
 * it teaches spaces them all. Slack's limits are in real seconds (Retry-After): pauses and
 * slots are kept in the database's time, which replicas share, never the app's clock (which
 * tests and the sandbox move).
 *
 * Pausing for Retry-After and then bursting again would hit the limit at every window and waste
 * a pause each time; instead, after a 429 calls are spaced by the rate Slack just accepted (the
 * posts of every replica in the last Retry-After window), and the spacing shrinks a little with
 * every thousand calls in case the limit was a transient one.
 *
 * Cheap on purpose: a replica reads the row at most every REFRESH_MS, and while spaced it
 * reserves the slots of that span in the same statement, so a call costs no statement of its own.
 */

/** How stale a replica's view of the shared row may get: another replica's 429 is seen within this. */
const REFRESH_MS = 200;
const MAX_SLOTS = 50;
/** A minute without spaced calls: whatever limited the last burst is long gone; start afresh. */
const IDLE_RESET = sql.raw(`interval '60 seconds'`);

interface RateRow {
  pause_ms: number | string;
  spacing_ms: number | string;
  next_slot_ms: number | string;
}

export class Pacer {
  /** All in this process's wall clock, converted from the row's offsets when it was read. */
  private pausedUntil = 0;
  private spacingMs = 0;
  private nextSlot = 0;
  private slotsLeft = 0;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;
  private recentPosts: number[] = [];

  constructor(
    private readonly db: Database,
    private readonly method = 'chat.postMessage',
  ) {}

  /** True while a pause this replica knows of is on: rows held for later had better be let go. */
  pausing(): boolean {
    return this.pausedUntil > Date.now();
  }

  /**
   * Slack said Retry-After: every replica waits until then, and calls are spaced from now on by
   * what Slack accepted in that window: this replica's posts, counted as they go, and the other
   * replicas' outbox rows recorded sent in the window (recorded a batch at a time, so a window
   * shifted by a fraction of a second: about as many in a steady fan-out).
   */
  async throttled(retryAfterMs: number, instanceId: string): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
    const since = Date.now() - retryAfterMs;
    const local = this.recentPosts.filter((t) => t > since).length;
    const window = sql.raw(`interval '${Math.ceil(retryAfterMs)} milliseconds'`);
    const { rows } = await sql<RateRow>`
      insert into slack_rate as r (method, paused_until, next_slot, spacing_ms)
      select ${this.method}, now() + ${window}, now() + ${window},
        coalesce(${retryAfterMs}::float8 * 1.02 / nullif(${local}::bigint + (
          select count(*) from outbox
          where status = 'sent' and sent_at > now() - ${window} and claimed_by is distinct from ${instanceId}
        ), 0), 0)
      on conflict (method) do update set
        paused_until = greatest(r.paused_until, excluded.paused_until),
        -- The end of the pause counts as a spaced call: the spacing is not idle yet.
        next_slot = greatest(r.next_slot, excluded.next_slot),
        spacing_ms = greatest(r.spacing_ms, excluded.spacing_ms)
      returning ${ROW_OFFSETS}`.execute(this.db);
    // Slots reserved at the old spacing are given up: the next call reserves at the new one.
    this.slotsLeft = 0;
    if (rows[0]) this.apply(rows[0], Date.now(), 0);
  }

  /** Waits out a pause this replica knows of (re-checked, as another 429 may extend it); no read. */
  async waitOutPause(): Promise<void> {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
      await sleep(wait);
    }
  }

  /**
   * Just before a call: waits out any pause (another replica's too: the row is read when this
   * replica's view is stale), then for this call's slot under the shared spacing (none until a
   * 429 taught one).
   */
  async takeSlot(): Promise<void> {
    for (;;) {
      // Read in the background when merely stale: waiting for it here would line up every
      // worker behind one read and send their posts in one burst.
      if (this.readAt === Number.NEGATIVE_INFINITY) await this.refresh(0);
      else this.refreshIfStale().catch(() => undefined);
      if (this.pausing()) {
        await this.waitOutPause();
        // Another replica may have extended it: ask before going on.
        await this.refresh(0);
        continue;
      }
      if (this.spacingMs === 0) return;
      if (this.slotsLeft === 0) {
        await this.refresh(Math.min(MAX_SLOTS, Math.max(1, Math.ceil(REFRESH_MS / this.spacingMs))));
        continue;
      }
      // A slot already past (this worker was late: a slow check, a busy event loop) is not
      // caught up with a burst: the calls after it move later instead, so no window of Slack's
      // ever gets more than the spacing allows.
      const at = Math.max(Date.now(), this.nextSlot);
      this.nextSlot = at + this.spacingMs;
      this.slotsLeft--;
      const wait = at - Date.now();
      if (wait > 0) await sleep(wait);
      // A 429 while this call waited for its slot: wait it out too.
      if (!this.pausing()) return;
    }
  }

  /** Reads the shared row if this replica's view is stale (at claim time: before the rows are sent). */
  async refreshIfStale(): Promise<void> {
    if (Date.now() - this.readAt > REFRESH_MS) await this.refresh(0);
  }

  posted(): void {
    const now = Date.now();
    this.recentPosts.push(now);
    if (this.recentPosts.length > 5000) this.recentPosts.splice(0, this.recentPosts.length - 5000);
  }

  /** Reads the shared row (one read in flight for all workers), reserving `slots` calls if spaced. */
  private refresh(slots: number): Promise<void> {
    // A read that fails keeps what is known (and retries after REFRESH_MS): a database hiccup
    // must not fail the post that asked.
    this.reading ??= this.read(slots)
      .catch(() => {
        this.readAt = Date.now();
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  private async read(slots: number): Promise<void> {
    // Every thousand calls, 1% faster; below a millisecond, no spacing at all.
    const decayed = sql`r.spacing_ms * power(0.99, ${slots}::float8 / 1000)`;
    const idle = sql`r.next_slot < now() - ${IDLE_RESET} and r.paused_until < now()`;
    const spacing = sql`case when ${idle} or ${decayed} < 1 then 0 else ${decayed} end`;
    const { rows } = await sql<RateRow>`
      insert into slack_rate as r (method) values (${this.method})
      on conflict (method) do update set
        spacing_ms = ${spacing},
        next_slot = case when (${spacing}) = 0 or ${slots} = 0 then r.next_slot
          else greatest(r.next_slot, r.paused_until, now())
            + (${spacing}) * ${slots} * interval '1 millisecond' end
      returning ${ROW_OFFSETS}`.execute(this.db);
    const row = rows[0];
    if (row) this.apply(row, Date.now(), slots);
  }

  private apply(row: RateRow, now: number, slots: number): void {
    this.readAt = now;
    this.pausedUntil = Math.max(this.pausedUntil, now + Number(row.pause_ms));
    this.spacingMs = Number(row.spacing_ms);
    if (slots > 0 && this.spacingMs > 0) {
      // The reserved slots end at next_slot; the first is `slots` spacings before.
      this.nextSlot = Math.max(this.nextSlot, now + Number(row.next_slot_ms) - slots * this.spacingMs);
      this.slotsLeft = slots;
    }
  }
}

/** The row as offsets from the database's now, so no two clocks are compared. */
const ROW_OFFSETS = sql.raw(`
  greatest(0, extract(epoch from (r.paused_until - now())) * 1000)::float8 as pause_ms,
  r.spacing_ms,
  (extract(epoch from (r.next_slot - now())) * 1000)::float8 as next_slot_ms`);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
