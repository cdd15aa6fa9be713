/**
 * Reads the Dockerfile into its stages and the instructions the image rehearsal performs and the
 * Dockerfile test checks. Only what this project's Dockerfile uses: FROM … AS, WORKDIR, COPY
 * (with --from), RUN, ENV (key=value, continued lines), USER, VOLUME, EXPOSE, HEALTHCHECK, CMD in
 * exec form.
 */

export type Instruction =
  | { kind: 'COPY'; from?: string; sources: string[]; dest: string }
  | { kind: 'RUN'; command: string };

export interface Stage {
  from: string;
  name?: string;
  workdir?: string;
  instructions: Instruction[];
  env: Record<string, string>;
  user?: string;
  healthcheck?: string;
  cmd: string[];
}

export interface Dockerfile {
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  // Join continued lines, drop comments and blank lines.
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword = '', ...restWords] = line.split(/\s+/);
    const rest = restWords.join(' ');
    const stage = stages.at(-1);
    switch (keyword.toUpperCase()) {
      case 'FROM': {
        const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
        stages.push({ from: m?.[1] ?? rest, name: m?.[2], instructions: [], env: {}, cmd: [] });
        break;
      }
      case 'WORKDIR':
        if (stage) stage.workdir = rest;
        break;
      case 'COPY': {
        const parts = restWords.filter((w) => !w.startsWith('--') || w.startsWith('--from='));
        const from = parts.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const paths = parts.filter((w) => !w.startsWith('--'));
        const dest = paths.pop() ?? '.';
        stage?.instructions.push({ kind: 'COPY', ...(from ? { from } : {}), sources: paths, dest });
        break;
      }
      case 'RUN':
        stage?.instructions.push({ kind: 'RUN', command: rest });
        break;
      case 'ENV':
        for (const m of rest.matchAll(/(\w+)=("[^"]*"|\S+)/g))
          if (stage) stage.env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
        break;
      case 'USER':
        if (stage) stage.user = rest;
        break;
      case 'HEALTHCHECK':
        if (stage) stage.healthcheck = rest;
        break;
      case 'CMD':
        if (stage) stage.cmd = JSON.parse(rest) as string[];
        break;
    }
  }
  return { stages };
}
