import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { RequestWithService } from './blocks/common';
import { getRequest, renderTriageFor } from './service';

/**
 * Brings the triage post in the PMO channel up to date, in place (chat.update on the same
 * ts), after a change has committed. Done with the interactive client, not the outbox: it
 * edits an existing message rather than sending a new one.
 *
 * Two refreshes can race (a fast claim then start, or the outbox recording the post while
 * someone acts) and land out of order, so after each update the row is read again and the post
 * drawn once more if the row moved meanwhile. `shown` is what the post shows now, if
 * known, to skip a needless update. A failure is logged, not thrown: the change itself is
 * stored, and the next change re-renders the whole post.
 */
export async function syncTriagePost(
  deps: Deps,
  client: WebClient,
  request: number | RequestWithService,
  shown?: unknown[],
): Promise<void> {
  const requestId = typeof request === 'number' ? request : request.id;
  let last = shown === undefined ? undefined : JSON.stringify(shown);
  try {
    // A step that just committed hands over the row it wrote: no need to read it again.
    let r = typeof request === 'number' ? await getRequest(deps.db, requestId) : request;
    for (let attempt = 0; attempt < 3 && r; attempt++) {
      if (!r.triage_channel || !r.triage_ts) return;
      const post = await renderTriageFor(deps, client, r);
      // Compared only when there is something to compare with (what the post shows, or the last
      // drawing): a change's first drawing is sent as it is.
      const json = last === undefined ? undefined : JSON.stringify(post.blocks);
      if (json === undefined || json !== last) {
        await client.chat.update({
          channel: r.triage_channel,
          ts: r.triage_ts,
          text: post.text,
          blocks: post.blocks,
        });
      }
      // Drawn again only if the row moved while this update was on its way.
      const now = await getRequest(deps.db, requestId);
      if (!now || JSON.stringify(now) === JSON.stringify(r)) return;
      last = json ?? JSON.stringify(post.blocks);
      r = now;
    }
  } catch (err) {
    deps.logger.warn({ err, requestId }, 'could not update the triage post');
  }
}

/** After a change made by a click or a modal: the changed row, or its id to read it. */
export const refreshTriagePost = (deps: Deps, client: WebClient, request: number | RequestWithService) =>
  syncTriagePost(deps, client, request);
