import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { optInFromAnnouncement } from '../../../services/invitations';
import { renderAnnouncementOptIn } from '../../../views/invitations';
import { refreshHome } from '../../home-publisher';
import { INVITE_IDS } from '../../ids';
import { parseButton } from './button';
import { redrawSummary } from './invitation-dm';

/** "Opt me in" on an open announcement: the clicker, and only the clicker, is opted in. */
export function registerAnnounceOptIn(app: App, deps: Deps): void {
  app.action(INVITE_IDS.announceOptIn, async ({ ack, body, client }) => {
    await ack();
    const click = parseButton(body);
    if (!click.id || !click.channel) return;
    const result = await optInFromAnnouncement(deps.db, click.id, click.userId, deps.clock.now());
    if (!result) return;
    const answer = renderAnnouncementOptIn(result, deps.config.pmo.command);
    await client.chat.postEphemeral({
      channel: click.channel,
      user: click.userId,
      ...answer,
      blocks: answer.blocks as never,
    });
    if (result.changed.length) await redrawSummary(deps, client, click.id);
    if (result.changed.length) await refreshHome(deps, client, click.userId);
  });
}
