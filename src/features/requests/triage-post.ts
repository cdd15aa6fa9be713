import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { getRequest, renderTriageFor } from './service';

/**
 * Brings the triage post in the PMO channel up to date, in place (chat.update on the same
 * ts), after a change has committed. Done with the interactive client, not the outbox: it
 * edits an existing message rather than sending a new one.
 *
 * Two refreshes can race (a fast claim then start, or the outbox recording the post while
 * someone acts) and land out of order, so after each update the post is rendered again and
 * updated once more if the state moved meanwhile. `shown` is what the post shows now, if
 * known, to skip a needless update. A failure is logged, not thrown: the change itself is
 * stored, and the next change re-renders the whole post.
 */
export async function syncTriagePost(
  deps: Deps,
  client: WebClient,
  requestId: number,
  shown?: unknown[],
): Promise<void> {
  let last = shown === undefined ? undefined : JSON.stringify(shown);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await getRequest(deps.db, requestId);
      if (!r?.triage_channel || !r.triage_ts) return;
      const post = await renderTriageFor(deps, client, r);
      const json = JSON.stringify(post.blocks);
      if (json === last) return;
      await client.chat.update({
        channel: r.triage_channel,
        ts: r.triage_ts,
        text: post.text,
        blocks: post.blocks,
      });
      last = json;
    }
  } catch (err) {
    deps.logger.warn({ err, requestId }, 'could not update the triage post');
  }
}

/** After a change made by a click or a modal. */
export const refreshTriagePost = (deps: Deps, client: WebClient, requestId: number) =>
  syncTriagePost(deps, client, requestId);
