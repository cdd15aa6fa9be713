import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../src/lib/package-root';

/**
 * The page's three files (HTML, script, style) are plain files in ./page. They are read in place
 * (and re-read on every request, so editing the page needs only a reload), found from the project's
 * folder: `npm start` runs the sandbox from a bundle elsewhere.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function pageAsset(name: string): { body: string; type: string } {
  const file = path.join(PACKAGE_ROOT, 'sandbox', 'page', name);
  if (!fs.existsSync(file)) throw new Error(`sandbox page asset ${name} is missing (looked in ${file})`);
  return { body: fs.readFileSync(file, 'utf8'), type: TYPES[path.extname(name)] ?? 'text/plain' };
}
