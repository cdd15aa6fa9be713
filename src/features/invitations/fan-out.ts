import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { translatorFor } from '../../i18n';
import { enqueueMessages, type WithOutbox } from '../../outbox/enqueue';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { computeAudience, type Recipient } from './audience';
import { type InvitationDraft, renderAnnouncement, renderInvitationDm, renderSummary } from './blocks';
import { draftSchema } from './compose';
import { loadInvitationView } from './invitation-view';

/** Sending an invitation: everything its fan-out will deliver, queued in the transaction that creates it. */

export interface SendResult {
  invitationId: number;
  /** People with a queued DM (dm mode). */
  queued: number;
  /** False when this submission had already created the invitation (a double submit). */
  created: boolean;
}

/**
 * One transaction: the invitation, its topics, one recipient row and one outbox row per
 * person (unique per invitation and person), the announcement if any, and the PMO summary.
 * The submission key (the confirmation view's id) makes a double submit create nothing new.
 */
export async function sendInvitation(
  deps: WithOutbox & { config: Config },
  input: { draft: InvitationDraft; submissionKey: string; createdBy: string },
  now: Date,
): Promise<SendResult> {
  const result = await sendInvitationIn(deps.db, deps.config, input, now);
  deps.outbox.kick();
  return result;
}

async function sendInvitationIn(
  db: Database,
  config: Config,
  input: { draft: InvitationDraft; submissionKey: string; createdBy: string },
  now: Date,
): Promise<SendResult> {
  // The draft's rules hold here too, whoever calls.
  const draft = draftSchema.parse(input.draft);
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('invitations')
      .values({
        submission_key: input.submissionKey,
        created_by: input.createdBy,
        title: draft.title,
        message: draft.message,
        event_date: draft.eventDate,
        link: draft.link,
        seats: draft.seats,
        rsvp_deadline: draft.rsvpDeadline,
        mode: draft.mode,
        announce_channel: draft.mode === 'channel' ? draft.channel : null,
        summary_channel: config.pmo.channelId,
        created_at: now,
      })
      .onConflict((oc) => oc.column('submission_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx
        .selectFrom('invitations')
        .select('id')
        .where('submission_key', '=', input.submissionKey)
        .executeTakeFirstOrThrow();
      const n = await tx
        .selectFrom('invitation_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('invitation_id', '=', existing.id)
        .executeTakeFirstOrThrow();
      return { invitationId: existing.id, queued: Number(n.n), created: false };
    }
    const id = inserted.id;
    await tx
      .insertInto('invitation_topics')
      .values(draft.topicIds.map((topic_id) => ({ invitation_id: id, topic_id })))
      .execute();
    const view = await loadInvitationView(tx, id);
    if (!view) throw new Error('invitation vanished inside its own transaction');
    // Channel posts (the announcement, the PMO summary) are in the PMO's language.
    const pmo = translatorFor(config.pmo.language);

    let recipients: Recipient[] = [];
    if (draft.mode === 'dm') {
      recipients = (await computeAudience(tx, draft.topicIds, now, config.pmo.timezone)).recipients;
      const names = new Map(
        (
          await tx.selectFrom('topics').select(['id', 'name']).where('id', 'in', draft.topicIds).execute()
        ).map((t) => [t.id, t.name]),
      );
      for (let i = 0; i < recipients.length; i += 1000) {
        await tx
          .insertInto('invitation_recipients')
          .values(
            recipients
              .slice(i, i + 1000)
              .map((r) => ({ invitation_id: id, user_id: r.userId, topic_id: r.topicId })),
          )
          .execute();
      }
      // The payload is rendered again at send time, in each recipient's language (the topic
      // named may change too); this one, in the PMO's language and the same for everyone
      // invited for a topic, is what a reader of the outbox sees. Looking up 1,000 languages
      // here would slow the transaction for nothing.
      const placeholders = new Map<number, ReturnType<typeof renderInvitationDm>>();
      const placeholder = (topicId: number) => {
        let payload = placeholders.get(topicId);
        if (!payload) {
          payload = renderInvitationDm(pmo, view, names.get(topicId) ?? '', {
            rsvp: null,
            pausedUntil: null,
            optedOut: false,
            closed: false,
          });
          placeholders.set(topicId, payload);
        }
        return payload;
      };
      await enqueueMessages(
        tx,
        recipients.map((r) => ({
          kind: 'invitation.dm',
          dedupeKey: `invitation.${id}.${r.userId}`,
          channel: r.userId,
          payload: placeholder(r.topicId),
          invitationId: id,
          recipientId: r.userId,
        })),
      );
      if (recipients.length === 0)
        await tx.updateTable('invitations').set({ status: 'sent' }).where('id', '=', id).execute();
    } else if (draft.channel) {
      await enqueueMessages(tx, [
        {
          kind: 'invitation.announcement',
          dedupeKey: `invitation.${id}.announcement`,
          channel: draft.channel,
          payload: renderAnnouncement(pmo, view),
          invitationId: id,
        },
      ]);
    }
    await enqueueMessages(tx, [
      {
        kind: 'invitation.summary',
        dedupeKey: `invitation.${id}.summary`,
        channel: config.pmo.channelId,
        payload: renderSummary(pmo, view, {
          reach: recipients.length,
          going: 0,
          waitlist: 0,
          declined: 0,
          optIns: 0,
        }),
        invitationId: id,
      },
    ]);
    await recordAudit(tx, {
      actor: input.createdBy,
      action: AUDIT_ACTIONS.invitationSend,
      subject: `invitation ${id} (${draft.mode === 'dm' ? `${recipients.length} DMs` : 'channel announcement'})`,
      detail: { invitationId: id, queued: recipients.length, mode: draft.mode },
      at: now,
    });
    return { invitationId: id, queued: recipients.length, created: true };
  });
}
