import { sql } from 'kysely';
import type { Database } from '../../db/client';
import type { QueueItem } from './blocks';

/**
 * `/pmo queue`: requests nobody has taken yet, the least time left first — the first-response
 * target while nobody has answered, else the delivery target.
 */
export async function listWaiting(
  db: Database,
  now: Date,
  limit = 15,
): Promise<{ items: QueueItem[]; total: number }> {
  const due = sql<Date | null>`coalesce(case when r.first_response_at is null then r.first_response_due end, r.delivery_due)`;
  const rows = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.project', 's.name as service_name', due.as('due')])
    .where('r.status', '=', 'new')
    .orderBy(sql`${due} asc nulls last`)
    .orderBy('r.id')
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'new')
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => {
      const d = r.due ? new Date(r.due) : null;
      return {
        id: r.id,
        serviceName: r.service_name,
        project: r.project,
        due: d,
        overdue: d !== null && d <= now,
      };
    }),
    total: Number(count.n),
  };
}
