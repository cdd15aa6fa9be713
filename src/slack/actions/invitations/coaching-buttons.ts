import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { acceptCoaching, endCoaching, loadEngagementView, passCoaching } from '../../../services/coaching';
import { renderCoachProposalResolved } from '../../../views/coaching';
import { refreshHomes, tellWhereClicked } from '../../home-publisher';
import { COACHING_IDS } from '../../ids';
import { parseButton } from './button';

/** The coach's Accept / Pass on a proposal, and either side's End. Each works once. */
export function registerCoachingButtons(app: App, deps: Deps): void {
  const { db, clock, outbox } = deps;

  for (const actionId of [COACHING_IDS.accept, COACHING_IDS.pass]) {
    app.action(actionId, async ({ ack, body, client }) => {
      await ack();
      const click = parseButton(body);
      if (!click.id) return;
      const outcome =
        actionId === COACHING_IDS.accept
          ? await acceptCoaching(db, click.id, click.userId, clock.now())
          : await passCoaching(db, click.id, click.userId);
      outbox.kick();
      const view = await loadEngagementView(db, click.id);
      if (view && outcome !== 'closed') await refreshHomes(deps, client, [view.coacheeId, view.coachId]);
      if (!view || !click.channel || !click.ts) return;
      const message = renderCoachProposalResolved(view, outcome);
      await client.chat.update({
        channel: click.channel,
        ts: click.ts,
        text: message.text,
        blocks: message.blocks as never,
      });
    });
  }

  app.action(COACHING_IDS.end, async ({ ack, body, client }) => {
    await ack();
    const click = parseButton(body);
    if (!click.id) return;
    const outcome = await endCoaching(db, click.id, click.userId, clock.now());
    // The End button is on the Home tab too (no channel there): Home is re-published instead.
    if (!click.channel) {
      const note =
        outcome === 'not_yours'
          ? 'Only the coach or the person being coached can end this engagement.'
          : outcome === 'ended'
            ? 'This coaching engagement has ended. Thank you both.'
            : 'This coaching engagement had already ended.';
      await tellWhereClicked(deps, client, body, undefined, note);
    }
    if (outcome === 'ended') {
      const ended = await loadEngagementView(db, click.id);
      // On Home the clicker's tab was just re-published with the note above.
      const others = [ended?.coacheeId, ended?.coachId].filter((u) => click.channel || u !== click.userId);
      await refreshHomes(deps, client, others);
    }
    if (outcome === 'not_yours') {
      if (click.channel)
        await client.chat.postEphemeral({
          channel: click.channel,
          user: click.userId,
          text: 'Only the coach or the person being coached can end this engagement.',
        });
      return;
    }
    outbox.kick();
    if (!click.channel || !click.ts) return;
    // The buttons go; the ending itself is told to both by DM.
    await client.chat.update({
      channel: click.channel,
      ts: click.ts,
      text: 'This coaching engagement has ended.',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'This coaching engagement has ended. Thank you both.' },
        },
      ],
    });
  });
}
