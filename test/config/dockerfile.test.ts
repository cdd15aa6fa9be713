import fs from 'node:fs';
import path from 'node:path';
import { parseDockerfile } from '../../scripts/dockerfile';

/**
 * What the image rehearsal (scripts/rehearse-image.ts, run by .ci/run) cannot show without a
 * container engine, read from the Dockerfile itself.
 */
describe('the Dockerfile', () => {
  const docker = parseDockerfile(fs.readFileSync(path.resolve(__dirname, '../../Dockerfile'), 'utf8'));
  const final = docker.stages.at(-1)!;

  it('is multi-stage, every base image pinned to an exact Node version', () => {
    expect(docker.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of docker.stages) expect(stage.from).toMatch(/^node:\d+\.\d+\.\d+-[\w-]+$/);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const major = Number(/^node:(\d+)/.exec(final.from)?.[1]);
    expect(major).toBeGreaterThanOrEqual(Number(/\d+/.exec(pkg.engines.node)?.[0]));
  });

  it('runs as a user other than root, with a health check on /healthz', () => {
    expect(final.user).toBeDefined();
    expect(final.user).not.toMatch(/^(root|0)(:|$)/);
    expect(final.healthcheck).toContain('/healthz');
  });

  it('installs with npm ci, builds, and prunes development dependencies before the final stage takes node_modules', () => {
    const build = docker.stages[0]!;
    const runs = build.instructions.flatMap((i) => (i.kind === 'RUN' ? [i.command] : [])).join(' && ');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build/);
    expect(runs.indexOf('npm prune --omit=dev')).toBeGreaterThan(runs.indexOf('npm run build'));
    const copies = final.instructions.flatMap((i) => (i.kind === 'COPY' ? [i] : []));
    expect(copies.some((c) => c.from && c.sources.some((s) => s.endsWith('node_modules')))).toBe(true);
  });

  it('ships neither the sandbox nor the sources nor the tests', () => {
    const copied = docker.stages.flatMap((s) =>
      s.instructions.flatMap((i) => (i.kind === 'COPY' ? i.sources : [])),
    );
    for (const source of copied) expect(source).not.toMatch(/^(\.\/)?(sandbox|test|bench|scripts)(\/|$)/);
    const finalSources = final.instructions.flatMap((i) => (i.kind === 'COPY' ? i.sources : []));
    expect(finalSources).not.toContain('src');
  });

  it('keeps the embedded database on a volume, and starts the compiled app', () => {
    expect(final.env.PGLITE_DIR).toMatch(/^\/data\//);
    expect(final.cmd).toContain('dist/main.js');
  });
});
