import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Tests run on embedded PGlite (in memory) by default, and on a real PostgreSQL when
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
  if (!adminUrl) return { env: { PGLITE_DIR: 'memory://', DATABASE_URL: '' }, drop: async () => undefined };
  const name = `pmo_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
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

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
