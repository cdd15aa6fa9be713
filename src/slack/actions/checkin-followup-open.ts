import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { openFollowup } from '../../services/checkins';
import { renderFollowupModal } from '../../views/checkins';
import { CHECKIN_IDS } from '../ids';

/** "Tell us" on a follow-up DM: opens the outcome-tags modal while the question is open. */
export function registerCheckinFollowupOpen(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(
    CHECKIN_IDS.followupOpen,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const id = z.coerce.number().int().positive().safeParse(action.value);
      if (!id.success) return;
      const open = await openFollowup(deps.db, { checkinId: id.data, userId: body.user.id });
      if (open.status !== 'open') {
        const text =
          open.status === 'already'
            ? 'You already answered this follow-up. Thanks — nothing changed.'
            : open.status === 'closed'
              ? 'This follow-up has closed. Thanks all the same.'
              : 'This follow-up is not for you.';
        await respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      }
      const container = body.container as { channel_id?: string; message_ts?: string };
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderFollowupModal(open.subject, {
          channel: container.channel_id ?? body.channel?.id ?? '',
          ts: container.message_ts ?? body.message?.ts ?? '',
        }),
      });
    },
  );
}
