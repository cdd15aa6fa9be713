import type { Clock } from '../src/clock';

/**
 * Real time plus an offset that only grows: the sandbox's "run scheduled jobs now, 8 days
 * later" moves the app's business time forward while the process keeps running normally.
 */
export class ShiftedClock implements Clock {
  private offset = 0;

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** Moves time forward; going back would let jobs see the same slot twice. */
  shift(ms: number): void {
    if (ms < 0) throw new Error('the sandbox clock only moves forward');
    this.offset += ms;
  }
}
