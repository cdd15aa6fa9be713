import type { Database } from '../../db/client';
import { lookupPerson, type UsersInfoClient } from '../../slack/people';
import { notAway } from '../calendar';
import { openWorkByOwner } from '../team';

/**
 * Who could take a request: active members whose skills include the request's service, the
 * least open work (claimed or in progress) first, nobody away today. Only a suggestion — nobody is assigned or
 * notified by it.
 */
export interface Suggestion {
  id: string;
  name: string;
  openWork: number;
}

export async function suggestMembers(
  db: Database,
  client: UsersInfoClient,
  serviceId: number,
  now: Date,
  limit = 3,
  /** The PMO's local date (away periods are local days); UTC's when not given. */
  today?: string,
): Promise<Suggestion[]> {
  const skilled = await db
    .selectFrom('members')
    .innerJoin('member_skills', 'member_skills.member_id', 'members.slack_user_id')
    .select(['members.slack_user_id', 'members.created_at'])
    .where('members.active', '=', true)
    .where('member_skills.service_id', '=', serviceId)
    // Away members are not suggested.
    .where(notAway('members.slack_user_id', today ?? now.toISOString().slice(0, 10)))
    .execute();
  const ids = skilled.map((s) => s.slack_user_id);
  const load = await openWorkByOwner(db, ids);
  const ranked = skilled
    .map((s) => ({ id: s.slack_user_id, openWork: load.get(s.slack_user_id) ?? 0, since: s.created_at }))
    .sort(
      (a, b) => a.openWork - b.openWork || a.since.getTime() - b.since.getTime() || (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
  const out: Suggestion[] = [];
  for (const r of ranked) {
    // A name, not a mention: suggesting someone is no reason to notify them.
    out.push({ id: r.id, name: await nameOf(db, client, r.id, now), openWork: r.openWork });
  }
  return out;
}

/**
 * A person's display name (cached users.info). Callers are inside Slack's 3-second window,
 * so a slow or failing lookup falls back to the user id rather than holding the ack; the
 * lookup still finishes in the background and fills the cache for next time.
 */
export async function nameOf(
  db: Database,
  client: UsersInfoClient,
  userId: string,
  now: Date,
): Promise<string> {
  const lookup = lookupPerson(db, client, userId, now).then(
    (p) => p.name,
    () => userId,
  );
  let timer: NodeJS.Timeout | undefined;
  const fallback = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(userId), 800);
  });
  try {
    return await Promise.race([lookup, fallback]);
  } finally {
    clearTimeout(timer);
  }
}
