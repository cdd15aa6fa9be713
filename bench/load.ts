import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FakeSlack } from '../test/support/fake-slack';
import type { BodyData } from './bodies';

export interface LoadResult {
  count: number;
  errors: number;
  elapsedMs: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadOptions {
  url: string;
  secret: string;
  count: number;
  concurrency: number;
  fake: FakeSlack;
}

/**
 * Sends `count` signed requests with `concurrency` in flight, from a worker thread
 * (load-worker.ts), issuing the trigger ids it asks for; latencies in ms.
 */
export function runLoad(opts: LoadOptions & { data: BodyData }): Promise<LoadResult> {
  const { fake, ...job } = opts;
  const worker = new Worker(path.join(__dirname, 'load-worker.ts'), {
    workerData: job,
    // The worker loads TypeScript too.
    execArgv: ['--require', 'tsx/cjs'],
  });
  return new Promise((resolve, reject) => {
    worker.on(
      'message',
      (m: { users?: string[]; done?: { latencies: number[]; errors: number; elapsedMs: number } }) => {
        if (m.users) worker.postMessage({ triggers: m.users.map((u) => fake.issueTrigger(u)) });
        if (m.done) {
          void worker.terminate();
          resolve({
            count: opts.count,
            errors: m.done.errors,
            elapsedMs: m.done.elapsedMs,
            throughput: (opts.count / m.done.elapsedMs) * 1000,
            ...percentiles(m.done.latencies),
          });
        }
      },
    );
    worker.on('error', reject);
  });
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
