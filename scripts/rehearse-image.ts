/**
 * Rehearses the Docker image without a container engine (these machines have none that can run
 * one): performs the Dockerfile's stages as it says them — the build stage's COPY and RUN lines
 * in a clean directory, the final stage's COPY lines into another, its ENV, USER and CMD — then
 * starts the result as an unprivileged user against a local stand-in for Slack and checks
 * /healthz, /readyz and one signed `/pmo help`. What a directory cannot show (the base image,
 * the user's uid) is checked by test/config/dockerfile.test.ts, which reads the same Dockerfile.
 *
 * Run by .ci/run: `node --import tsx scripts/rehearse-image.ts`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signedHeaders } from '../sandbox/slack-signing';
import { SlackStandIn } from '../sandbox/slack-stand-in';
import { parseDockerfile } from './dockerfile';

const ROOT = path.resolve(__dirname, '..');
const SECRET = 'rehearsal-signing-secret';

function step(what: string): void {
  process.stdout.write(`• ${what}\n`);
}

function copy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, dereference: false });
}

/** The image's root paths (/app, /data) live under `root` here. */
const rehome = (root: string) => (p: string) => (path.isAbsolute(p) ? path.join(root, p) : p);

/**
 * Polls until `url` answers as wanted, or the app exits: a start that fails says so by exiting,
 * so no deadline is needed, and a busy CI machine that starts slowly does not fail the step.
 */
