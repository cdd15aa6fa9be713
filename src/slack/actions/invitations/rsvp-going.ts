import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { rsvpGoing } from '../../../services/rsvp';
import { RSVP_IDS } from '../../ids';
import { parseButton } from './button';
import { personTz, redrawDm, redrawSummary } from './invitation-dm';

/** "I'm in": a seat if there is one, else the waitlist. Works once. */
export function registerRsvpGoing(app: App, deps: Deps): void {
  app.action(RSVP_IDS.going, async ({ ack, body, client }) => {
    await ack();
    const click = parseButton(body);
    if (!click.id) return;
    const tz = await personTz(deps, client, click.userId);
    const outcome = await rsvpGoing(deps.db, click.id, click.userId, deps.clock.now(), tz);
    if (outcome === 'not_invited') return;
    await redrawDm(deps, client, click.id, click.userId, click);
    if (outcome === 'going' || outcome === 'waitlist') await redrawSummary(deps, client, click.id);
  });
}
