/**
 * `npm run db:template` (and `npm ci`, through scripts/postinstall.cjs): makes the embedded database's
 * template, so a first `npm start` restores it instead of running initdb (pglite-template.ts).
 * Never fails an install: without a template, a new database is simply made the slow way.
 */
import { writeTemplate } from './pglite-template';

const started = Date.now();
writeTemplate().then(
  (file) => process.stdout.write(`embedded database template ready (${Date.now() - started} ms): ${file}\n`),
  (err) =>
    process.stderr.write(
      `no embedded database template (${(err as Error).message}); new databases run initdb\n`,
    ),
);
