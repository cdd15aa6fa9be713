import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Source files of src/ and the src/ files each one imports (relative imports only). */
export type ImportGraph = Map<string, string[]>;

const SRC = path.resolve(__dirname, '../../src');

/**
 * Every import counts for the layers (a type is knowledge of another module too); `runtime`
 * keeps only the imports that load a module, which are the ones an import cycle can break.
 */
export function readImportGraph(root = SRC, opts: { runtime?: boolean } = {}): ImportGraph {
  const graph: ImportGraph = new Map();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        const specs = opts.runtime
          ? loadingImports(text)
          : ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
        const targets = specs
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => resolve(path.dirname(full), spec, root));
        graph.set(path.relative(root, full), targets);
      }
    }
  };
  walk(root);
  return graph;
}

/** The modules a file loads when it runs: `import type` and all-type import lists are erased. */
function loadingImports(text: string): string[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, false);
  const specs: string[] = [];
  for (const node of file.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      if (!allTypes) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      const allTypes =
        named !== undefined &&
        ts.isNamedExports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!allTypes) specs.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

/**
 * The import cycles of a graph, each as the files that load one another (Tarjan's strongly
 * connected components of more than one file, or a file importing itself).
 */
export function importCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        if (!graph.has(w)) continue;
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Which features each feature reads (through any of its files), Home aside: it reads all. */
export function featureDependencies(graph: ImportGraph): Map<string, Set<string>> {
  const deps = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = file.split(path.sep);
    if (from[0] !== 'features' || from.length < 3) continue;
    for (const target of targets) {
      const to = target.split(path.sep);
      if (to[0] !== 'features' || to.length < 3 || to[1] === from[1]) continue;
      if (!deps.has(from[1]!)) deps.set(from[1]!, new Set());
      deps.get(from[1]!)!.add(to[1]!);
    }
  }
  return deps;
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
