import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's folder, the one holding package.json, found from wherever this code runs: the
 * sources (tests, tsx), `dist/` (the image) or `npm start`'s bundle in node_modules/.cache
 * (scripts/start.cjs). Files the app reads at run time (migrations, the sandbox's page) are
 * found from here, not from a module's own folder, which differs between the three.
 */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

function findPackageRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
