import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { shareDigestChart } from './job';

/**
 * Once the digest's post is recorded as sent, its chart is shared in its thread (once, after the
 * commit); the thread reply names the post as its parent, so the sender sends it after the post.
 */
export function digestOutboxHooks(
  deps: Pick<Deps, 'db' | 'logger' | 'languages'>,
  client: WebClient,
): Record<KindsOf<'digest'>, OutboxHooks> {
  return {
    'digest.post': {
      afterSent: async (row, posted) => {
        await shareDigestChart(deps, client, row.dedupe_key, posted);
      },
    },
    'digest.thread': {},
  };
}
