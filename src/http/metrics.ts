import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import client from 'prom-client';

/**
 * Prometheus metrics for GET /metrics. One registry per running service (not the global one),
 * so two app instances in one test process keep separate counts.
 */
export class Metrics {
  readonly registry = new client.Registry();
  // `surface` is always one of slack-envelope.ts's SURFACES (unsigned requests are 'unverified'), so the series
  // stay few whatever is sent to the port.
  readonly requests = new client.Counter({
    name: 'pmo_slack_requests_total',
    help: 'Requests to the Slack endpoint by surface and HTTP status',
    labelNames: ['surface', 'status'] as const,
    registers: [this.registry],
  });
  readonly ackSeconds = new client.Histogram({
    name: 'pmo_slack_ack_seconds',
    help: 'Time from a Slack request arriving to its acknowledgement being sent',
    labelNames: ['surface'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3],
    registers: [this.registry],
  });
  readonly httpAborted = new client.Counter({
    name: 'pmo_http_requests_aborted_total',
    help: 'HTTP requests that ended before their body: the client left, or our time limit cut it off',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly slackApiErrors = new client.Counter({
    name: 'pmo_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by error code',
    labelNames: ['client', 'error'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new client.Counter({
    name: 'pmo_slack_rate_limited_total',
    help: 'HTTP 429 answers from Slack',
    labelNames: ['client'] as const,
    registers: [this.registry],
  });
  readonly messagesSent = new client.Counter({
    name: 'pmo_outbox_sent_total',
    help: 'Messages delivered from the outbox, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly jobRuns = new client.Counter({
    name: 'pmo_job_runs_total',
    help: 'Scheduled job runs by job and outcome (skipped = another replica had the slot)',
    labelNames: ['job', 'status'] as const,
    registers: [this.registry],
  });
  readonly jobSeconds = new client.Histogram({
    name: 'pmo_job_duration_seconds',
    help: 'Duration of scheduled job runs',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [this.registry],
  });

  constructor(
    outboxDepth: () => Promise<number>,
    admission?: { readonly inFlight: number; readonly waitingCount: number },
  ) {
    if (admission) {
      new client.Gauge({
        name: 'pmo_slack_requests_in_flight',
        help: 'Slack requests being handled (work after the ack included)',
        registers: [this.registry],
        collect() {
          this.set(admission.inFlight);
        },
      });
      new client.Gauge({
        name: 'pmo_slack_requests_waiting',
        help: 'Slack requests waiting for a slot (SLACK_MAX_IN_FLIGHT reached)',
        registers: [this.registry],
        collect() {
          this.set(admission.waitingCount);
        },
      });
    }
    new client.Gauge({
      name: 'pmo_outbox_depth',
      help: 'Messages waiting in the outbox (pending or being sent)',
      registers: [this.registry],
      async collect() {
        this.set(await outboxDepth().catch(() => Number.NaN));
      },
    });
    client.collectDefaultMetrics({ register: this.registry, prefix: 'pmo_' });
  }

  /** Times a job run and counts its outcome. */
  async timeJob<T>(job: string, run: () => Promise<T>): Promise<T> {
    const end = this.jobSeconds.startTimer({ job });
    try {
      const result = await run();
      this.jobRuns.inc({ job, status: 'succeeded' });
      return result;
    } catch (err) {
      this.jobRuns.inc({ job, status: 'failed' });
      throw err;
    } finally {
      end();
    }
  }
}

/**
 * GET /metrics. It is served on the Slack port; with `token` set (METRICS_TOKEN) it answers only
 * `Authorization: Bearer <token>`, so a public Slack endpoint does not publish the app's figures.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): http.RequestListener {
  return (req, res) => {
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      res.end(JSON.stringify({ error: 'unauthorized' }));
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      },
      () => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'metrics unavailable' }));
      },
    );
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
