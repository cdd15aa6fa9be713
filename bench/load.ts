import { signedHeaders } from '../test/support/slack-signing';

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

/** Sends `count` signed requests with `concurrency` in flight; latencies in ms. */
export async function runLoad(opts: {
  url: string;
  secret: string;
  count: number;
  concurrency: number;
  body: (i: number) => { body: string; contentType: string };
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= opts.count) return;
      const { body, contentType } = opts.body(i);
      const t0 = performance.now();
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': contentType, ...signedHeaders(opts.secret, body) },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  return {
    count: opts.count,
    errors,
    elapsedMs,
    throughput: (opts.count / elapsedMs) * 1000,
    ...percentiles(latencies),
  };
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
