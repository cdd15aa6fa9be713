import { type ImportGraph, layerViolations, readImportGraph } from './import-graph';

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
