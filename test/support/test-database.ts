import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPglite, connectPostgres, type Database } from '../../src/db/client';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/db/migrate';

/**
 * Tests run on embedded PGlite (a data directory in the temp folder) by default, and on a real PostgreSQL when
 * TEST_DATABASE_URL is set: then each app gets its own fresh database, dropped afterwards.
 */
export interface TestDatabase {
  env: Record<string, string>;
  /** Drop the per-test database (PostgreSQL only). */
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // A data directory of its own in the temp folder, not in memory: a new one is a copy of the
    // template's files and an open (about 0.5 s), where restoring the archive into memory took
    // 0.8 s, and its pages sit in the system's file cache rather than in the test worker's heap.
    // PGlite runs PostgreSQL without fsync, so the disk is not waited on.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-test-db-'));
    return {
      env: { PGLITE_DIR: path.join(dir, 'db'), DATABASE_URL: '' },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const template = await migratedTemplate(adminUrl);
  const name = `pmo_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: () =>
      withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

/**
 * A fresh test database with every migration applied, opened directly (no app): for tests of
 * the schema and of services. `connections` matters on PostgreSQL only (PGlite has one).
 */
export async function openMigratedDatabase(
  opts: { connections?: number } = {},
): Promise<{ db: Database; env: Record<string, string>; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const url = database.env.DATABASE_URL;
  const handle = url
    ? connectPostgres(url, { max: opts.connections ?? 1 })
    : await connectPglite(database.env.PGLITE_DIR);
  const close = async () => {
    await handle.close();
    await database.drop();
  };
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await close();
    throw err;
  }
  return { db: handle.db, env: database.env, close };
}

let templateName: Promise<string> | undefined;

/**
 * A database with every migration applied, made once per set of migration files and copied for
 * each test app (CREATE DATABASE … TEMPLATE): a copy costs what an empty database does, and the
 * app's migrator then finds nothing to do, instead of running every migration for every app.
 * The migrator itself is still tested: by this template, by PGlite's, and by the migration tests.
 */
function migratedTemplate(adminUrl: string): Promise<string> {
  templateName ??= (async () => {
    const hash = createHash('sha256');
    for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
      hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
    }
    const name = `pmo_test_template_${hash.digest('hex').slice(0, 12)}`;
    await withAdmin(adminUrl, async (c) => {
      // Jest's workers start together: one makes the template, the others wait for it.
      await c.query(`select pg_advisory_lock(hashtext('pmo_test_template'))`);
      try {
        const exists = await c.query('select 1 from pg_database where datname = $1', [name]);
        if (exists.rowCount) return;
        const stale = await c.query(
          `select datname from pg_database where datname like 'pmo_test_template_%' and datname <> $1`,
          [name],
        );
        for (const row of stale.rows as { datname: string }[])
          await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
        // Built under another name and renamed when complete: a half-made template is never used.
        const building = `${name}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${building}`);
        const url = new URL(adminUrl);
        url.pathname = `/${building}`;
        const handle = connectPostgres(url.toString());
        try {
          await migrateToLatest(handle.db);
        } finally {
          await handle.close();
        }
        await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } finally {
        await c.query(`select pg_advisory_unlock(hashtext('pmo_test_template'))`);
      }
    });
    return name;
  })();
  return templateName;
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
