import fs from 'node:fs';
import path from 'node:path';

/**
 * The page's three files (HTML, script, style) are plain files in ./page, read once. `npm run
 * build` copies them next to the compiled code; running from source reads them in place (and
 * re-reads them on every request, so editing the page needs only a reload).
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const cache = new Map<string, { body: string; type: string }>();

export function pageAsset(name: string): { body: string; type: string } {
  const cached = process.env.NODE_ENV === 'production' ? cache.get(name) : undefined;
  if (cached) return cached;
  const candidates = [
    path.join(__dirname, 'page', name),
    // compiled code in dist/sandbox without the copied assets: fall back to the sources
    path.resolve(__dirname, '..', '..', 'src', 'sandbox', 'page', name),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`sandbox page asset ${name} is missing (looked in ${candidates.join(', ')})`);
  const asset = { body: fs.readFileSync(file, 'utf8'), type: TYPES[path.extname(name)] ?? 'text/plain' };
  cache.set(name, asset);
  return asset;
}
