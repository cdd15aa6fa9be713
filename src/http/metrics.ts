import client from 'prom-client';

/**
 * Prometheus metrics for GET /metrics. One registry per running service (not the global one),
 * so two app instances in one test process keep separate counts.
 */
export class Metrics {
  readonly registry = new client.Registry();
  readonly requests = new client.Counter({
    name: 'pmo_slack_requests_total',
    help: 'Requests from Slack by surface and HTTP status',
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

/** The kind of Slack request, read from the raw body Bolt buffered (for metric labels). */
export function surfaceOf(rawBody: string | undefined): string {
  if (!rawBody) return 'unknown';
  if (rawBody.startsWith('{')) {
    const type = /"type"\s*:\s*"([a-z_]+)"/.exec(rawBody)?.[1] ?? 'unknown';
    return type === 'event_callback' ? 'event' : type;
  }
  const form = new URLSearchParams(rawBody);
  if (form.has('command')) return 'command';
  const payload = form.get('payload');
  if (payload) return /"type"\s*:\s*"([a-z_]+)"/.exec(payload)?.[1] ?? 'interactive';
  return 'unknown';
}
