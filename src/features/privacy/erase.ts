import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/client';
import type { ErasureReason } from '../../db/enums';
import type { Deps } from '../../deps';
import { AUDIT_ACTIONS, recordAudit } from '../audit';
import { PERSONAL_DATA, type Rows, type Scrub } from './personal-data';
import { newErasureMarker } from './policy';

/**
 * Erasing a person: free text they typed is removed and their id becomes an anonymous marker
 * in every table of PERSONAL_DATA, in one transaction. Figures stay: one marker per person, so
 * counts of distinct people (repeat requesters, people who answered) do not change.
 */

export type { ErasureReason } from '../../db/enums';

export interface ErasureInput {
  userId: string;
  reason: ErasureReason;
  /** The lead who erased them (reason 'lead'). */
  requestedBy?: string;
}

/** Columns of type jsonb among `mentions` (the others are text). */
const JSONB_COLUMNS = new Set(['detail', 'payload', 'draft']);

/** Who the audit log names for an erasure Slack's deactivation triggered. */
export const APP_ACTOR = 'app';

function condition(rows: Rows, userId: string): RawBuilder<unknown> {
  if ('column' in rows) return sql`${sql.ref(rows.column)} = ${userId}`;
  if ('requestOf' in rows)
    return sql`${sql.ref(rows.requestOf)} IN (SELECT id FROM requests WHERE requester_id = ${userId})`;
  if ('mentions' in rows) return sql`strpos(${sql.ref(rows.mentions)}::text, ${userId}) > 0`;
  return sql`(${sql.join(
    rows.anyOf.map((r) => condition(r, userId)),
    sql` OR `,
  )})`;
}

function assignments(scrub: Scrub, now: Date): RawBuilder<unknown> {
  return sql.join(
    Object.entries(scrub.set).map(([column, value]) => {
      const v = value !== null && typeof value === 'object' ? now : value;
      return sql`${sql.ref(column)} = ${v}`;
    }),
  );
}

/** Runs the erasure of one person inside `trx`. */
export async function eraseRows(trx: Database, userId: string, marker: string, now: Date): Promise<void> {
  // Their feedback comments may be quoted in a digest's thread (anonymously, but it is their text).
  const comments = await trx
    .selectFrom('checkins')
    .select(['what_changed', 'could_be_better'])
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('what_changed', 'is not', null), eb('could_be_better', 'is not', null)]))
    .execute();
  const texts = comments
    .flatMap((c) => [c.what_changed, c.could_be_better])
    .filter((t): t is string => Boolean(t?.trim()))
    .map((t) => JSON.stringify(t.trim()).slice(1, -1));
  for (const text of new Set(texts)) {
    await sql`UPDATE outbox SET payload = ${JSON.stringify({ text: '(erased)' })}
      WHERE kind LIKE 'digest.%' AND strpos(payload::text, ${text}) > 0`.execute(trx);
  }

  for (const t of PERSONAL_DATA) {
    for (const scrub of t.scrub ?? []) {
      const only = scrub.onlyIf ? sql` AND (${sql.raw(scrub.onlyIf)})` : sql``;
      await sql`UPDATE ${sql.table(t.table)} SET ${assignments(scrub, now)}
        WHERE ${condition(scrub.rows, userId)}${only}`.execute(trx);
    }
  }
  for (const t of PERSONAL_DATA) {
    if (t.emptied) await sql`DELETE FROM ${sql.table(t.table)}`.execute(trx);
    if (t.deleteWhere)
      await sql`DELETE FROM ${sql.table(t.table)} WHERE ${sql.ref(t.deleteWhere)} = ${userId}`.execute(trx);
  }
  for (const t of PERSONAL_DATA) {
    for (const column of t.ids ?? []) {
      await sql`UPDATE ${sql.table(t.table)} SET ${sql.ref(column)} = ${marker}
        WHERE ${sql.ref(column)} = ${userId}`.execute(trx);
    }
    for (const column of t.idArrays ?? []) {
      await sql`UPDATE ${sql.table(t.table)} SET ${sql.ref(column)} = array_replace(${sql.ref(column)}, ${userId}::text, ${marker}::text)
        WHERE ${userId}::text = ANY(${sql.ref(column)})`.execute(trx);
    }
    for (const column of t.mentions ?? []) {
      await sql`UPDATE ${sql.table(t.table)}
        SET ${sql.ref(column)} = CAST(replace(${sql.ref(column)}::text, ${userId}::text, ${marker}::text) AS ${sql.raw(
          JSONB_COLUMNS.has(column) ? 'jsonb' : 'text',
        )})
        WHERE strpos(${sql.ref(column)}::text, ${userId}::text) > 0`.execute(trx);
    }
  }
}