async function waitFor(url: string, ok: (status: number) => boolean, app: ChildProcess): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (app.exitCode !== null || app.signalCode !== null)
      throw new Error(`the app exited (${app.exitCode ?? app.signalCode}) before ${url} answered`);
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (ok(status)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const docker = parseDockerfile(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const [build, final] = [docker.stages[0], docker.stages.at(-1)];
  if (!build || !final || build === final)
    throw new Error('the Dockerfile should have a build and a final stage');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-image-'));
  // Each stage has its own root: both say WORKDIR /app.
  const inBuild = rehome(path.join(work, 'build-stage'));
  const at = rehome(path.join(work, 'final-stage'));
  const buildDir = inBuild(build.workdir ?? '/');
  const appDir = at(final.workdir ?? '/');
  fs.mkdirSync(buildDir, { recursive: true });
  fs.mkdirSync(appDir, { recursive: true });
  /** Docker's rule: into a directory when the destination ends with / or there are several sources. */
  const destOf = (dir: string, source: string, dest: string, many: boolean) =>
    path.join(dir, dest.endsWith('/') || many ? path.join(dest, path.basename(source)) : dest);

  step(`build stage (${build.from}) in ${buildDir}`);
  for (const instruction of build.instructions) {
    if (instruction.kind === 'COPY') {
      for (const source of instruction.sources)
        copy(
          path.join(ROOT, source),
          destOf(buildDir, source, instruction.dest, instruction.sources.length > 1),
        );
    } else {
      step(`RUN ${instruction.command}`);
      execFileSync('bash', ['-c', instruction.command], { cwd: buildDir, stdio: 'inherit' });
    }
  }

  step(`final stage (${final.from}) in ${appDir}`);
  for (const instruction of final.instructions) {
    if (instruction.kind === 'COPY') {
      const many = instruction.sources.length > 1;
      for (const source of instruction.sources) {
        const from = instruction.from
          ? path.isAbsolute(source)
            ? inBuild(source)
            : path.join(buildDir, source)
          : path.join(ROOT, source);
        copy(from, destOf(appDir, source, instruction.dest, many));
      }
    } else {
      // System paths of the image (/data) are rehomed; the chown to the image's user is what
      // the permissions set before the start stand in for.
      const command = instruction.command
        .replace(/(^|\s)\/data/g, `$1${at('/data')}`)
        .replace(/&&\s*chown\s+\S+\s+\S+/g, '');
      step(`RUN ${command}`);
      execFileSync('bash', ['-c', command], { cwd: appDir, stdio: 'inherit' });
    }
  }

  step('what the image ships');
  const shipped = (p: string) => fs.existsSync(path.join(appDir, p));
  const devOnly = ['typescript', 'jest', '@biomejs/biome', 'playwright-core', 'ws'].filter((d) =>
    shipped(path.join('node_modules', d)),
  );
  if (devOnly.length) throw new Error(`development dependencies in the image: ${devOnly.join(', ')}`);
  if (shipped('sandbox') || shipped('dist/sandbox') || shipped('src'))
    throw new Error('the image holds the sandbox or the sources');
  if (!shipped('dist/main.js') || !shipped('db/migrations'))
    throw new Error('the image lacks dist/main.js or db/migrations');
  if (!shipped('node_modules/.cache/pmo-concierge'))
    throw new Error('the image lacks the embedded database template (a first start would run initdb)');

  const fake = await new SlackStandIn({ token: 'xoxb-rehearsal' }).start();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...Object.fromEntries(Object.entries(final.env).map(([k, v]) => [k, v.startsWith('/') ? at(v) : v])),
    PORT: String(port),
    SLACK_BOT_TOKEN: 'xoxb-rehearsal',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PMO_CHANNEL_ID: 'CPMO',
    PMO_LEAD_IDS: 'ULEAD1',
    SCHEDULER_ENABLED: 'false',
  };
  // USER: the image runs as `node`; here an unprivileged user stands in (root can switch to it).
  const [command, ...args] = final.cmd;
  if (!command) throw new Error('the final stage has no CMD');
  const asRoot = process.getuid?.() === 0;
  let app: ChildProcess;
  if (asRoot) {
    execFileSync('chmod', ['-R', 'a+rX', work]);
    execFileSync('chmod', ['-R', 'a+rwX', at('/data')]);
    fs.chmodSync(work, 0o755);
    step(`CMD ${final.cmd.join(' ')} as nobody (the image's USER ${final.user})`);
    app = spawn('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', command, ...args], {
      cwd: appDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } else {
    step(`CMD ${final.cmd.join(' ')} as ${os.userInfo().username} (not root: cannot switch users)`);
    app = spawn(command, args, { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  let output = '';
  app.stdout?.on('data', (d) => (output += String(d)));
  app.stderr?.on('data', (d) => (output += String(d)));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`, (s) => s === 200, app);
    step('/healthz 200');
    const readyMs = await waitFor(`${base}/readyz`, (s) => s === 200, app);
    step(`/readyz 200 (${readyMs} ms after /healthz)`);
    const body = new URLSearchParams({
      command: '/pmo',
      text: 'help',
      user_id: 'UREHEARSE',
      team_id: 'T0',
      channel_id: 'C0',
      response_url: fake.responseUrl({ user: 'UREHEARSE', channel: 'C0' }),
      trigger_id: fake.issueTrigger('UREHEARSE'),
    }).toString();
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(SECRET, body) },
      body,
    });
    const answer = (await res.json()) as { response_type?: string };
    if (res.status !== 200 || answer.response_type !== 'ephemeral')
      throw new Error(`a signed /pmo help answered ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
    step('a signed /pmo help: 200, an ephemeral list of commands');
    if (fs.readdirSync(at('/data')).length === 0)
      throw new Error('the embedded database is not in the data volume');
    step('the embedded database lives in the data volume');
    // The digest's chart: Vega (ES modules, imported), resvg's native binary and the shipped font,
    // from the image's own dist/ and node_modules, as the image's user, with no system fonts.
    const draw = `require('./dist/features/digest/chart.js').renderChartPng({firstDay:'2026-11-16',lastDay:'2026-11-22',weeks:[{firstDay:'2026-11-16',requests:3,delivered:2,averageValue:4.2}],services:[{name:'Change management',demand:3,skills:2}]}).then((b)=>process.stdout.write(b.subarray(0,24).toString('hex')))`;
    const drawArgs = ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', '-e', draw];
    const head = asRoot
      ? execFileSync(
          'setpriv',
          ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', command, ...drawArgs],
          {
            cwd: appDir,
            env: { PATH: env.PATH ?? '', HOME: '/nonexistent' },
          },
        ).toString()
      : execFileSync(command, drawArgs, { cwd: appDir, env: { PATH: env.PATH ?? '' } }).toString();
    const png = Buffer.from(head, 'hex');
    if (
      png.subarray(1, 4).toString('ascii') !== 'PNG' ||
      png.readUInt32BE(16) < 600 ||
      png.readUInt32BE(20) < 300
    )
      throw new Error(`the digest chart did not draw in the image (${head})`);
    step(`the digest chart draws in the image: a ${png.readUInt32BE(16)}×${png.readUInt32BE(20)} PNG`);
  } catch (err) {
    process.stderr.write(`${output}\n`);
    throw err;
  } finally {
    if (app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((r) => app.once('exit', r));
      app.kill('SIGTERM');
      await exited;
    }
    await fake.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  step('the image rehearsal passed');
}

main().catch((err) => {
  process.stderr.write(`image rehearsal failed: ${(err as Error).message}\n`);
  process.exit(1);
});
