import type { BenchContext } from './run';
import { ackLatency } from './scenario-ack';

/** The benchmark's scenarios, in order; `npm run bench -- ack` runs one. */
export const scenarios: Record<string, (ctx: BenchContext) => Promise<void>> = {
  ack: ackLatency,
};
