import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type * as PGliteDialectModule from 'kysely-pglite-dialect';
import type pgModule from 'pg';
import type * as TemplateModule from './pglite-template';
import type { DB } from './schema';

/**
 * One Kysely instance over either a PostgreSQL pool (DATABASE_URL) or embedded PGlite. The
 * same migrations and queries run on both; types are parsed the same way on both so the
 * services never see a driver difference.
 */

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Resolves when the database answers a trivial query (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

const parseNumber = (v: string) => Number(v);
const keepDate = (v: string) => v;

export function connectPostgres(
  connectionString: string,
  options: { max?: number; queryTimeoutMs?: number } = {},
): DatabaseHandle {
  // A process uses one of the two databases, so each driver is loaded when it is connected to:
  // the other one's loading time (about 0.1 s each) is not spent at every start.
  const pg = require('pg') as typeof pgModule;
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.queryTimeoutMs ?? 5000,
    // Without it, a database that stops answering without closing the connection (a network
    // partition, a hung server) leaves queries waiting forever, and a Slack ack that needs the
    // database never comes. The timed-out connection catches up once the server answers again.
    ...(options.queryTimeoutMs ? { query_timeout: options.queryTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === OID.int8 || oid === OID.numeric) return parseNumber;
        if (oid === OID.date) return keepDate;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pgModule.types.getTypeParser,
    },
  });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor one dropped while checked out between two queries (inside a transaction, say): the pool
  // listens only to idle clients, and an 'error' nobody listens to is thrown. The query that
  // next uses the client fails (a "database unavailable" error, answered kindly), and the pool
  // discards the client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    ping: () => pingDb(db),
    close: () => db.destroy(),
  };
}

/**
 * Embedded PostgreSQL. `dataDir` undefined means in memory (tests). A data directory belongs to
 * one process: a lock file with our pid guards it, so a second `npm start` or a job runner
 * stops with a clear message instead of corrupting the files.
 */
export async function connectPglite(dataDir?: string): Promise<DatabaseHandle> {
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { PGliteDialect } = require('kysely-pglite-dialect') as typeof PGliteDialectModule;
  const { copyTemplateInto, embeddedExtensions, embeddedStartParams, loadTemplate } =
    require('./pglite-template') as typeof TemplateModule;
  let releaseLock: () => void = () => undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDirectory(dataDir);
  }
  const options = {
    dataDir,
    parsers: { [OID.int8]: parseNumber, [OID.numeric]: parseNumber, [OID.date]: keepDate },
    startParams: embeddedStartParams(),
    extensions: embeddedExtensions(),
  };
  // A new database starts from the template `npm ci` made (pglite-template.ts), if there is one:
  // on disk, a copy of its files; in memory, its archive restored.
  const fresh = !dataDir || !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const copied = fresh && dataDir ? copyTemplateInto(dataDir) : false;
  const template = fresh && !copied ? loadTemplate() : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({ ...options, ...(template ? { loadDataDir: template } : {}) });
  } catch (err) {
    if (!template && !copied) throw err;
    // A template that does not load is no reason not to start: initdb, as without one.
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create(options);
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    ping: () => pingDb(db),
    close: async () => {
      // The dialect closes the PGlite client when Kysely is destroyed.
      await db.destroy();
      if (!client.closed) await client.close();
      releaseLock();
    },
  };
}

export class DatabaseLockedError extends Error {
  readonly code = 'database_locked';
}

function lockDirectory(dataDir: string): () => void {
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DatabaseLockedError(
        `The embedded database in ${dataDir} is in use by process ${holder}. ` +
          'Stop that process, or set DATABASE_URL to share a PostgreSQL server between processes.',
      );
    }
    // A stale lock from a process that died (kill -9): take it over.
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pingDb(db: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
