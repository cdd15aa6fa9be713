import type { Deps } from '../../deps';
import type { KindsOf } from '../../outbox/kinds';
import type { OutboxHooks } from '../../outbox/sender';
import { digestParentTs, releaseDigestThread } from './job';

/** The digest's thread reply is held until its parent is posted, then released with its ts. */
export function digestOutboxHooks({ db }: Pick<Deps, 'db'>): Record<KindsOf<'digest'>, OutboxHooks> {
  return {
    'digest.post': {
      recordSent: (trx, row, posted) => releaseDigestThread(trx, row.dedupe_key, posted.ts),
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
