// `npm start`: the app from its TypeScript sources, compiled by esbuild into one bundle per entry
// point (the app, and the sandbox it starts without Slack credentials) in node_modules/.cache,
// and rebuilt only when a source file changed since. Running the sources through tsx's loader
// instead cost about 0.9 s of every start (its loader thread, and a compiled-file cache lookup
// per module). esbuild only strips types: `npm run typecheck` checks them. Packages stay
// external, loaded from node_modules as usual. Plain JavaScript: it runs before anything is
// built.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'node_modules', '.cache', 'pmo-concierge', 'start');
const meta = path.join(out, 'meta.json');
const ENTRIES = ['src/main.ts', 'sandbox/run-sandbox.ts'];

/** The bundle is current when no file it was built from changed after its build began. */
function upToDate() {
  try {
    const built = JSON.parse(fs.readFileSync(meta, 'utf8'));
    if (JSON.stringify(built.entries) !== JSON.stringify(ENTRIES)) return false;
    return built.inputs.every((file) => fs.statSync(path.join(root, file)).mtimeMs < built.startedAt);
  } catch {
    return false;
  }
}

function build() {
  const startedAt = Date.now();
  const result = require('esbuild').buildSync({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: out,
    outbase: '.',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  fs.writeFileSync(meta, JSON.stringify({ entries: ENTRIES, startedAt, inputs }));
}

/** Two starts at once (a test's processes, say) build one at a time; the second finds it done. */
function withBuildLock(fn) {
  const lock = `${out}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 50) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a process that died mid-build is taken over after 30 s.
      if (waited > 30_000) fs.rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the bundle if a source changed; true when it did. */
function ensureBundle() {
  if (upToDate()) return false;
  let built = false;
  withBuildLock(() => {
    if (upToDate()) return;
    build();
    built = true;
  });
  return built;
}

if (require.main === module) {
  ensureBundle();
  // Stack traces name the TypeScript sources, through the bundle's source map.
  process.setSourceMapsEnabled(true);
  require(path.join(out, 'src', 'main.js'));
} else {
  module.exports = { ensureBundle, bundleDirectory: out };
}
