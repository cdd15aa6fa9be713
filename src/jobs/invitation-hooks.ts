import type { WebClient } from '@slack/web-api';
import type { Deps } from '../deps';
import { introParticipants, recordIntroChannel } from '../services/coaching';
import { checkInvitationDelivery, markDelivered, markSkipped } from '../services/invitation-delivery';
import {
  InvitationViewCache,
  markAnnounced,
  recordSummaryPost,
  renderSummaryNow,
  reportAnnouncementFailure,
} from '../services/invitations';

/**
 * Outbox hooks of invitations and coaching: the send-time consent check of every invitation
 * DM, where each message landed (for chat.update later), and the coaching group DM.
 */
export function registerInvitationHooks(deps: Deps, client: WebClient): void {
  const { db, clock, outbox } = deps;
  const views = new InvitationViewCache();

  outbox.on('invitation.dm', {
    beforeSend: async (row) => {
      if (!row.invitation_id || !row.recipient_id) return { skip: 'not_a_recipient' };
      return checkInvitationDelivery(db, client, row.invitation_id, row.recipient_id, clock.now(), views);
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
  });

  outbox.on('invitation.summary', {
    // Rendered at send time, so RSVPs that came in before the post are already counted.
    beforeSend: async (row) => {
      const payload = row.invitation_id ? await renderSummaryNow(db, row.invitation_id) : undefined;
      return payload ? { payload } : undefined;
    },
    recordSent: async (trx, row, posted) => {
      if (row.invitation_id) await recordSummaryPost(trx, row.invitation_id, posted);
    },
  });

  outbox.on('invitation.announcement', {
    recordSent: async (trx, row) => {
      if (row.invitation_id) await markAnnounced(trx, row.invitation_id);
    },
    // Typically the app is not in that channel: tell the member instead of failing silently.
    // (The kick lands while this drain runs, so the drain goes round again after the commit.)
    recordFailed: async (trx, row, error) => {
      if (row.invitation_id) await reportAnnouncementFailure(trx, row.invitation_id, row.channel, error);
      outbox.kick();
    },
  });

  outbox.on('coaching.intro', {
    // A group DM of coach and coachee, opened by the sender (the interactive path stays fast).
    beforeSend: async (row) => {
      const id = engagementIdOf(row.dedupe_key);
      const e = id ? await introParticipants(db, id) : undefined;
      if (!e) return { skip: 'engagement_not_active' };
      const opened = await client.conversations.open({ users: `${e.coachId},${e.coacheeId}` });
      if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
      return { channel: opened.channel.id };
    },
    recordSent: async (trx, row, posted) => {
      const id = engagementIdOf(row.dedupe_key);
      if (id) await recordIntroChannel(trx, id, posted.channel);
    },
  });
}

/** `coaching.<id>.intro` → id */
function engagementIdOf(dedupeKey: string): number | undefined {
  const m = /^coaching\.(\d+)\./.exec(dedupeKey);
  return m ? Number(m[1]) : undefined;
}
