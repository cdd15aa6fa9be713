import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { checkinStillOpen, recordCheckinMessage } from './service';

const checkinIdOf = (dedupeKey: string): number => Number(dedupeKey.split('.')[1]);

/**
 * What the outbox does with check-in messages:
 * - a question (or its reminder) answered or cancelled before delivery is skipped;
 * - the question's ts is kept on the check-in, so an answer from the reminder updates it too;
 * - the note to the owner has no condition: the rating it reports is final.
 */
export function checkinOutboxHooks({ db }: Pick<Deps, 'db'>): Record<KindsOf<'checkin'>, OutboxHooks> {
  const skipIfClosed: OutboxHooks = {
    beforeSend: async (row) =>
      (await checkinStillOpen(db, checkinIdOf(row.dedupe_key))) ? undefined : { skip: 'check-in closed' },
  };
  const keepWhereItLanded: OutboxHooks = {
    ...skipIfClosed,
    recordSent: (trx, row, posted) => recordCheckinMessage(trx, checkinIdOf(row.dedupe_key), posted),
  };
  return {
    'checkin.dm': keepWhereItLanded,
    'checkin.followup': keepWhereItLanded,
    'checkin.remind': skipIfClosed,
    'checkin.owner': {},
  };
}
