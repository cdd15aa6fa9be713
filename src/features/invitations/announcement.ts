import type { Database } from '../../db/client';
import type { InvitationCap } from '../../db/enums';
import { type Translator, translatorFor } from '../../i18n';
import { enqueueMessages } from '../../outbox/enqueue';
import { CAPS, getConsentState, optIn } from '../consent';
import { renderAnnouncementFailed } from './blocks';

/** Open announcements (channel mode): opting in from one, and what happens once it is posted or fails. */

export interface AnnouncementOptIn {
  /** Topics this click opted the person in to. */
  changed: string[];
  /** Topics of the announcement they were already opted in to. */
  already: string[];
  /** The cap in English, as the consent feature names it. */
  capLabel: string;
  /** The person's cap, for the answer in their language. */
  cap: InvitationCap;
}

/** "Opt me in" on an open announcement: idempotent, recorded with the invitation it came from. */
export async function optInFromAnnouncement(
  db: Database,
  invitationId: number,
  userId: string,
  now: Date,
): Promise<AnnouncementOptIn | undefined> {
  const inv = await db
    .selectFrom('invitations')
    .select('mode')
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (inv?.mode !== 'channel') return undefined;
  const topics = await db
    .selectFrom('invitation_topics')
    .innerJoin('topics', 'topics.id', 'invitation_topics.topic_id')
    .select(['topics.id', 'topics.name'])
    .where('invitation_topics.invitation_id', '=', invitationId)
    .where('topics.retired_at', 'is', null)
    .orderBy('topics.sort_order')
    .execute();
  const changed = await optIn(
    db,
    userId,
    topics.map((t) => t.id),
    'announcement_button',
    now,
    { invitation_id: String(invitationId) },
  );
  const state = await getConsentState(db, userId);
  return {
    changed: topics.filter((t) => changed.includes(t.id)).map((t) => t.name),
    already: topics.filter((t) => !changed.includes(t.id)).map((t) => t.name),
    capLabel: CAPS[state.cap].label.toLowerCase(),
    cap: state.cap,
  };
}

/**
 * The announcement could not be posted: the member who sent it hears why, once. Queued inside
 * the sender's transaction, where no language can be looked up: this English payload is what a
 * reader of the outbox sees, and the sender renders it again in the member's language
 * (`renderAnnouncementFailureNow`).
 */
export async function reportAnnouncementFailure(
  db: Database,
  invitationId: number,
  channel: string,
  error: string,
): Promise<void> {
  const inv = await db
    .selectFrom('invitations')
    .select(['created_by', 'title'])
    .where('id', '=', invitationId)
    .executeTakeFirst();
  if (!inv) return;
  await enqueueMessages(db, [
    {
      kind: 'invitation.announcement_failed',
      dedupeKey: `invitation.${invitationId}.announcement_failed`,
      channel: inv.created_by,
      payload: renderAnnouncementFailed(translatorFor('en'), inv.title, channel, error),
      invitationId,
    },
  ]);
}

/** An open announcement is "sent" once it is in the channel (it has no recipients to wait for). */
export async function markAnnounced(db: Database, invitationId: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ status: 'sent' })
    .where('id', '=', invitationId)
    .where('status', '=', 'sending')
    .execute();
}

/**
 * The failure notice as it goes, in `tr` (the member's language): the invitation's title, and
 * the channel and error of the announcement that failed. Undefined when either is gone.
 */
export async function renderAnnouncementFailureNow(db: Database, invitationId: number, tr: Translator) {
  const [inv, failed] = await Promise.all([
    db.selectFrom('invitations').select('title').where('id', '=', invitationId).executeTakeFirst(),
    db
      .selectFrom('outbox')
      .select(['channel', 'last_error'])
      .where('dedupe_key', '=', `invitation.${invitationId}.announcement`)
      .where('status', '=', 'failed')
      .executeTakeFirst(),
  ]);
  if (!inv || !failed?.last_error) return undefined;
  return renderAnnouncementFailed(tr, inv.title, failed.channel, failed.last_error);
}
