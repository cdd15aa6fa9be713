import type { WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { Realised } from '../../db/enums';
import type { Deps } from '../../deps';
import { type Language, translatorFor } from '../../i18n';
import { personalHours } from '../../lib/working-calendar';
import { enqueueMessages, type WithOutbox } from '../../outbox/enqueue';
import type { BeforeSendResult } from '../../outbox/hooks';
import { OUTBOX_KINDS } from '../../outbox/kinds';
import { lookupPerson } from '../../slack/people';
import type { DigestPeriod } from '../digest';
import { periodText, renderYouSaid } from './blocks';
import { MIN_PEOPLE_FOR_FEEDBACK, optedOutOfEverything } from './policy';

/**
 * "You said, we did": the period's feedback per service for the leads (comments only from
 * MIN_PEOPLE_FOR_FEEDBACK people on, unattributed, sorted by text), and the action a lead
 * records for a service, told once to each person who gave feedback on it in that period. The
 * period is the digest's (the last 7 whole days in PMO_TIMEZONE). Feedback is an answered
 * check-in about a request for that service: a rating, or a follow-up's "did it happen?".
 */

const MAX_COMMENTS = 10;

export interface ServiceFeedback {
  serviceId: number;
  name: string;
  /** Different people who gave feedback on the service in the period. */
  people: number;
  averageRating: number | null;
  /** Empty below MIN_PEOPLE_FOR_FEEDBACK people. */
  comments: string[];
  /** What a lead already recorded for this service and period. */
  action: string | null;
}

const n = (v: unknown) => Number(v ?? 0);

export async function periodFeedback(db: Database, period: DigestPeriod): Promise<ServiceFeedback[]> {
  const { start, end } = period;
  const [groups, actions] = await Promise.all([
    sql<{ service_id: number; name: string; people: number; avg: number | null }>`
      SELECT r.service_id, s.name, count(DISTINCT c.user_id) AS people, avg(c.rating) AS avg
      FROM checkins c JOIN requests r ON r.id = c.request_id JOIN services s ON s.id = r.service_id
      WHERE c.answered_at >= ${start} AND c.answered_at < ${end}
        AND (c.rating IS NOT NULL OR c.realised IS NOT NULL)
      GROUP BY r.service_id, s.name, s.sort_order
      ORDER BY s.sort_order, r.service_id`.execute(db),
    db
      .selectFrom('service_actions')
      .select(['service_id', 'action'])
      .where('period_start', '=', start)
      .execute(),
  ]);
  const shown = groups.rows.filter((g) => n(g.people) >= MIN_PEOPLE_FOR_FEEDBACK).map((g) => n(g.service_id));
  const comments = new Map<number, string[]>();
  if (shown.length > 0) {
    const rows = await db
      .selectFrom('checkins as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .select(['r.service_id', 'c.what_changed', 'c.could_be_better'])
      .where('c.answered_at', '>=', start)
      .where('c.answered_at', '<', end)
      .where('r.service_id', 'in', shown)
      .where((eb) => eb.or([eb('c.rating', 'is not', null), eb('c.realised', 'is not', null)]))
      .execute();
    for (const row of rows) {
      const list = comments.get(row.service_id) ?? [];
      for (const t of [row.what_changed, row.could_be_better]) if (t?.trim()) list.push(t.trim());
      comments.set(row.service_id, list);
    }
  }
  const done = new Map(actions.map((a) => [a.service_id, a.action]));
  return groups.rows.map((g) => ({
    serviceId: n(g.service_id),
    name: g.name,
    people: n(g.people),
    averageRating: g.avg === null ? null : Number(g.avg),
    // By text, never by time or person.
    comments: (comments.get(n(g.service_id)) ?? []).sort((a, b) => a.localeCompare(b)).slice(0, MAX_COMMENTS),
    action: done.get(n(g.service_id)) ?? null,
  }));
}

/** What "You said" quotes: the person's own words, or else what they answered. */
export type Said = { words: string } | { rating: number } | { realised: Realised | null };

/** Each feedback giver for one service in the period, with their own first words (or answer). */
async function feedbackGivers(
  db: Database,
  serviceId: number,
  period: DigestPeriod,
): Promise<{ userId: string; said: Said }[]> {
  const rows = await db
    .selectFrom('checkins as c')
    .innerJoin('requests as r', 'r.id', 'c.request_id')
    .select(['c.user_id', 'c.rating', 'c.realised', 'c.what_changed', 'c.could_be_better'])
    .where('r.service_id', '=', serviceId)
    .where('c.answered_at', '>=', period.start)
    .where('c.answered_at', '<', period.end)
    .where((eb) => eb.or([eb('c.rating', 'is not', null), eb('c.realised', 'is not', null)]))
    .orderBy('c.answered_at')
    .orderBy('c.id')
    .execute();
  const said = new Map<string, Said>();
  for (const r of rows) {
    const words = r.could_be_better?.trim() || r.what_changed?.trim();
    const prior = said.get(r.user_id);
    // A person's own words win over their answer; their first words over later ones.
    if (words && (!prior || !('words' in prior))) said.set(r.user_id, { words });
    else if (!prior) said.set(r.user_id, r.rating !== null ? { rating: r.rating } : { realised: r.realised });
  }
  return [...said.entries()].map(([userId, s]) => ({ userId, said: s }));
}

export type ActionOutcome =
  | { status: 'recorded'; recipients: number }
  | { status: 'already'; action: string }
  | { status: 'no_feedback' };

/**
 * A lead records what the PMO did about a service's feedback: one action per service and
 * period (so each person is told once), one DM per feedback giver, enqueued in the same
 * transaction. The DM quotes only the recipient's own words.
 */
export async function recordServiceAction(
  deps: WithOutbox,
  input: { serviceId: number; action: string; leadId: string; period: DigestPeriod },
  /** Each recipient's language (the DM is written in it); English when not given. */
  languageOf: (userId: string) => Promise<Language> = async () => 'en',
): Promise<ActionOutcome> {
  const { period } = input;
  // Languages are asked before the transaction (it may take Slack calls); someone who gave
  // feedback in between (a race of seconds) is written to in English.
  const languages = new Map<string, Language>();
  for (const g of await feedbackGivers(deps.db, input.serviceId, period))
    languages.set(g.userId, await languageOf(g.userId).catch((): Language => 'en'));
  const outcome = await deps.db.transaction().execute(async (trx): Promise<ActionOutcome> => {
    const service = await trx
      .selectFrom('services')
      .select(['id', 'name'])
      .where('id', '=', input.serviceId)
      .executeTakeFirst();
    const givers = service ? await feedbackGivers(trx, service.id, period) : [];
    if (!service || givers.length === 0) return { status: 'no_feedback' };
    const inserted = await trx
      .insertInto('service_actions')
      .values({
        service_id: service.id,
        period_start: period.start,
        period_end: period.end,
        action: input.action,
        recorded_by: input.leadId,
        recipients: givers.length,
      })
      .onConflict((oc) => oc.columns(['service_id', 'period_start']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('service_actions')
        .select('action')
        .where('service_id', '=', service.id)
        .where('period_start', '=', period.start)
        .executeTakeFirstOrThrow();
      return { status: 'already', action: existing.action };
    }
    await enqueueMessages(
      trx,
      givers.map((g) => {
        const tr = translatorFor(languages.get(g.userId) ?? 'en');
        return {
          kind: OUTBOX_KINDS.value.youSaid,
          dedupeKey: `value.you_said.${service.id}.${period.runKey}.${g.userId}`,
          channel: g.userId,
          recipientId: g.userId,
          payload: renderYouSaid(tr, {
            service: service.name,
            period: periodText(tr, period.firstDay, period.lastDay),
            said: g.said,
            did: input.action,
          }),
        };
      }),
    );
    return { status: 'recorded', recipients: givers.length };
  });
  if (outcome.status === 'recorded') deps.outbox.kick();
  return outcome;
}

/**
 * Send-time check of a "you said, we did" DM: not to someone who has since opted out of
 * everything or left the workspace, and only in the recipient's working hours (it waits).
 */
export async function youSaidCheck(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  client: WebClient,
  userId: string,
): Promise<BeforeSendResult> {
  const consents = await deps.db
    .selectFrom('consents')
    .select('opted_in')
    .where('user_id', '=', userId)
    .execute();
  if (optedOutOfEverything(consents)) return { skip: 'opted out of everything' };
  const now = deps.clock.now();
  const person = await lookupPerson(deps.db, client, userId, now);
  if (person.deleted) return { skip: 'deactivated' };
  const hours = personalHours(deps.config.checkins);
  if (!hours.isWorkingTime(now, person.tz)) {
    return { defer: hours.nextWorkingTime(now, person.tz), reason: 'outside working hours' };
  }
  return undefined;
}
