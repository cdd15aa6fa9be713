import type { WebClient } from '@slack/web-api';
import type { Deps } from '../../deps';
import { type Translator, translatorFor } from '../../i18n';
import type { OutboxHooks, Posted } from '../../outbox/hooks';
import type { KindsOf } from '../../outbox/kinds';
import { invitationGate } from '../calendar';
import { renderPromotedDm } from './blocks';
import { checkInvitationDelivery, markDelivered, markDeliveredAll, markSkipped } from './delivery';
import {
  InvitationViewCache,
  markAnnounced,
  recordSummaryPost,
  renderAnnouncementFailureNow,
  renderSummaryNow,
  reportAnnouncementFailure,
} from './service';

/**
 * What the outbox does with invitation messages: the send-time consent check of every
 * invitation DM (consent, pause, cap, deactivation — the check that makes the promises hold)
 * and where each message landed (for chat.update later). Each DM is rendered here, just before
 * it goes, in its recipient's language (their choice, else their Slack locale from the cached
 * people row); channel posts in the PMO's.
 */
export function invitationOutboxHooks(
  deps: Deps,
  client: WebClient,
): Record<KindsOf<'invitation'>, OutboxHooks> {
  const { db, clock, outbox } = deps;
  const views = new InvitationViewCache();
  const translatorOf = async (userId: string): Promise<Translator> =>
    translatorFor(await deps.languages.of(client, userId));
  const pmo = () => translatorFor(deps.languages.pmo());

  return {
    'invitation.dm': {
      beforeSend: async (row) => {
        if (!row.invitation_id || !row.recipient_id) return { skip: 'not_a_recipient' };
        // Away: held until they are back (the row waits, still queued), not skipped.
        const held = await invitationGate(deps, client, row.invitation_id, row.recipient_id, clock.now());
        if (held) return held;
        const recipient = row.recipient_id;
        const decision = await checkInvitationDelivery(
          db,
          client,
          row.invitation_id,
          recipient,
          clock.now(),
          views,
          () => translatorOf(recipient),
        );
        // A "Still interested?" may have been queued by the check: the drain goes round again.
        if ('skip' in decision && decision.skip === 'quiet_after_silence') outbox.kick();
        return decision;
      },
      recordSent: async (trx, row, posted) => {
        if (row.invitation_id && row.recipient_id)
          await markDelivered(trx, row.invitation_id, row.recipient_id, posted, clock.now());
      },
      // A batch of posts: one lock and one finish check per invitation, not per person. In the
      // order of the ids, so two batches lock the same invitations in the same order.
      recordSentAll: async (trx, sent) => {
        const byInvitation = new Map<number, Array<{ userId: string; posted: Posted }>>();
        for (const { row, posted } of sent) {
          if (!row.invitation_id || !row.recipient_id) continue;
          const list = byInvitation.get(row.invitation_id) ?? [];
          list.push({ userId: row.recipient_id, posted });
          byInvitation.set(row.invitation_id, list);
        }
        for (const [id, delivered] of [...byInvitation].sort((a, b) => a[0] - b[0]))
          await markDeliveredAll(trx, id, delivered, clock.now());
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
        const payload = row.invitation_id ? await renderSummaryNow(db, row.invitation_id, pmo()) : undefined;
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
    // The member who sent an announcement hears it failed, in their language: rendered as it goes.
    'invitation.announcement_failed': {
      beforeSend: async (row) => {
        if (!row.invitation_id) return undefined;
        const payload = await renderAnnouncementFailureNow(
          db,
          row.invitation_id,
          await translatorOf(row.channel),
        );
        return payload ? { payload } : undefined;
      },
    },
    // The waitlisted person hears a seat freed, in their language: rendered as it goes.
    'rsvp.promoted': {
      beforeSend: async (row) => {
        const view = row.invitation_id ? await views.get(db, row.invitation_id) : undefined;
        return view ? { payload: renderPromotedDm(await translatorOf(row.channel), view) } : undefined;
      },
    },
  };
}
