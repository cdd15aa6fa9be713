import type { Deps } from '../../deps';
import { runDueErasures } from './erase';
import { runRetention } from './retention';

/** The daily privacy job: due erasures of deactivated accounts, then retention. */
export async function runPrivacyJob(deps: Deps, _client: unknown, now: Date) {
  const erasures = await runDueErasures(deps, now);
  const retention = await runRetention(deps, now);
  return { erased: erasures.erased, retention };
}
