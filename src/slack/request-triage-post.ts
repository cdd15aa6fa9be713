import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { getRequest, renderTriageFor } from '../services/requests';

/**
 * Brings the triage post in the PMO channel up to date, in place (chat.update on the same
 * ts), after a change has committed. Done with the interactive client, not the outbox: it
 * edits an existing message rather than sending a new one. A failure is logged, not thrown:
 * the change itself is stored, and the next change re-renders the whole post.
 */
export async function refreshTriagePost(deps: Deps, client: WebClient, requestId: number): Promise<void> {
  try {
    const r = await getRequest(deps.db, requestId);
    if (!r?.triage_channel || !r.triage_ts) return;
    const post = await renderTriageFor(deps, client, r);
    await client.chat.update({
      channel: r.triage_channel,
      ts: r.triage_ts,
      text: post.text,
      blocks: post.blocks,
    });
  } catch (err) {
    deps.logger.warn({ err, requestId }, 'could not update the triage post');
  }
}
