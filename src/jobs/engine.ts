import { CompiledQuery, sql } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import type { Logger } from '../logger';

/**
 * pg-boss over the app's own Kysely instance, on PostgreSQL and on PGlite alike. On PGlite the
 * driver has one connection and queues everyone who asks for it, so a pg-boss statement waits for
 * an open app transaction instead of running inside it; on PostgreSQL it takes a connection of
 * the app's pool, so the engine opens no second pool.
 */
export function startEngine(db: Database, logger: Logger, options: EngineOptions = {}): Engine {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => executeSql(db, text, values) },
    schema: 'pgboss',
    // How often a replica looks for due cron slots (each pass is claimed once, in the database,
    // by whichever replica looks first) and for the jobs those passes sent.
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 10,
    cronWorkerIntervalSeconds: options.cronWorkerIntervalSeconds ?? 5,
  });
  boss.on('error', (err) => logger.error({ err }, 'job engine error'));
  return { boss, started: boss.start().then(() => undefined) };
}

export interface EngineOptions {
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
  /** How often a replica looks for a due tick of its jobs. */
  tickPollSeconds?: number;
}

export interface Engine {
  boss: PgBoss;
  /** Resolves once the engine's schema is there and its timers run. */
  started: Promise<void>;
}

/**
 * A statement with parameters is one statement. Without, pg-boss may send several at once (its
 * schema, its locked maintenance blocks): they run one by one on one held connection, since
 * PGlite prepares a single statement, and their rows are returned together.
 */
async function executeSql(db: Database, text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
  if (values.length) {
    const { rows } = await db.executeQuery(CompiledQuery.raw(text, values));
    return { rows: [...rows] };
  }
  return db.connection().execute(async (conn) => {
    const rows: unknown[] = [];
    try {
      for (const statement of splitStatements(text)) {
        rows.push(...(await sql.raw(statement).execute(conn)).rows);
      }
    } catch (err) {
      // A failed statement inside BEGIN … COMMIT leaves the connection in an aborted transaction:
      // ended here, so the next holder of the connection (an app request, on PGlite) is not in it.
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
    return { rows };
  });
}

/** Splits on semicolons outside quotes, dollar-quoted bodies and comments. */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const rest = text.slice(i);
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end + 1;
    } else if (rest.startsWith('--')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (rest.startsWith('/*')) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(rest)) {
      const tag = /^\$[A-Za-z_]*\$/.exec(rest)?.[0] ?? '$$';
      const end = text.indexOf(tag, i + tag.length);
      i = end < 0 ? text.length : end + tag.length;
    } else if (c === ';') {
      statements.push(text.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  statements.push(text.slice(start));
  return statements.map((s) => s.trim()).filter((s) => s.length > 0);
}
