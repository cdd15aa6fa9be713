import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from './migrate';
import type { DB } from './schema';

/**
 * A head start for a new embedded database. Creating one runs PostgreSQL's initdb inside
 * WebAssembly: about 2.4 s here, most of a first `npm start` (and 1.5 s for every in-memory test
 * database). Starting from the files of one already made and migrated takes about 0.5 s. So
 * `npm ci` makes that template once (the `postinstall` script), next to the PGlite it belongs to;
 * a new database starts from it, and the migrator then applies whatever came after it.
 */

/**
 * PGlite's defaults, with a 16 MB buffer pool instead of PostgreSQL's 128 MB. Inside WebAssembly
 * the pool is zeroed at every start and held for the process's life: 128 MB doubled the time to
 * open a database (about 1.2 s against 0.6 s here, for each test app too) and the memory it
 * takes. The app's working set is far smaller, and pages the pool does not hold come from the
 * file system's cache (or, in memory, from memory).
 */
export const embeddedStartParams = () => [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * The PostgreSQL extensions the migrations create (pg_trgm: typo-tolerant library search). PGlite
 * loads an extension's code only when the client is created with it, and a database whose catalog
 * has the extension cannot use it otherwise: so every PGlite this app creates passes these.
 */
export const embeddedExtensions = () => ({ pg_trgm });

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

/**
 * One template per PGlite version and set of extensions: another version's files are not to be
 * trusted, and a template made before an extension was loaded is not the one to start from.
 */
export function templateFile(): string {
  return `${templateDirectory()}.tar.gz`;
}

/** The same files unpacked, for a new data directory on disk: copied, not restored. */
export function templateDirectory(): string {
  const version = (
    JSON.parse(fs.readFileSync(path.join(pgliteRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  // node_modules/.cache: rebuilt by every `npm ci`, ignored by git, kept by `npm prune`.
  const extensions = Object.keys(embeddedExtensions()).sort().join('+');
  return path.join(pgliteRoot(), '..', '..', '.cache', 'pmo-concierge', `pglite-${version}+${extensions}`);
}

/** The template's files, or undefined when there is none (no `npm ci` yet): then initdb runs. */
export function loadTemplate(): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(templateFile())]);
  } catch {
    return undefined;
  }
}

/**
 * Fills a new, empty data directory with the template's files, if there is a template. A copy
 * by the file system takes about 0.2 s; PGlite restoring the archive into a directory, file by
 * file through WebAssembly, took 1.2–1.8 s. False when there is no template to copy, or when the
 * copy failed half-way: the directory is then emptied, to be made the slower way.
 */
export function copyTemplateInto(dataDir: string): boolean {
  const source = templateDirectory();
  if (!fs.existsSync(path.join(source, 'PG_VERSION'))) return false;
  try {
    fs.cpSync(source, dataDir, { recursive: true });
    return true;
  } catch {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    return false;
  }
}

/**
 * Makes the template: a new database, migrated, then closed (a clean shutdown writes everything
 * out: a copy of a running database would restore like a crash, and its sequences would jump
 * ahead — the first topic added would be 41, not 9). Kept twice: unpacked, for data directories
 * on disk, and as one archive, for databases in memory.
 */
export async function writeTemplate(): Promise<string> {
  const target = templateDirectory();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Built aside, then renamed: a process reading it never sees half a template.
  const building = `${target}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const client = await PGlite.create({
    dataDir: building,
    startParams: embeddedStartParams(),
    extensions: embeddedExtensions(),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  try {
    await migrateToLatest(db);
    await sql`CHECKPOINT`.execute(db);
    const files = (await client.dumpDataDir('gzip')) as Blob;
    const partial = `${templateFile()}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await files.arrayBuffer()));
    fs.renameSync(partial, templateFile());
  } finally {
    await db.destroy();
    if (!client.closed) await client.close();
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(building, target);
  return target;
}
