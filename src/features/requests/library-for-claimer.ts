import type { Deps } from '../../deps';
import { enqueueMessages } from '../../outbox/enqueue';
import type { RequestWithService } from './blocks/common';
import { KIND, underTriagePost } from './service';

/**
 * When a member claims a request, what the PMO library already has for its service, in the
 * triage post's thread, addressed to them.
 *
 * A thread reply that mentions the claimer, not an ephemeral: an ephemeral cannot go through the
 * outbox (which holds, paces and sends every message the app sends on its own, once), vanishes
 * when Slack reloads, and is lost when the claim is made from Home or a DM, away from the
 * thread. The thread is the PMO's own working channel and the entries are published ones, which
 * anybody may find with `/pmo library`, so showing them to the team there reveals nothing.
 *
 * Keyed by the claim's event: a double click makes one claim and so one reply, and a claim after
 * an unclaim is a new event, so the next claimer hears too.
 */
export async function offerLibraryToClaimer(
  deps: Deps,
  r: RequestWithService,
  claimEventId: number,
): Promise<boolean> {
  if (!r.owner_id) return false;
  const payload = await deps.library.forClaimer(r.service_id, r.owner_id);
  if (!payload) return false;
  const queued = await enqueueMessages(deps.db, [
    {
      kind: KIND.thread,
      dedupeKey: `request.${r.id}.claim.${claimEventId}.library`,
      ...underTriagePost(r, deps.config.pmo.channelId),
      payload,
      requestId: r.id,
    },
  ]);
  if (queued) deps.outbox.kick();
  return queued > 0;
}
