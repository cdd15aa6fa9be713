import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { Realised } from '../../db/schema';

/**
 * Benefits realised, per service: expected at intake → delivered → rated → realised. Over the
 * digest's 8-week window, because a follow-up comes weeks after its delivery: one week would
 * rarely hold both. Quotes (the follow-ups' "what changed") are shown for a service only once
 * MIN_PEOPLE_FOR_QUOTES different people answered its follow-ups in the window, unattributed and
 * sorted by text, so neither the words nor their order point at a person.
 */

export const MIN_PEOPLE_FOR_QUOTES = 3;
export const MAX_QUOTES = 3;

/** The four answers to "Did it happen?"; `label` is the English reference, views say them from the catalogues. */
export const REALISED_ANSWERS: readonly { value: Realised; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'partly', label: 'Partly' },
  { value: 'not_yet', label: 'Not yet' },
  { value: 'no', label: 'No' },
];

export interface ServiceBenefits {
  name: string;
  delivered: number;
  /** Delivery check-ins rated in the window. */
  ratings: number;
  averageRating: number | null;
  realised: Record<Realised, number>;
  /** Different people who answered "Did it happen?" for this service in the window. */
  realisedPeople: number;
  /** Empty below MIN_PEOPLE_FOR_QUOTES people. */
  quotes: string[];
}

const n = (v: unknown): number => Number(v ?? 0);

export async function computeBenefits(db: Database, from: Date, to: Date): Promise<ServiceBenefits[]> {
  const [delivered, answers, services] = await Promise.all([
    sql<{ service_id: number; n: number }>`
      SELECT service_id, count(*) AS n FROM requests
      WHERE delivered_at >= ${from} AND delivered_at < ${to} GROUP BY service_id`.execute(db),
    sql<{
      service_id: number;
      ratings: number;
      avg: number | null;
      yes: number;
      partly: number;
      not_yet: number;
      no: number;
      people: number;
    }>`
      SELECT r.service_id,
             count(c.rating) AS ratings,
             avg(c.rating) AS avg,
             count(*) FILTER (WHERE c.realised = 'yes') AS yes,
             count(*) FILTER (WHERE c.realised = 'partly') AS partly,
             count(*) FILTER (WHERE c.realised = 'not_yet') AS not_yet,
             count(*) FILTER (WHERE c.realised = 'no') AS no,
             count(DISTINCT c.user_id) FILTER (WHERE c.realised IS NOT NULL) AS people
      FROM checkins c JOIN requests r ON r.id = c.request_id
      WHERE c.answered_at >= ${from} AND c.answered_at < ${to}
        AND (c.rating IS NOT NULL OR c.realised IS NOT NULL)
      GROUP BY r.service_id`.execute(db),
    db.selectFrom('services').select(['id', 'name']).orderBy('sort_order').orderBy('id').execute(),
  ]);
  const byService = new Map(answers.rows.map((r) => [n(r.service_id), r]));
  const deliveredBy = new Map(delivered.rows.map((r) => [n(r.service_id), n(r.n)]));
  const quoted = answers.rows.filter((r) => n(r.people) >= MIN_PEOPLE_FOR_QUOTES).map((r) => n(r.service_id));
  const quotes = new Map<number, string[]>();
  if (quoted.length > 0) {
    const rows = await db
      .selectFrom('checkins as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .select(['r.service_id', 'c.what_changed'])
      .where('c.answered_at', '>=', from)
      .where('c.answered_at', '<', to)
      .where('c.realised', 'is not', null)
      .where('c.what_changed', 'is not', null)
      .where('r.service_id', 'in', quoted)
      .execute();
    for (const row of rows) {
      const text = row.what_changed?.trim();
      if (!text) continue;
      const list = quotes.get(row.service_id) ?? [];
      list.push(text);
      quotes.set(row.service_id, list);
    }
  }
  return services
    .map((s) => {
      const a = byService.get(s.id);
      return {
        name: s.name,
        delivered: deliveredBy.get(s.id) ?? 0,
        ratings: n(a?.ratings),
        averageRating: a?.avg === null || a?.avg === undefined ? null : Number(a.avg),
        realised: { yes: n(a?.yes), partly: n(a?.partly), not_yet: n(a?.not_yet), no: n(a?.no) },
        realisedPeople: n(a?.people),
        // By text, not by time or person: the order must not hint at who wrote what.
        quotes: (quotes.get(s.id) ?? []).sort((x, y) => x.localeCompare(y)).slice(0, MAX_QUOTES),
      };
    })
    .filter((s) => s.delivered > 0 || s.ratings > 0 || s.realisedPeople > 0);
}
