import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import { PACKAGE_ROOT } from '../lib/package-root';

/**
 * Migrations are forward-only SQL files in db/migrations, named by timestamp. They are plain
 * SQL on purpose: frozen in time, never importing app code, readable by a DBA.
 *
 * Kysely's Migrator on PostgreSQL takes `pg_advisory_xact_lock` around the run, so replicas
 * starting together (or `npm run db:migrate` during a deploy) cannot race, and each file runs
 * in its own transaction.
 */
export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'db', 'migrations');

class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(this.dir)).filter((f) => f.endsWith('.sql')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await fs.readFile(path.join(this.dir, file), 'utf8');
      migrations[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          // The extended query protocol (used by both drivers) takes one statement at a time.
          for (const statement of splitStatements(text)) await sql.raw(statement).execute(db);
        },
      };
    }
    return migrations;
  }
}

/**
 * Splits on semicolons that end a line, after dropping `--` comments; a function's `$$`-quoted
 * body is one statement however many of its lines end in a semicolon.
 */
export function splitStatements(text: string): string[] {
  const pieces = text
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(/;\s*$/m);
  const statements: string[] = [];
  let open = '';
  for (const piece of pieces) {
    open = open ? `${open};${piece}` : piece;
    // An odd number of `$$` so far: still inside a body.
    if ((open.match(/\$\$/g) ?? []).length % 2 === 1) continue;
    statements.push(open.trim());
    open = '';
  }
  if (open.trim()) statements.push(open.trim());
  return statements.filter(Boolean);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are independent of the app schema
export async function migrateToLatest(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<MigrationResultSet> {
  if (await allApplied(db, dir)) return { results: [] };
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(dir) });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/**
 * Every file already recorded as applied: the usual case at start-up. One query answers it,
 * where the migrator (its tables, its lock, every file read) took about 0.6 s on a new embedded
 * database. Anything missing, or no migration table yet, goes through the migrator and its lock.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are independent of the app schema
async function allApplied(db: Kysely<any>, dir: string): Promise<boolean> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, ''));
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.rows.map((r) => r.name));
    return files.every((f) => applied.has(f));
  } catch {
    return false;
  }
}
