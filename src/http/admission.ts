import type http from 'node:http';
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';

/**
 * Admission control for Slack requests: at most `max` are being handled at once (from the
 * moment Bolt gets one until its listeners are done, including the work after the ack); more
 * wait, in arrival order, before Bolt sees them.
 *
 * Why: an ack is cheap and the work behind it is not. Unbounded, a burst of commands piles up
 * acked-but-unfinished work — the ack benchmark measured ~300 MB of heap for 2,000 `/pmo
 * request`s and modals opened late enough for trigger_ids to expire. Bounded, memory stays flat
 * and each request's work is done soon after its ack; a burst waits a little for its ack instead.
 */
export class AdmissionLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  get inFlight(): number {
    return this.running;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Resolves once the request may go to Bolt, with a release to call once (extra calls are no-ops). */
  async admit(): Promise<() => void> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a release never lets two in.
      if (next) next();
      else this.running--;
    };
  }
}

/**
 * The slot of one admitted request, handed from the HTTP server to Bolt's first middleware
 * (through the receiver's custom properties). Bolt releases it when the listeners are done;
 * a request Bolt never dispatches (bad signature, unknown payload) releases it when its
 * response closes.
 */
export interface AdmissionSlot {
  release(): void;
  dispatched: boolean;
}

const SLOT = Symbol('pmo.admissionSlot');

export function attachSlot(req: http.IncomingMessage, res: http.ServerResponse, release: () => void): void {
  const slot: AdmissionSlot = { release, dispatched: false };
  (req as http.IncomingMessage & { [SLOT]?: AdmissionSlot })[SLOT] = slot;
  res.once('close', () => {
    if (!slot.dispatched) slot.release();
  });
}

export function slotOf(req: http.IncomingMessage): AdmissionSlot | undefined {
  return (req as http.IncomingMessage & { [SLOT]?: AdmissionSlot })[SLOT];
}

/** Bolt's first middleware: the request keeps its slot until every listener is done. */
export async function holdAdmissionSlot({
  context,
  next,
}: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const slot = context.admissionSlot as AdmissionSlot | undefined;
  if (slot) slot.dispatched = true;
  try {
    await next();
  } finally {
    slot?.release();
  }
}
