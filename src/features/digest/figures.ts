import { sql } from 'kysely';
import type { Database } from '../../db/client';
import { computeDigest, type DigestData, digestPeriod } from './service';

/**
 * The digest's figures as last computed, kept per digest period, for screens that show them
 * often (a lead's Home is published after every claim a lead makes). The headline figures count
 * events in 7 whole past days, so they hold until the period moves at local midnight, which
 * starts a new row; only the "now" figures (waiting, in progress, overdue, the library's queue)
 * drift, so figures older than FIGURES_MAX_AGE_MS are recomputed on the next read, by one reader
 * across replicas (a lease on the row), while the others show the previous ones. A reader never
 * waits for another's computation, and the figures it shows are never older than that bound plus
 * one computation. The weekly digest stores the figures it posted the same way.
 */

export const FIGURES_MAX_AGE_MS = 5 * 60_000;
/** Longer than a computation takes; a replica that dies while computing frees the row after it. */
const LEASE_MS = 60_000;

export interface DigestFigures {
  data: DigestData;
  /** The instant the figures were computed for. */
  asOf: Date;
}

// Dates are tagged, not guessed from their shape: a comment that reads like a timestamp stays text.
function encode(data: DigestData): string {
  return JSON.stringify(data, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

function decode(text: string): DigestData {
  return JSON.parse(text, (_key, value) =>
    value && typeof value === 'object' && Object.keys(value).length === 1 && typeof value.$date === 'string'
      ? new Date(value.$date)
      : value,
  ) as DigestData;
}

async function readRow(db: Database, periodKey?: string) {
  let q = db
    .selectFrom('digest_figures')
    .select(['period_key', 'computed_at', sql<string>`figures::text`.as('figures')])
    .where('figures', 'is not', null);
  q = periodKey
    ? q.where('period_key', '=', periodKey)
    : q.orderBy('computed_at', 'desc').orderBy('period_key', 'desc');
  const row = await q.limit(1).executeTakeFirst();
  return row?.computed_at ? { data: decode(row.figures), asOf: new Date(row.computed_at) } : undefined;
}

/** Records figures computed for `asOf`, unless figures computed later are already there. */
export async function storeDigestFigures(db: Database, data: DigestData, asOf: Date): Promise<void> {
  await db
    .insertInto('digest_figures')
    .values({
      period_key: data.period.runKey,
      figures: encode(data),
      computed_at: asOf,
      computing_until: null,
    })
    .onConflict((oc) =>
      oc
        .column('period_key')
        .doUpdateSet({ figures: encode(data), computed_at: asOf, computing_until: null })
        .where((eb) =>
          eb.or([eb('digest_figures.computed_at', 'is', null), eb('digest_figures.computed_at', '<=', asOf)]),
        ),
    )
    .execute();
  // Only the latest figures are ever shown: earlier periods' rows (their comments among them)
  // are not kept beyond a period after.
  await db
    .deleteFrom('digest_figures')
    .where('period_key', '<>', data.period.runKey)
    .where((eb) =>
      eb.or([eb('computed_at', 'is', null), eb('computed_at', '<', new Date(asOf.getTime() - KEEP_MS))]),
    )
    .execute();
}

/** How long an earlier period's figures stay after newer ones were stored. */
const KEEP_MS = 8 * 24 * 60 * 60 * 1000;

/** Takes the lease to recompute this period's figures if they are missing or too old, and nobody holds it. */
async function claimRecompute(db: Database, periodKey: string, now: Date): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - FIGURES_MAX_AGE_MS);
  const until = new Date(now.getTime() + LEASE_MS);
  const claimed = await db
    .insertInto('digest_figures')
    .values({ period_key: periodKey, computing_until: until })
    .onConflict((oc) =>
      oc
        .column('period_key')
        .doUpdateSet({ computing_until: until })
        .where((eb) =>
          eb.and([
            eb.or([
              eb('digest_figures.computing_until', 'is', null),
              eb('digest_figures.computing_until', '<=', now),
            ]),
            eb.or([
              eb('digest_figures.computed_at', 'is', null),
              eb('digest_figures.computed_at', '<=', staleBefore),
            ]),
          ]),
        ),
    )
    .returning('period_key')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** The digest's figures for `now`'s period, as last computed: at most FIGURES_MAX_AGE_MS old (see above). */
export async function digestFigures(db: Database, now: Date, timeZone: string): Promise<DigestFigures> {
  const periodKey = digestPeriod(now, timeZone).runKey;
  const current = await readRow(db, periodKey);
  if (current && now.getTime() - current.asOf.getTime() < FIGURES_MAX_AGE_MS) return current;
  if (await claimRecompute(db, periodKey, now)) {
    try {
      const data = await computeDigest(db, now, timeZone);
      await storeDigestFigures(db, data, now);
      return { data, asOf: now };
    } catch (err) {
      await db
        .updateTable('digest_figures')
        .set({ computing_until: null })
        .where('period_key', '=', periodKey)
        .execute();
      throw err;
    }
  }
  // Another reader is computing: the figures it replaces, or (the period just moved) the last
  // ones of any period, which carry their own period; computed here only when none exist yet.
  const shown = (await readRow(db, periodKey)) ?? (await readRow(db));
  return shown ?? { data: await computeDigest(db, now, timeZone), asOf: now };
}
