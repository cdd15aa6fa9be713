import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { KindsOf } from '../../outbox/kinds';
import type { OutboxHooks } from '../../outbox/sender';
import { digestParentTs, releaseDigestThread, shareDigestChart } from './job';

/**
 * The digest's thread reply is held until its parent is posted, then released with its ts; once
 * the parent is recorded as sent, its chart is shared in its thread (once, after the commit).
 */
export function digestOutboxHooks(
  deps: Pick<Deps, 'db' | 'logger'>,
  client: WebClient,
): Record<KindsOf<'digest'>, OutboxHooks> {
  const { db } = deps;
  return {
    'digest.post': {
      recordSent: (trx, row, posted) => releaseDigestThread(trx, row.dedupe_key, posted.ts),
      afterSent: async (row, posted) => {
        await shareDigestChart(deps, client, row.dedupe_key, posted);
      },
    },
    'digest.thread': {
      beforeSend: async (row) => {
        if (row.thread_ts) return undefined;
        const ts = await digestParentTs(db, row.dedupe_key);
        if (!ts) throw new Error('the digest is not posted yet');
        return { threadTs: ts };
      },
    },
  };
}
