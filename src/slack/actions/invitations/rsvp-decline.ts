import type { App } from '@slack/bolt';
import type { Deps } from '../../../deps';
import { rsvpDecline } from '../../../services/rsvp';
import { RSVP_IDS } from '../../ids';
import { parseButton } from './button';
import { redrawDm, redrawSummary } from './invitation-dm';

/** "Not this time" (or stepping back later): frees a seat for the first on the waitlist. */
export function registerRsvpDecline(app: App, deps: Deps): void {
  app.action(RSVP_IDS.decline, async ({ ack, body, client }) => {
    await ack();
    const click = parseButton(body);
    if (!click.id) return;
    const result = await rsvpDecline(deps.db, click.id, click.userId, deps.clock.now());
    if (result.outcome === 'not_invited') return;
    if (result.promoted) deps.outbox.kick();
    await redrawDm(deps, client, click.id, click.userId, click);
    if (result.outcome !== 'declined') return;
    if (result.promoted) await redrawDm(deps, client, click.id, result.promoted.userId, result.promoted);
    await redrawSummary(deps, client, click.id);
  });
}
