import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { alertStillRelevant } from './nudges';
import { silenceCheckOpen } from './silence';

/**
 * Send-time checks of the calendar's messages: a nudge or escalation about a request that was
 * answered meanwhile is not sent; "Still interested?" only while the question is open.
 */
export function calendarOutboxHooks(deps: Pick<Deps, 'db'>): Record<KindsOf<'calendar'>, OutboxHooks> {
  const relevant: OutboxHooks = {
    async beforeSend(row) {
      if (row.request_id === null) return { skip: 'no_request' };
      return (await alertStillRelevant(deps.db, row.request_id, row.kind)) ? undefined : { skip: 'answered' };
    },
  };
  return {
    'calendar.nudge': relevant,
    'calendar.escalation': relevant,
    'calendar.still_interested': {
      async beforeSend(row) {
        return row.recipient_id && (await silenceCheckOpen(deps.db, row.recipient_id))
          ? undefined
          : { skip: 'answered' };
      },
    },
  };
}
