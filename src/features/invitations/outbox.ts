import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import type { OutboxHooks } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { invitationGate } from '../calendar';
import { checkInvitationDelivery, markDelivered, markSkipped } from './delivery';
import {
  InvitationViewCache,
  markAnnounced,
  recordSummaryPost,
  renderSummaryNow,
  reportAnnouncementFailure,
} from './service';

/**
 * What the outbox does with invitation messages: the send-time consent check of every
 * invitation DM (consent, pause, cap, deactivation — the check that makes the promises hold)
 * and where each message landed (for chat.update later).
 */
export function invitationOutboxHooks(
  deps: Deps,
  client: WebClient,
): Record<KindsOf<'invitation'>, OutboxHooks> {
  const { db, clock, outbox } = deps;
  const views = new InvitationViewCache();

  return {
    'invitation.dm': {
      beforeSend: async (row) => {
        if (!row.invitation_id || !row.recipient_id) return { skip: 'not_a_recipient' };
        // Away: held until they are back (the row waits, still queued), not skipped.
        const held = await invitationGate(deps, client, row.invitation_id, row.recipient_id, clock.now());
        if (held) return held;
        const decision = await checkInvitationDelivery(
          db,
          client,
          row.invitation_id,
          row.recipient_id,
          clock.now(),
          views,
        );
        // A "Still interested?" may have been queued by the check: the drain goes round again.
        if ('skip' in decision && decision.skip === 'quiet_after_silence') outbox.kick();
        return decision;
      },
      recordSent: async (trx, row, posted) => {
        if (row.invitation_id && row.recipient_id)
          await markDelivered(trx, row.invitation_id, row.recipient_id, posted, clock.now());
      },
      recordSkipped: async (trx, row, reason) => {
        if (row.invitation_id && row.recipient_id)
          await markSkipped(trx, row.invitation_id, row.recipient_id, reason);
      },
      recordFailed: async (trx, row, error) => {
        if (row.invitation_id && row.recipient_id)
          await markSkipped(trx, row.invitation_id, row.recipient_id, `failed: ${error}`);
      },
    },

    'invitation.summary': {
      // Rendered at send time, so RSVPs that came in before the post are already counted.
      beforeSend: async (row) => {
        const payload = row.invitation_id ? await renderSummaryNow(db, row.invitation_id) : undefined;
        return payload ? { payload } : undefined;
      },
      recordSent: async (trx, row, posted) => {
        if (row.invitation_id) await recordSummaryPost(trx, row.invitation_id, posted);
      },
    },

    'invitation.announcement': {
      recordSent: async (trx, row) => {
        if (row.invitation_id) await markAnnounced(trx, row.invitation_id);
      },
      // Typically the app is not in that channel: tell the member instead of failing silently.
      // (The kick lands while this drain runs, so the drain goes round again after the commit.)
      recordFailed: async (trx, row, error) => {
        if (row.invitation_id) await reportAnnouncementFailure(trx, row.invitation_id, row.channel, error);
        outbox.kick();
      },
    },
    // The member who sent an announcement hears it failed; the waitlisted person hears a seat freed.
    'invitation.announcement_failed': {},
    'rsvp.promoted': {},
  };
}
