import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface Child {
  proc: ChildProcess;
  /** Peak resident set size so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** CPU time used so far (user + system), in ms, at the kernel's 10 ms tick. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Starts an entry point as its own process (so its memory is its own) and waits until it prints
 * `ready` (a pattern) or `ready.url` answers 200. A `.js` or `.cjs` entry runs on plain node with
 * `nodeFlags` (`npm start`'s, say); a `.ts` entry under tsx.
 */
export async function startChild(
  entry: string,
  env: Record<string, string>,
  ready: RegExp | { url: string },
  nodeFlags: string[] = [],
): Promise<Child> {
  const args = /\.c?js$/.test(entry)
    ? [...nodeFlags, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning', entry]
    : ['--import', 'tsx', entry];
  // BENCH_NODE_FLAGS="--max-semi-space-size=4 …": V8 or node flags to try on the children.
  if (process.env.BENCH_NODE_FLAGS)
    args.unshift(...process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean));
  // BENCH_PROFILE=dir: a V8 CPU profile of each child, written when it exits.
  if (process.env.BENCH_PROFILE) args.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`);
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += String(d);
      if (ready instanceof RegExp && ready.test(output)) resolve();
    };
    if (!(ready instanceof RegExp)) {
      const poll = setInterval(() => {
        fetch(ready.url).then(
          (r) => {
            if (r.status !== 200) return;
            clearInterval(poll);
            resolve();
          },
          () => undefined,
        );
      }, 100);
    }
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`${entry} did not start:\n${output.slice(-2000)}`)), 60_000);
  });
  // The child's logs (warnings and errors at the bench's LOG_LEVEL) go to a file to read later.
  const log = fs.createWriteStream(path.join(os.tmpdir(), `pmo-bench-${path.basename(entry)}.log`));
  proc.stdout?.pipe(log);
  proc.stderr?.pipe(log);
  return {
    proc,
    peakRssMb() {
      // Take the largest peak in the process tree, in case the entry spawns helpers.
      return Math.max(...descendants(proc.pid ?? 0).map(vmHwmMb));
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses).
        const stat = fs.readFileSync(`/proc/${proc.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
      } catch {
        return 0;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

function descendants(pid: number): number[] {
  const all = [pid];
  try {
    const children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    for (const c of children) all.push(...descendants(Number(c)));
  } catch {
    // process gone
  }
  return all;
}

function vmHwmMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}
