import type { Database } from '../../db/client';
import type { InvitationView } from './blocks';

/** An invitation as its messages show it: what it says and the names of its topics. */

export async function loadInvitationView(db: Database, id: number): Promise<InvitationView | undefined> {
  const inv = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!inv) return undefined;
  const topics = await db
    .selectFrom('invitation_topics')
    .innerJoin('topics', 'topics.id', 'invitation_topics.topic_id')
    .select('topics.name')
    .where('invitation_topics.invitation_id', '=', id)
    .orderBy('topics.sort_order')
    .orderBy('topics.id')
    .execute();
  return {
    id: inv.id,
    title: inv.title,
    message: inv.message,
    eventDate: inv.event_date,
    link: inv.link,
    seats: inv.seats,
    rsvpDeadline: inv.rsvp_deadline,
    mode: inv.mode,
    announceChannel: inv.announce_channel,
    createdBy: inv.created_by,
    topicNames: topics.map((t) => t.name),
  };
}

/**
 * An invitation's content does not change once sent; a fan-out renders it once per person,
 * so the sender keeps it for a short while instead of reading it 1,000 times.
 */
export class InvitationViewCache {
  private readonly entries = new Map<number, { view: InvitationView; at: number }>();
  constructor(private readonly ttlMs = 30_000) {}

  async get(db: Database, id: number): Promise<InvitationView | undefined> {
    const hit = this.entries.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.view;
    const view = await loadInvitationView(db, id);
    if (view) {
      if (this.entries.size > 100) this.entries.clear();
      this.entries.set(id, { view, at: Date.now() });
    }
    return view;
  }
}
