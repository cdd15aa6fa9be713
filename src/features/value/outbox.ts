import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { youSaidCheck } from './service';

/** "You said, we did" DMs: consent and working hours checked when sent, not when recorded. */
export function valueOutboxHooks(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  client: WebClient,
): Record<KindsOf<'value'>, OutboxHooks> {
  return {
    'value.you_said_we_did': {
      beforeSend: (row) => youSaidCheck(deps, client, row.recipient_id ?? row.channel),
    },
  };
}
