import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from './migrate';
import type { DB } from './schema';

/**
 * A head start for a new embedded database. Creating one runs PostgreSQL's initdb inside
 * WebAssembly: about 2.4 s here, most of a first `npm start` (and 1.5 s for every in-memory test
 * database). Restoring the files of one already made and migrated takes about 0.6 s. So `npm ci`
 * makes that template once (the `postinstall` script), next to the PGlite it belongs to; a new
 * database starts from it, and the migrator then applies whatever came after it.
 */

/** PGlite's own folder (its package.json is not exported, so found from its entry point). */
function pgliteRoot(): string {
  let dir = path.dirname(require.resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(dir, 'package.json')) || path.basename(dir) === 'dist') {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the PGlite package');
    dir = up;
  }
  return dir;
}

/** One template per PGlite version: another version's files are not to be trusted. */
export function templateFile(): string {
  const version = (
    JSON.parse(fs.readFileSync(path.join(pgliteRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  // node_modules/.cache: rebuilt by every `npm ci`, ignored by git, kept by `npm prune`.
  return path.join(pgliteRoot(), '..', '..', '.cache', 'pmo-concierge', `pglite-${version}.tar.gz`);
}

/** The template's files, or undefined when there is none (no `npm ci` yet): then initdb runs. */
export function loadTemplate(): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(templateFile())]);
  } catch {
    return undefined;
  }
}

/** Makes the template: a new in-memory database, migrated, its files written out. */
export async function writeTemplate(): Promise<string> {
  const client = await PGlite.create();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  try {
    await migrateToLatest(db);
    // Written to disk first: a copy of a running database restores like a crash, and its
    // sequences would jump ahead (the first topic added would be 41, not 9).
    await sql`CHECKPOINT`.execute(db);
    const files = (await client.dumpDataDir('gzip')) as Blob;
    const target = templateFile();
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written aside, then renamed: a process reading it never sees half a file.
    const partial = `${target}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await files.arrayBuffer()));
    fs.renameSync(partial, target);
    return target;
  } finally {
    await db.destroy();
  }
}
