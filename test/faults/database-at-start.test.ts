import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService } from '../../src/start';

/** PostgreSQL unreachable at start: retries with backoff, says so clearly, /readyz stays 503. */
describe('PostgreSQL unreachable at start', () => {
  it('retries with backoff, logs a clear line, answers /readyz 503, then gives up with a reason', async () => {
    const lines: { msg?: string; attempt?: number; retryInMs?: number }[] = [];
    const logger = createLogger({
      level: 'info',
      pretty: false,
      destination: new Writable({
        write(chunk, _e, cb) {
          for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
          cb();
        },
      }),
    });
    const port = 30000 + Math.floor(Math.random() * 20000);
    // The first fetch of a process loads its HTTP client, which takes most of a second on a busy
    // machine: done before the retries start, so it does not eat their window.
    await fetch('http://127.0.0.1:1/').catch(() => undefined);
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: 's',
      PMO_CHANNEL_ID: 'CPMO',
      PMO_LEAD_IDS: 'ULEAD1',
      PORT: String(port),
      // Nothing listens on port 1.
      DATABASE_URL: 'postgres://postgres:secretpw@127.0.0.1:1/pmo',
      SCHEDULER_ENABLED: 'false',
    });
    const starting = startService(config, {
      logger,
      host: '127.0.0.1',
      connectRetry: { attempts: 4, initialDelayMs: 500 },
    });
    let settled = false;
    const outcome = starting.then(
      () => 'started',
      (err: Error) => err.message,
    );
    void outcome.then(() => {
      settled = true;
    });

    // While it retries (3.5 s of backoff), the process is alive but not ready: asked until it
    // answers or the service has given up, not for a fixed number of tries.
    let readyStatus = 0;
    let healthStatus = 0;
    while (!readyStatus && !settled) {
      try {
        healthStatus = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
        readyStatus = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
      } catch {
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    expect(healthStatus).toBe(200);
    expect(readyStatus).toBe(503);

    expect(await outcome).toMatch(/PostgreSQL did not answer after 4 attempts/);
    const retries = lines.filter((l) => l.msg === 'PostgreSQL is not reachable yet; retrying');
    expect(retries.map((l) => l.retryInMs)).toEqual([500, 1000, 2000]);
    expect(JSON.stringify(lines)).not.toContain('secretpw');
  });
});
