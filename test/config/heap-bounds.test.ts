import fs from 'node:fs';
import path from 'node:path';
import { parseDockerfile } from '../../scripts/dockerfile';

/**
 * The app's heap bounds are one policy in two places: the image's NODE_OPTIONS and `npm start`'s
 * node flags. Without them V8 lets a burst of Slack requests grow the process past 200 MB.
 */
describe('heap bounds', () => {
  const root = path.resolve(__dirname, '../..');
  const docker = parseDockerfile(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const heapFlags = (s: string) => s.split(/\s+/).filter((f) => /^--max-(semi|old)-space-size=\d+$/.test(f));

  it('are the same for npm start as for the Docker image', () => {
    const image = heapFlags(docker.stages.at(-1)?.env.NODE_OPTIONS ?? '');
    expect(image).toHaveLength(2);
    expect(heapFlags(pkg.scripts.start ?? '')).toEqual(image);
  });
});
