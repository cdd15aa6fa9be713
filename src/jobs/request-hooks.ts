import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { getRequest, KIND, recordTriagePost, renderTriageFor } from '../services/requests';

/**
 * Outbox hooks for requests:
 * - the triage post's ts is recorded when it lands, and if the request changed while the
 *   post was queued (someone acted on it from /pmo status, say), it is updated at once;
 * - replies in the triage thread wait until the triage post exists.
 */
export function registerRequestOutboxHooks(deps: Deps, client: WebClient): void {
  deps.outbox.on(KIND.triagePost, {
    async afterSend(row, posted) {
      if (row.request_id === null) return;
      await recordTriagePost(deps.db, row.request_id, posted.channel, posted.ts);
      const r = await getRequest(deps.db, row.request_id);
      if (!r || r.triage_ts !== posted.ts) return;
      const current = await renderTriageFor(deps, client, r);
      if (JSON.stringify(current.blocks) === JSON.stringify(row.payload.blocks)) return;
      await client.chat.update({
        channel: posted.channel,
        ts: posted.ts,
        text: current.text,
        blocks: current.blocks,
      });
    },
  });

  deps.outbox.on(KIND.thread, {
    async beforeSend(row) {
      if (row.thread_ts) return undefined;
      const r = row.request_id === null ? undefined : await getRequest(deps.db, row.request_id);
      if (!r) return { skip: 'request not found' };
      // Thrown, so the sender retries with backoff until the triage post has been posted.
      if (!r.triage_ts) throw new Error('the triage post is not posted yet');
      return { threadTs: r.triage_ts };
    },
  });
}
