import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { pauseFromInvitation } from '../../../services/invitation-delivery';
import { refreshHome } from '../../home-publisher';
import { INVITE_IDS } from '../../ids';
import { parseButton } from './button';
import { personTz, redrawDm } from './invitation-dm';

/** "Pause 4 weeks": applies at once to every invitation not yet delivered, queued ones too. */
export function registerInvitePause(app: App, deps: Deps): void {
  app.action(INVITE_IDS.pause, async ({ ack, body, client }) => {
    await ack();
    const click = parseButton(body);
    if (!click.id) return;
    const tz = await personTz(deps, client, click.userId);
    const result = await pauseFromInvitation(deps.db, click.id, click.userId, deps.clock.now(), tz);
    if (!result) return;
    await redrawDm(deps, client, click.id, click.userId, click);
    await refreshHome(deps, client, click.userId);
  });
}
