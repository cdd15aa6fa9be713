import type { BenchContext } from './run';
import { ackLatency } from './scenario-ack';
import { digestAtScale } from './scenario-digest';
import { fanOut } from './scenario-fanout';
import { libraryAtScale } from './scenario-library';
import { nudgesAtScale } from './scenario-nudges';
import { privacyAtScale } from './scenario-privacy';
import { startUp } from './scenario-startup';

/** The benchmark's scenarios, in order; `npm run bench -- fanout` runs one. */
export const scenarios: Record<string, (ctx: BenchContext) => Promise<void>> = {
  ack: ackLatency,
  fanout: fanOut,
  digest: digestAtScale,
  nudges: nudgesAtScale,
  privacy: privacyAtScale,
  startup: startUp,
  library: libraryAtScale,
};
