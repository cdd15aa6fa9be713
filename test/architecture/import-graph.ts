import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Source files of src/ and the src/ files each one imports (relative imports only). */
export type ImportGraph = Map<string, string[]>;

const SRC = path.resolve(__dirname, '../../src');

export function readImportGraph(root = SRC): ImportGraph {
  const graph: ImportGraph = new Map();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const { importedFiles } = ts.preProcessFile(fs.readFileSync(full, 'utf8'), true, true);
        const targets = importedFiles
          .map((f) => f.fileName)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => resolve(path.dirname(full), spec, root));
        graph.set(path.relative(root, full), targets);
      }
    }
  };
  walk(root);
  return graph;
}

function resolve(fromDir: string, spec: string, root: string): string {
  const base = path.resolve(fromDir, spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')])
    if (fs.existsSync(candidate)) return path.relative(root, candidate);
  return path.relative(root, base.replace(/\.js$/, '.ts'));
}

/** Layers of src/ that sit under the features and must not know them. */
export const SHARED_DIRS = ['http', 'db', 'outbox', 'jobs', 'lib', 'slack'];
/** The one file below the features that may read their list: it composes the app from it. */
const COMPOSITION_ROOTS = new Set(['compose.ts']);

/**
 * The module rules, as one list of broken ones: shared code imports no feature; a feature
 * reaches another only through that feature's index.ts; nothing but the list of features
 * imports Home, which reads everyone.
 */
export function layerViolations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const from = file.split(path.sep);
    for (const target of targets) {
      const to = target.split(path.sep);
      if (to[0] !== 'features' || to.length < 2) continue;
      const toFeature = to.length === 2 ? undefined : to[1];
      if (from[0] !== 'features') {
        if (!COMPOSITION_ROOTS.has(file)) found.push(`${file} → ${target}: shared code imports a feature`);
        continue;
      }
      const fromFeature = from.length === 2 ? undefined : from[1];
      if (fromFeature === undefined || toFeature === undefined || fromFeature === toFeature) continue;
      if (toFeature === 'home') found.push(`${file} → ${target}: nothing imports Home`);
      else if (to.length !== 3 || to[2] !== 'index.ts')
        found.push(`${file} → ${target}: another feature is reached only through its index.ts`);
    }
  }
  return found;
}
