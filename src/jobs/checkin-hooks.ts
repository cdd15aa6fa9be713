import type { Deps } from '../deps';
import { checkinStillOpen, OUTBOX_KIND, recordCheckinMessage } from '../services/checkins';
import { DIGEST_KIND, digestParentTs, releaseDigestThread } from './digest';

const checkinIdOf = (dedupeKey: string): number => Number(dedupeKey.split('.')[1]);

/**
 * Outbox hooks of check-ins and the digest:
 * - a check-in question (or its reminder) answered or cancelled before delivery is skipped;
 * - the question's ts is kept on the check-in, so an answer from the reminder updates it too;
 * - the digest's thread reply is held until its parent is posted, then released with its ts.
 */
export function registerCheckinAndDigestHooks(deps: Pick<Deps, 'db' | 'outbox'>): void {
  const { db, outbox } = deps;
  const skipIfClosed = {
    beforeSend: async (row: { dedupe_key: string }) =>
      (await checkinStillOpen(db, checkinIdOf(row.dedupe_key))) ? undefined : { skip: 'check-in closed' },
  };
  outbox.on(OUTBOX_KIND.ask, {
    ...skipIfClosed,
    recordSent: (trx, row, posted) => recordCheckinMessage(trx, checkinIdOf(row.dedupe_key), posted),
  });
  outbox.on(OUTBOX_KIND.followup, {
    ...skipIfClosed,
    recordSent: (trx, row, posted) => recordCheckinMessage(trx, checkinIdOf(row.dedupe_key), posted),
  });
  outbox.on(OUTBOX_KIND.remind, skipIfClosed);
  outbox.on(DIGEST_KIND.main, {
    recordSent: (trx, row, posted) => releaseDigestThread(trx, row.dedupe_key, posted.ts),
  });
  outbox.on(DIGEST_KIND.thread, {
    beforeSend: async (row) => {
      if (row.thread_ts) return undefined;
      const ts = await digestParentTs(db, row.dedupe_key);
      if (!ts) throw new Error('the digest is not posted yet');
      return { threadTs: ts };
    },
  });
}
