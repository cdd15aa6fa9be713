import { parentPort, workerData } from 'node:worker_threads';
import { signedHeaders } from '../test/support/slack-signing';
import { type BodyData, bodyFor, userFor } from './bodies';
import type { LoadOptions } from './load';

/**
 * The load generator, on its own thread: the fake Slack (on the main thread) serving the app's
 * Web API calls must not delay sending requests or reading their acks, or the app would be
 * charged for the fake's work. Trigger ids come from the fake in batches, asked for ahead.
 */

interface Job extends Omit<LoadOptions, 'fake'> {
  data: BodyData;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('load-worker runs as a worker thread');

/** Triggers are asked for 100 at a time, keeping 100–200 in stock: ~0.3 s old at 700 req/s. */
const BATCH = 100;
const triggers: string[] = [];
let asked = 0;
let asking = false;
const waiting: (() => void)[] = [];

port.on('message', (m: { triggers: string[] }) => {
  asking = false;
  triggers.push(...m.triggers);
  for (const wake of waiting.splice(0)) wake();
});

function askForMore(): void {
  if (asking || asked >= job.count) return;
  asking = true;
  const users = Array.from({ length: Math.min(BATCH, job.count - asked) }, (_, k) =>
    userFor(job.data.kind, asked + k),
  );
  asked += users.length;
  port?.postMessage({ users });
}

// Trigger i belongs to request i: requests are numbered in the order their triggers arrive.
let nextTrigger = 0;
async function trigger(): Promise<{ i: number; id: string }> {
  while (triggers.length === 0) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  if (triggers.length < BATCH) askForMore();
  return { i: nextTrigger++, id: triggers.shift() as string };
}

async function main(): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  askForMore();
  const t0 = performance.now();
  const worker = async () => {
    while (started < job.count) {
      started++;
      const { i, id } = await trigger();
      const body = bodyFor(job.data, i, id);
      const sentAt = performance.now();
      try {
        const res = await fetch(job.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...signedHeaders(job.secret, body),
          },
          body,
        });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  port?.postMessage({ done: { latencies, errors, elapsedMs: performance.now() - t0 } });
}

void main();
