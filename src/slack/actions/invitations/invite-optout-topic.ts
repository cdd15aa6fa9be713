import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { optOutFromInvitation } from '../../../services/invitation-delivery';
import { refreshHome } from '../../home-publisher';
import { INVITE_IDS } from '../../ids';
import { parseButton } from './button';
import { redrawDm } from './invitation-dm';

/** "Opt out of this topic": one click, applies at once, including to queued invitations. */
export function registerInviteOptOutTopic(app: App, deps: Deps): void {
  app.action(INVITE_IDS.optOutTopic, async ({ ack, body, client }) => {
    await ack();
    const click = parseButton(body);
    if (!click.id) return;
    const result = await optOutFromInvitation(deps.db, click.id, click.userId, deps.clock.now());
    if (!result) return;
    if (result.coachingEnded) deps.outbox.kick();
    await redrawDm(deps, client, click.id, click.userId, click);
    await refreshHome(deps, client, click.userId);
  });
}
