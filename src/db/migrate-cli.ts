import { connectPglite, connectPostgres } from './client';
import { migrateToLatest } from './migrate';

/**
 * `npm run db:migrate`: a release step that applies pending migrations and exits. Reads only
 * DATABASE_URL / PGLITE_DIR (not the Slack settings) so it can run before the app is configured.
 */
async function run(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim();
  const handle = url
    ? connectPostgres(url, { max: 1 })
    : await connectPglite(process.env.PGLITE_DIR || './.data/pglite');
  try {
    const result = await migrateToLatest(handle.db);
    const applied = result.results?.map((r) => `${r.migrationName}: ${r.status}`) ?? [];
    process.stdout.write(applied.length ? `${applied.join('\n')}\n` : 'Already up to date.\n');
  } finally {
    await handle.close();
  }
}

run().catch((err: Error) => {
  process.stderr.write(`Migration failed: ${err.message}\n`);
  process.exit(1);
});
