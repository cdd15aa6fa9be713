import fs from 'node:fs';
import path from 'node:path';
import {
  featureDependencies,
  type ImportGraph,
  importCycles,
  layerViolations,
  readImportGraph,
} from './import-graph';

describe('the layers of src/', () => {
  it('hold in the code as it is', () => {
    const graph = readImportGraph();
    // The graph was read at all (a path mistake would make every rule hold vacuously).
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.values()].flat()).toContain('features/requests/index.ts');
    expect(layerViolations(graph)).toEqual([]);
  });

  const graph = (edges: [string, string][]): ImportGraph => {
    const g: ImportGraph = new Map();
    for (const [from, to] of edges) g.set(from, [...(g.get(from) ?? []), to]);
    return g;
  };

  it.each<[string, [string, string], string | undefined]>([
    ['shared code importing a feature', ['outbox/sender.ts', 'features/privacy/policy.ts'], 'shared code'],
    ['the kit importing a feature index', ['slack/kit/routes.ts', 'features/home/index.ts'], 'shared code'],
    [
      'a feature reaching past another’s index',
      ['features/team/blocks.ts', 'features/requests/blocks/common.ts'],
      'index.ts',
    ],
    ['a feature importing Home', ['features/catalog/listeners.ts', 'features/home/blocks.ts'], 'Home'],
    ['a feature importing Home’s index', ['features/catalog/listeners.ts', 'features/home/index.ts'], 'Home'],
    [
      'a feature using another through its index',
      ['features/team/blocks.ts', 'features/requests/index.ts'],
      undefined,
    ],
    [
      'a feature importing its own files',
      ['features/requests/listeners/a.ts', 'features/requests/ids.ts'],
      undefined,
    ],
    ['the list of features importing Home', ['features/index.ts', 'features/home/index.ts'], undefined],
    ['Home reading a feature', ['features/home/service.ts', 'features/requests/index.ts'], undefined],
    ['the composition root reading the list', ['compose.ts', 'features/index.ts'], undefined],
    ['a feature using shared code', ['features/requests/service.ts', 'outbox/enqueue.ts'], undefined],
  ])('%s', (_name, edge, rule) => {
    const found = layerViolations(graph([edge]));
    if (rule) {
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(rule);
    } else expect(found).toEqual([]);
  });
});

describe('import cycles', () => {
  const graph = (edges: [string, string][]): ImportGraph => {
    const g: ImportGraph = new Map();
    for (const [from, to] of edges) {
      g.set(from, [...(g.get(from) ?? []), to]);
      if (!g.has(to)) g.set(to, []);
    }
    return g;
  };

  it.each<[string, [string, string][], string[][]]>([
    [
      'a chain',
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      [],
    ],
    [
      'two files loading each other',
      [
        ['a', 'b'],
        ['b', 'a'],
      ],
      [['a', 'b']],
    ],
    [
      'a loop through three',
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ],
      [['a', 'b', 'c']],
    ],
    ['a file importing itself', [['a', 'a']], [['a']]],
    [
      'a diamond',
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
        ['c', 'd'],
      ],
      [],
    ],
  ])('are found: %s', (_name, edges, cycles) => {
    expect(importCycles(graph(edges))).toEqual(cycles);
  });

  it('none in src/: any module can be the first one loaded', () => {
    const runtime = readImportGraph(undefined, { runtime: true });
    expect(runtime.size).toBeGreaterThan(100);
    expect(importCycles(runtime)).toEqual([]);
  });

  it('none between features, types included: each builds on the ones below it', () => {
    const byFeature = featureDependencies(readImportGraph());
    expect(byFeature.get('requests')).toContain('catalog');
    const g: ImportGraph = new Map([...byFeature].map(([f, ds]) => [f, [...ds]]));
    expect(importCycles(g)).toEqual([]);
  });

  const features = fs
    .readdirSync(path.resolve(__dirname, '../../src/features'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it.each(features)('features/%s/index.ts loads first, on its own, with every route defined', (name) => {
    jest.isolateModules(() => {
      const face = require(`../../src/features/${name}`) as Record<string, unknown>;
      const module = Object.values(face).find(
        (v): v is { manifest(): Record<string, unknown> } =>
          typeof (v as { manifest?: unknown })?.manifest === 'function',
      );
      expect(module).toBeDefined();
      const manifest = module!.manifest();
      expect(typeof manifest.name).toBe('string');
      for (const value of Object.values(manifest))
        if (Array.isArray(value))
          expect(value.every((route) => route !== undefined && route !== null)).toBe(true);
    });
  });
});
