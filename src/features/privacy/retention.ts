import { randomBytes } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { Deps } from '../../deps';
import { RETIRED_PREFIX } from './policy';
import { type LibraryRetention, retainLibrary } from './retention-library';

/**
 * Retention (RETENTION_DAYS, default 730): requests finished longer ago than that, and feedback
 * given longer ago, lose their free text, and the people on them become anonymous markers
 * (ANON-…, one per person within a run, so a run's distinct-people figures hold). Statuses,
 * dates, services and ratings stay: the figures do not change. The library's part is in
 * retention-library.ts. Copies of Slack profiles (name, time zone, Slack language) not refreshed
 * for that long go too: a cache, asked of Slack again the next time the person uses the app
 * (every answer in their language looks it up).
 */

const MARKED = `^(${RETIRED_PREFIX.slice(0, -1)}|ERASED)-`;

export interface RetentionResult {
  requests: number;
  checkins: number;
  outbox: number;
  library: LibraryRetention;
  /** Profile copies (the `people` cache) not refreshed since the cutoff. */
  profiles: number;
}

export async function runRetention(deps: Pick<Deps, 'db' | 'config'>, now: Date): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - deps.config.privacy.retentionDays * 86_400_000);
  const salt = randomBytes(8).toString('hex');
  const anon = (column: string): RawBuilder<string> =>
    sql<string>`CASE WHEN ${sql.ref(column)} IS NULL OR ${sql.ref(column)} ~ ${MARKED} THEN ${sql.ref(column)}
      ELSE ${RETIRED_PREFIX} || upper(substr(md5(${sql.ref(column)} || ${salt}), 1, 12)) END`;

  return deps.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('requests')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('status', 'in', ['closed', 'declined', 'cancelled']),
            eb(eb.fn.coalesce('closed_at', 'updated_at'), '<', cutoff),
          ]),
          eb.and([eb('status', '=', 'delivered'), eb('delivered_at', '<', cutoff)]),
        ]),
      )
      .where(
        (eb) =>
          sql<boolean>`(${eb.ref('need')} <> '' OR ${eb.ref('project')} <> '' OR ${eb.ref('requester_id')} !~ ${MARKED}
            OR (${eb.ref('owner_id')} IS NOT NULL AND ${eb.ref('owner_id')} !~ ${MARKED}))`,
      )
      .execute();
    const ids = old.map((r) => r.id);
    let checkins = 0;
    if (ids.length) {
      await sql`UPDATE request_events SET note = NULL, actor_id = ${anon('actor_id')}
        WHERE request_id = ANY(${ids}::bigint[])`.execute(trx);
      await sql`UPDATE request_questions SET question = '', answer = NULL, asked_by = ${anon('asked_by')}
        WHERE request_id = ANY(${ids}::bigint[])`.execute(trx);
      const c = await sql`UPDATE checkins SET what_changed = NULL, could_be_better = NULL,
          message_channel = NULL, message_ts = NULL, user_id = ${anon('user_id')}
        WHERE request_id = ANY(${ids}::bigint[])`.execute(trx);
      checkins += Number(c.numAffectedRows ?? 0);
      await sql`UPDATE requests SET project = '', need = '', expected_value = '', link = NULL,
          delivery_note = NULL, delivery_links = NULL, decline_reason = NULL,
          requester_id = ${anon('requester_id')}, owner_id = ${anon('owner_id')}
        WHERE id = ANY(${ids}::bigint[])`.execute(trx);
    }
    // Feedback not tied to a request (coaching, follow-ups) answered or closed before the cutoff.
    const f = await sql`UPDATE checkins SET what_changed = NULL, could_be_better = NULL,
        message_channel = NULL, message_ts = NULL, user_id = ${anon('user_id')}
      WHERE request_id IS NULL AND coalesce(answered_at, due_at) < ${cutoff}
        AND status IN ('answered', 'expired', 'cancelled')
        AND (what_changed IS NOT NULL OR could_be_better IS NOT NULL OR user_id !~ ${MARKED})`.execute(trx);
    checkins += Number(f.numAffectedRows ?? 0);
    // Messages sent (or given up) before the cutoff: their copy is no longer needed.
    const o = await sql`UPDATE outbox SET payload = ${JSON.stringify({ text: '(past retention)' })},
        channel = CASE WHEN channel ~ '^[UW]' THEN ${anon('channel')} ELSE channel END,
        recipient_id = ${anon('recipient_id')}, message_channel = NULL, last_error = NULL
      WHERE status IN ('sent', 'skipped', 'failed') AND created_at < ${cutoff}
        AND payload <> ${JSON.stringify({ text: '(past retention)' })}::jsonb`.execute(trx);
    const library = await retainLibrary(trx, cutoff, anon, MARKED, now);
    const p =
      await sql`DELETE FROM people WHERE coalesce(refreshed_at, '-infinity'::timestamptz) < ${cutoff}`.execute(
        trx,
      );
    return {
      requests: ids.length,
      checkins,
      outbox: Number(o.numAffectedRows ?? 0),
      library,
      profiles: Number(p.numAffectedRows ?? 0),
    };
  });
}
