import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm start` runs a bundle of the sources (scripts/start.cjs). It must never run stale code: a
 * source edited since the last build is built again before the start, and nothing is rebuilt
 * when nothing changed (that is the point of keeping it).
 */
const ROOT = path.resolve(__dirname, '../..');
const { ensureBundle, bundleDirectory } = require(path.join(ROOT, 'scripts', 'start.cjs')) as {
  ensureBundle(): boolean;
  bundleDirectory: string;
};

describe("npm start's bundle", () => {
  it('is rebuilt after a source file changes, and only then', async () => {
    ensureBundle();
    expect(fs.existsSync(path.join(bundleDirectory, 'src', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(bundleDirectory, 'sandbox', 'run-sandbox.js'))).toBe(true);
    expect(ensureBundle()).toBe(false);

    // An edit, as the file system sees it: a newer modification time on a module deep in the app.
    const source = path.join(ROOT, 'src', 'features', 'requests', 'policy.ts');
    const now = new Date();
    fs.utimesSync(source, now, now);
    await new Promise((r) => setTimeout(r, 20));
    expect(ensureBundle()).toBe(true);
    expect(ensureBundle()).toBe(false);
  }, 60_000);
});
