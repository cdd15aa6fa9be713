import type { Database } from '../../db/client';
import { DEFAULT_CAP } from '../consent';
import type { AudienceView } from './blocks';
import { eligibility, type Ineligible, LONGEST_CAP_WINDOW_MS } from './eligibility';

/**
 * Who an invitation would reach. The audience is filtered twice: here, when the member previews
 * and sends (consent, pauses, caps, known deactivations), and again per person at send time
 * (delivery.ts), which is the check that makes the guarantees hold.
 */

export interface Recipient {
  userId: string;
  topicId: number;
}

/**
 * Who an invitation to `topicIds` would reach now, by the rule the send-time check applies
 * (eligibility.ts), each person in their own time zone as last seen (`tz`, the PMO's, when
 * unknown). A person opted in to several of the topics is counted (and invited) once, for the
 * first topic in the catalogue's order.
 */
export async function computeAudience(
  db: Database,
  topicIds: number[],
  now: Date,
  tz: string,
): Promise<{ audience: AudienceView; recipients: Recipient[] }> {
  if (topicIds.length === 0)
    return { audience: { reach: 0, optedIn: 0, paused: 0, atCap: 0, deactivated: 0 }, recipients: [] };
  const consented = db
    .selectFrom('consents')
    .select('consents.user_id')
    .where('consents.topic_id', 'in', topicIds)
    .where('consents.opted_in', '=', true);
  const rows = await db
    .selectFrom('consents')
    .innerJoin('topics', 'topics.id', 'consents.topic_id')
    .select(['consents.user_id', 'consents.topic_id'])
    .where('consents.topic_id', 'in', topicIds)
    .where('consents.opted_in', '=', true)
    .where('topics.retired_at', 'is', null)
    .orderBy('consents.user_id')
    .orderBy('topics.sort_order')
    .orderBy('topics.id')
    .execute();
  const firstTopic = new Map<string, number>();
  for (const r of rows) if (!firstTopic.has(r.user_id)) firstTopic.set(r.user_id, r.topic_id);

  const prefs = await db
    .selectFrom('invitation_prefs')
    .select(['user_id', 'cap', 'paused_until'])
    .where('user_id', 'in', consented)
    .execute();
  const prefOf = new Map(prefs.map((p) => [p.user_id, p]));
  const reserved = await db
    .selectFrom('invitation_recipients')
    .select(['user_id', 'cap_reserved_at'])
    .where('user_id', 'in', consented)
    .where('cap_reserved_at', '>', new Date(now.getTime() - LONGEST_CAP_WINDOW_MS))
    .where('delivery', '<>', 'skipped')
    .execute();
  const reservedOf = new Map<string, Date[]>();
  for (const r of reserved) {
    if (!r.cap_reserved_at) continue;
    const list = reservedOf.get(r.user_id) ?? [];
    list.push(r.cap_reserved_at);
    reservedOf.set(r.user_id, list);
  }
  // Time zones as last seen (the people cache): a preview asks Slack about nobody.
  const people = new Map(
    (
      await db
        .selectFrom('people')
        .select(['slack_user_id', 'is_deleted', 'tz'])
        .where('slack_user_id', 'in', consented)
        .execute()
    ).map((p) => [p.slack_user_id, p]),
  );

  const audience: AudienceView = { reach: 0, optedIn: firstTopic.size, paused: 0, atCap: 0, deactivated: 0 };
  const recipients: Recipient[] = [];
  const COUNT: Record<Ineligible, keyof AudienceView | undefined> = {
    deactivated: 'deactivated',
    paused: 'paused',
    cap: 'atCap',
    no_consent: undefined,
  };
  for (const [userId, topicId] of firstTopic) {
    const p = prefOf.get(userId);
    const person = people.get(userId);
    const verdict = eligibility(
      {
        consented: true,
        deactivated: person?.is_deleted === true,
        pausedUntil: p?.paused_until ?? null,
        cap: p?.cap ?? DEFAULT_CAP,
        reservations: reservedOf.get(userId) ?? [],
      },
      now,
      person?.tz ?? tz,
    );
    if (!verdict.ok) {
      const counter = COUNT[verdict.reason];
      if (counter) audience[counter]++;
      continue;
    }
    recipients.push({ userId, topicId });
  }
  audience.reach = recipients.length;
  return { audience, recipients };
}
