/**
 * How fast one sender posts. Slack's limits are in real seconds (Retry-After), so the pacer
 * measures with the wall clock, never the app's clock (which tests and the sandbox move).
 *
 * Pausing for Retry-After and then bursting again would hit the limit at every window and waste
 * a pause each time; instead, after a 429 the sender spaces its posts by the rate Slack just
 * accepted (posts in the last Retry-After window), and probes a little faster every so often in
 * case the limit was a transient one.
 */

const IDLE_RESET_MS = 60_000;

export class Pacer {
  private pausedUntil = 0;
  private spacingMs = 0;
  private nextSlot = 0;
  private recentPosts: number[] = [];
  private sinceAdjust = 0;

  /** Slack said Retry-After: nobody posts until then, and posts are spaced from now on. */
  throttled(retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
    this.learnRate(retryAfterMs);
  }

  /** Waits out a pause (re-checked, as another 429 may extend it). */
  async waitOutPause(): Promise<void> {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
      await sleep(wait);
    }
  }

  /** Waits for this worker's turn under the learnt spacing (no wait until a 429 taught one). */
  async takeSlot(): Promise<void> {
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

  posted(): void {
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
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
