import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { type Translator, translatorFor } from '../../i18n';
import { reference } from '../../lib/request-reference';
import { MIN_PEOPLE_FOR_COMMENTS } from '../digest';
import { privacyText } from './messages';
import { hoursBetween, neutraliseCell } from './policy';

/**
 * `/pmo export` (leads): the requests as CSV, and — in a file of their own, never beside a
 * request or a person — the feedback comments of the weeks in which at least
 * MIN_PEOPLE_FOR_COMMENTS different people answered (the digest's anonymity threshold).
 */

export const REQUEST_COLUMNS = [
  'reference',
  'requester',
  'service',
  'project',
  'need',
  'status',
  'created_at',
  'claimed_at',
  'delivered_at',
  'closed_at',
  'hours_to_claim',
  'hours_to_deliver',
  'value_rating',
] as const;

/** Each column's heading, in the reader's language (English: the names above). */
const HEADING = {
  reference: 'colReference',
  requester: 'colRequester',
  service: 'colService',
  project: 'colProject',
  need: 'colNeed',
  status: 'colStatus',
  created_at: 'colCreatedAt',
  claimed_at: 'colClaimedAt',
  delivered_at: 'colDeliveredAt',
  closed_at: 'colClosedAt',
  hours_to_claim: 'colHoursToClaim',
  hours_to_deliver: 'colHoursToDeliver',
  value_rating: 'colValueRating',
} as const satisfies Record<(typeof REQUEST_COLUMNS)[number], string>;

/** The requests CSV's headings as the reader reads them. */
export const requestHeadings = (tr: Translator): string[] =>
  REQUEST_COLUMNS.map((c) => tr.t(privacyText, HEADING[c]));

const iso = (d: Date | null) => (d ? d.toISOString() : '');

/** csv-stringify quotes what needs quoting; every string also loses a leading formula trigger. */
function toCsv(rows: unknown[][], header: readonly string[]): Buffer {
  return Buffer.from(
    stringify(rows, {
      header: true,
      columns: [...header],
      cast: { string: (v) => neutraliseCell(v) },
      record_delimiter: 'windows',
    }),
  );
}

export async function exportRequestsCsv(
  db: Database,
  tr: Translator = translatorFor('en'),
): Promise<{ csv: Buffer; count: number }> {
  const rows = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select([
      'r.id',
      'r.requester_id',
      's.name as service',
      'r.project',
      'r.need',
      'r.status',
      'r.created_at',
      'r.claimed_at',
      'r.delivered_at',
      'r.closed_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('checkins as c')
        .select('c.rating')
        .whereRef('c.request_id', '=', 'r.id')
        .where('c.kind', '=', 'delivery')
        .where('c.rating', 'is not', null)
        .orderBy('c.answered_at', 'desc')
        .limit(1)
        .as('rating'),
    )
    .orderBy('r.id')
    .execute();
  const records = rows.map((r) => [
    reference(r.id),
    r.requester_id,
    r.service,
    r.project,
    r.need,
    r.status,
    iso(r.created_at),
    iso(r.claimed_at),
    iso(r.delivered_at),
    iso(r.closed_at),
    hoursBetween(r.created_at, r.claimed_at) ?? '',
    hoursBetween(r.created_at, r.delivered_at) ?? '',
    r.rating ?? '',
  ]);
  return { csv: toCsv(records, requestHeadings(tr)), count: rows.length };
}

/** Comments by week (Monday, UTC), only for weeks with enough different people; sorted by text. */
export async function exportCommentsCsv(
  db: Database,
  tr: Translator = translatorFor('en'),
): Promise<{ csv: Buffer; count: number }> {
  const { rows } = await sql<{ week: string; comment: string }>`
    WITH weeks AS (
      SELECT date_trunc('week', answered_at AT TIME ZONE 'UTC') AS week
      FROM checkins WHERE rating IS NOT NULL AND answered_at IS NOT NULL
      GROUP BY 1 HAVING count(DISTINCT user_id) >= ${MIN_PEOPLE_FOR_COMMENTS}
    )
    SELECT to_char(w.week, 'YYYY-MM-DD') AS week, btrim(t.comment) AS comment
    FROM checkins c
    JOIN weeks w ON w.week = date_trunc('week', c.answered_at AT TIME ZONE 'UTC')
    CROSS JOIN LATERAL (VALUES (c.what_changed), (c.could_be_better)) AS t(comment)
    WHERE c.rating IS NOT NULL AND t.comment IS NOT NULL AND btrim(t.comment) <> ''
    ORDER BY 1, 2`.execute(db);
  return {
    csv: toCsv(
      rows.map((r) => [r.week, r.comment]),
      [tr.t(privacyText, 'colWeek'), tr.t(privacyText, 'colComment')],
    ),
    count: rows.length,
  };
}
