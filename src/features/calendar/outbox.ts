import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { renderStillInterested } from './blocks';
import { alertStillRelevant } from './nudges';
import { silenceCheckOpen } from './silence';

/** `calendar.still.<check id>` → the check's id. */
const stillCheckId = (dedupeKey: string): number | undefined => {
  const id = Number(dedupeKey.match(/^calendar\.still\.(\d+)$/)?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
};

/**
 * Send-time checks of the calendar's messages: a nudge or escalation about a request that was
 * answered meanwhile is not sent; "Still interested?" only while the question is open, and
 * written in its recipient's language at that moment (it is asked where no Slack client is at
 * hand: the invitation's send-time check).
 */
export function calendarOutboxHooks(
  deps: Pick<Deps, 'db' | 'languages'>,
  client: WebClient,
): Record<KindsOf<'calendar'>, OutboxHooks> {
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
        if (!row.recipient_id || !(await silenceCheckOpen(deps.db, row.recipient_id)))
          return { skip: 'answered' };
        const checkId = stillCheckId(row.dedupe_key);
        if (checkId === undefined) return undefined;
        const language = await deps.languages.of(client, row.recipient_id).catch(() => deps.languages.pmo());
        return { payload: renderStillInterested(translatorFor(language), checkId) };
      },
    },
  };
}
