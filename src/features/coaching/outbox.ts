import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { openConversation } from '../../slack/kit/conversations';
import { introParticipants, recordIntroChannel } from './service';

/** `coaching.<id>.intro` → id */
function engagementIdOf(dedupeKey: string): number | undefined {
  const m = /^coaching\.(\d+)\./.exec(dedupeKey);
  return m ? Number(m[1]) : undefined;
}

/**
 * What the outbox does with coaching messages. The introduction goes to a group DM of coach and
 * coachee, opened by the sender (the interactive path stays fast), and only while the
 * engagement is active; proposals, "no coach yet" and endings go as they are.
 */
export function coachingOutboxHooks(
  { db }: Pick<Deps, 'db'>,
  client: WebClient,
): Record<KindsOf<'coaching'>, OutboxHooks> {
  return {
    'coaching.intro': {
      beforeSend: async (row) => {
        const id = engagementIdOf(row.dedupe_key);
        const e = id ? await introParticipants(db, id) : undefined;
        if (!e) return { skip: 'engagement_not_active' };
        return { channel: await openConversation(client, [e.coachId, e.coacheeId]) };
      },
      recordSent: async (trx, row, posted) => {
        const id = engagementIdOf(row.dedupe_key);
        if (id) await recordIntroChannel(trx, id, posted.channel);
      },
    },
    'coaching.proposal': {},
    'coaching.unmatched': {},
    'coaching.ended': {},
  };
}
