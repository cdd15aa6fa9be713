import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connectPglite } from '../../src/db/client';
import { MIGRATIONS_DIR, migrateToLatest } from '../../src/db/migrate';
import { templateFile, writeTemplate } from '../../src/db/pglite-template';

/** A new embedded database starts from the template instead of running initdb. */
describe('the embedded database template', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-template-'));
    await writeTemplate();
  }, 30_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives a new data directory every migration already applied, and ids that start where a fresh one does', async () => {
    expect(fs.existsSync(templateFile())).toBe(true);
    const handle = await connectPglite(path.join(dir, 'db'));
    try {
      const applied = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
        handle.db,
      );
      const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
      expect(applied.rows[0]?.n).toBe(files.length);
      // Nothing left to do, and the seeded catalogue is there.
      expect((await migrateToLatest(handle.db)).results).toEqual([]);
      const { max } = await handle.db
        .selectFrom('topics')
        .select((eb) => eb.fn.max<number>('id').as('max'))
        .executeTakeFirstOrThrow();
      const added = await handle.db
        .insertInto('topics')
        .values({ slug: 'new-topic', name: 'New topic', sort_order: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(added.id).toBe(Number(max) + 1);
    } finally {
      await handle.close();
    }
    // And it is a real database on disk: opened again, the row is there.
    const again = await connectPglite(path.join(dir, 'db'));
    try {
      expect(
        await again.db.selectFrom('topics').select('slug').where('slug', '=', 'new-topic').execute(),
      ).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 30_000);
});