/**
 * Erases a person now: uses the marker of an erasure already scheduled for them (deactivation),
 * or a new one; records who asked in the audit log under the marker, never the id.
 */
export async function erasePerson(
  deps: Pick<Deps, 'db' | 'clock' | 'logger' | 'languages'>,
  input: ErasureInput,
): Promise<{ marker: string }> {
  const now = deps.clock.now();
  const started = Date.now();
  const marker = await deps.db.transaction().execute(async (trx) => {
    const scheduled = await trx
      .selectFrom('erasures')
      .select(['id', 'marker'])
      .where('user_id', '=', input.userId)
      .where('status', '=', 'scheduled')
      .forUpdate()
      .executeTakeFirst();
    let m: string;
    if (scheduled) {
      m = scheduled.marker;
      await trx
        .updateTable('erasures')
        .set({ status: 'done', done_at: now, reason: input.reason, requested_by: input.requestedBy ?? null })
        .where('id', '=', scheduled.id)
        .execute();
    } else {
      m = newErasureMarker();
      await trx
        .insertInto('erasures')
        .values({
          user_id: input.userId,
          marker: m,
          reason: input.reason,
          requested_by: input.requestedBy ?? null,
          due_at: now,
          status: 'done',
          done_at: now,
          created_at: now,
        })
        .execute();
    }
    await eraseRows(trx, input.userId, m, now);
    const actor =
      input.reason === 'self' ? m : input.reason === 'lead' ? (input.requestedBy ?? APP_ACTOR) : APP_ACTOR;
    await recordAudit(trx, {
      actor,
      action: AUDIT_ACTIONS.erase,
      target: m,
      subject: `erasure (${input.reason === 'self' ? 'asked for by the person' : input.reason === 'lead' ? 'by a lead' : 'account deactivated'})`,
      at: now,
    });
    return m;
  });
  deps.languages.forget(input.userId);
  // The marker only: logging the id would keep it in the logs.
  deps.logger.info({ marker, reason: input.reason, ms: Date.now() - started }, 'person erased');
  return { marker };
}

/**
 * Slack says the account is deactivated: erase it after ERASE_DEACTIVATED_AFTER_DAYS (a person
 * reactivated meanwhile is not erased). Idempotent: a second event keeps the first date.
 */
export async function scheduleDeactivatedErasure(deps: Deps, userId: string): Promise<boolean> {
  const now = deps.clock.now();
  const due = new Date(now.getTime() + deps.config.privacy.eraseDeactivatedAfterDays * 86_400_000);
  const res = await deps.db
    .insertInto('erasures')
    .values({
      user_id: userId,
      marker: newErasureMarker(),
      reason: 'deactivated',
      due_at: due,
      status: 'scheduled',
      created_at: now,
    })
    .onConflict((oc) => oc.column('user_id').where('status', '=', 'scheduled').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The account is active again: a scheduled erasure is called off. */
export async function cancelScheduledErasure(db: Database, userId: string): Promise<boolean> {
  const res = await db
    .updateTable('erasures')
    .set({ status: 'cancelled' })
    .where('user_id', '=', userId)
    .where('status', '=', 'scheduled')
    .where('reason', '=', 'deactivated')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The job: every scheduled erasure that is due. */
export async function runDueErasures(deps: Deps, now: Date): Promise<{ erased: number }> {
  const due = await deps.db
    .selectFrom('erasures')
    .select('user_id')
    .where('status', '=', 'scheduled')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(500)
    .execute();
  for (const row of due) await erasePerson(deps, { userId: row.user_id, reason: 'deactivated' });
  return { erased: due.length };
}
