import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { Deps } from '../../deps';
import { loadSubject, recordRating } from '../../services/checkins';
import { renderCheckinDetailsModal, renderCheckinThanks } from '../../views/checkins';
import { refreshHome, tellWhereClicked } from '../home-publisher';
import { CHECKIN_RATE_ACTION_RE } from '../ids';

/** "checkinId:rating", as the view puts it on each button. */
const RateValue = z
  .string()
  .regex(/^\d+:[1-5]$/)
  .transform((v) => {
    const [id, rating] = v.split(':').map(Number) as [number, number];
    return { checkinId: id, rating };
  });

/**
 * A click on 1–5 in a check-in DM (or the same buttons on the Home tab): record it once,
 * thank in place, offer the optional modal, and re-publish Home so it drops the question.
 */
export function registerCheckinRate(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>(
    CHECKIN_RATE_ACTION_RE,
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const parsed = RateValue.safeParse(action.value);
      if (!parsed.success) return;
      const outcome = await recordRating(deps.db, {
        ...parsed.data,
        userId: body.user.id,
        now: deps.clock.now(),
      });
      if (outcome.status !== 'recorded') {
        const text =
          outcome.status === 'already'
            ? `You already answered this check-in (recorded ${outcome.rating}/5). Thanks — nothing changed.`
            : outcome.status === 'closed'
              ? 'This check-in has closed. Thanks all the same.'
              : 'This check-in is not for you.';
        // From Home there is no response_url: the note goes on top of the re-published tab.
        await tellWhereClicked(deps, client, body, respond, text);
        return;
      }
      deps.outbox.kick();
      // The trigger lasts 3 s: the modal first, then the message update.
      // The modal is optional: if Slack refuses it (an expired trigger), the rating still stands
      // and the DM must still lose its buttons.
      await client.views
        .open({
          trigger_id: body.trigger_id,
          view: renderCheckinDetailsModal(outcome.subject, outcome.rating, {
            offerFollowup: outcome.offerFollowup,
            followupAfterDays: deps.config.checkins.followupAfterDays,
          }),
        })
        .catch((err: Error) =>
          deps.logger.warn(
            { err, checkinId: outcome.subject.checkinId },
            'could not open the check-in details modal',
          ),
        );
      const thanks = renderCheckinThanks(outcome.subject, outcome.rating);
      const clicked = body.container as { channel_id?: string; message_ts?: string };
      const targets = new Map<string, { channel: string; ts: string }>();
      if (clicked.channel_id && clicked.message_ts)
        targets.set(clicked.message_ts, { channel: clicked.channel_id, ts: clicked.message_ts });
      // Answered from the reminder: the first question loses its buttons too.
      const stored = await loadSubject(deps.db, outcome.subject.checkinId);
      if (stored?.messageChannel && stored.messageTs)
        targets.set(stored.messageTs, { channel: stored.messageChannel, ts: stored.messageTs });
      for (const target of targets.values()) {
        await client.chat.update({ ...target, text: thanks.text, blocks: thanks.blocks });
      }
      await refreshHome(deps, client, body.user.id, { notice: thanks.text });
    },
  );
}
