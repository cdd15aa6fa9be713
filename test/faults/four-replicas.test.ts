import http from 'node:http';
import { connectPostgres, type DatabaseHandle } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { optInTx } from '../../src/features/consent/service';
import { type FakeMessage, FakeSlack } from '../support/fake-slack';
import { LEAD } from '../support/test-app';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database';
import {
  type AppProcess,
  appEnv,
  freePort,
  ProcessDriver,
  runJobProcess,
  spawnApp,
  waitReady,
} from './child-app';

/**
 * Four replicas of the app on one PostgreSQL, as a deployment behind a load balancer runs them:
 * an invitation fans out to 1,000 people while one replica is killed (`kill -9`) and a fifth
 * joins; four instances run the same job slot at once; Slack's chat.postMessage limit is one
 * budget for them all. Each replica reaches the fake Slack through its own door of a tap, so
 * every Web API call is known by the replica that made it.
 */

const PEOPLE = 1000;
const people = Array.from({ length: PEOPLE }, (_, i) => `UREP${String(i + 1).padStart(4, '0')}`);
/** Slack's limit in this test: 20 posts per half second, then 429 with Retry-After: 1. */
const LIMIT = { calls: 20, windowMs: 500, retryAfterSeconds: 1 };
/** The Retry-After of the one 429 the test provokes mid fan-out. */
const INJECTED_RETRY_AFTER_SECONDS = 5;
/** The outbox sender's parallel posts per replica (OutboxSender's default). */
const WORKERS_PER_REPLICA = 4;

const invitationDms = (fake: FakeSlack): FakeMessage[] =>
  fake.messages.filter((m) => m.dmUser && (m.text ?? '').startsWith('Invitation:'));

interface TappedCall {
  replica: number;
  method: string;
  /** When the request reached the tap, and when its answer left it (wall clock, ms). */
  sentAt: number;
  answeredAt: number;
  status: number;
  retryAfterSeconds?: number;
  /** The conversation a post was for (a DM's user id). */
  channel?: string;
}

/** Headers of one hop (and the length and encoding, which fetch recomputes or undoes). */
const HOP_BY_HOP = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'];

/**
 * Forwards `/replica-<n>/api/<method>` to the fake Slack and records the call under replica n.
 * The fake Slack stays the one Slack all replicas share (its rate limit counts them together).
 */
class SlackTap {
  readonly calls: TappedCall[] = [];
  private server?: http.Server;
  private port = 0;

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  apiUrlFor(replica: number): string {
    return `${this.url}/replica-${replica}/api/`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A replica's Web API call, or anything else Slack serves (response_urls, links): unrecorded.
    const match = /^\/replica-(\d+)(\/api\/([^?]*).*)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const sentAt = Date.now();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !HOP_BY_HOP.includes(name)) headers[name] = value;
    let answer: Response;
    try {
      answer = await fetch(`${this.target}${match ? match[2] : req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
    } catch {
      res.writeHead(502).end();
      return;
    }
    const body = Buffer.from(await answer.arrayBuffer());
    const retryAfter = answer.headers.get('retry-after');
    if (match)
      this.calls.push({
        replica: Number(match[1]),
        method: match[3] ?? '',
        sentAt,
        answeredAt: Date.now(),
        status: answer.status,
        channel: new URLSearchParams(Buffer.concat(chunks).toString()).get('channel') ?? undefined,
        ...(retryAfter ? { retryAfterSeconds: Number(retryAfter) } : {}),
      });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.includes(name) && name !== 'content-encoding') out[name] = value;
    });
    res.writeHead(answer.status, out).end(body);
  }
}

interface Outcome {
  dmsPerPerson: Map<string, number>;
  dmsAtKill: number;
  timings: string;
  outboxStatuses: Record<string, number>;
  delivered: number;
  /** The four `npm run job -- privacy` runs. */
  jobRuns: { code: number | null; output: string }[];
  privacySlots: { run_key: string; status: string }[];
  posts: TappedCall[];
}

// PGlite is one process's database (a second process on its directory stops at start-up), so
// replicas only exist on PostgreSQL.
const onPostgres = usingPostgres ? describe : describe.skip;

onPostgres('four replicas on one PostgreSQL (skipped on PGlite: it is one process’s database)', () => {
  // Minutes on a loaded machine: five app processes share its cores with PostgreSQL and Slack.
  jest.setTimeout(480_000);
  let fake: FakeSlack;
  let tap: SlackTap;
  let database: TestDatabase;
  const replicas: AppProcess[] = [];
  let outcome: Outcome;

  async function openDatabase(): Promise<DatabaseHandle> {
    const handle = connectPostgres(database.env.DATABASE_URL ?? '', { max: 2 });
    await migrateToLatest(handle.db);
    return handle;
  }

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    tap = await new SlackTap(fake.url).start();
    // Slack's address, as the replicas know it, is the tap's: the response_urls and links the fake
    // hands out must be on the same origin as the Web API (the app refuses any other).
    fake.url = tap.url;
    database = await createTestDatabase();

    const seed = await openDatabase();
    const topic = await seed.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'change-clinics')
      .executeTakeFirstOrThrow();
    await seed.db.transaction().execute(async (tx) => {
      for (const u of people) await optInTx(tx, u, [topic.id], 'optin_modal', new Date());
    });

    const ports: number[] = [];
    const envOf = (replica: number) =>
      appEnv(fake, ports[replica] ?? 0, {
        DATABASE_URL: database.env.DATABASE_URL ?? '',
        SLACK_API_URL: tap.apiUrlFor(replica),
        // Longer than a live sender's slowest delivery (the Web API client gives up after 10 s),
        // so only the killed replica's claims are ever taken as abandoned.
        OUTBOX_LEASE_MS: '25000',
      });
    const startReplica = async (replica: number) => {
      ports[replica] = freePort();
      const app = spawnApp(envOf(replica));
      replicas[replica] = app;
      await waitReady(ports[replica] ?? 0, 90_000).catch((err: Error) => {
        throw new Error(`replica ${replica}: ${err.message}\n${app.output().slice(-2000)}`);
      });
      return new ProcessDriver(fake, ports[replica] ?? 0, envOf(replica));
    };
    const startedAt = Date.now();
    const drivers = await Promise.all([0, 1, 2, 3].map(startReplica));
    const readyMs = Date.now() - startedAt;
    fake.rateLimit('chat.postMessage', LIMIT.calls, LIMIT.windowMs, LIMIT.retryAfterSeconds);

    // Behind a load balancer each request may land on any replica: the command on one, the
    // compose form on the next, the confirmation on a third.
    const [first, second, third] = drivers as [ProcessDriver, ProcessDriver, ProcessDriver];
    await Promise.all(drivers.map((d) => d.slash(LEAD, 'help')));
    const composeModal = () => {
      const m = fake.openModalOf(LEAD);
      return m?.view.callback_id === 'invite_compose_modal' ? m : undefined;
    };
    let modal: ReturnType<typeof composeModal>;
    // A cold replica may answer its first command after the 3 s trigger expired, as Slack
    // would also refuse: try again if the modal did not open.
    for (let attempt = 0; attempt < 3 && !modal; attempt++) {
      await first.slash(LEAD, 'invite');
      modal = await fake.waitFor(composeModal, 'the invite modal', 5000).catch(() => undefined);
    }
    if (!modal) throw new Error('the invite modal never opened');
    const composed = await second.submit(LEAD, modal, {
      invite_title: 'Change clinic: stakeholder maps',
      invite_message: 'Bring a change you are leading; we map the stakeholders together.',
      invite_topics: [String(topic.id)],
      invite_mode: 'dm',
    });
    expect(composed.body.response_action).toBe('update');
    const preview = fake.views.get(modal.id);
    if (!preview) throw new Error('no confirmation modal');
    expect(JSON.stringify(preview.view.blocks)).toMatch(/\*1,?000 people\*/);
    await third.submit(LEAD, structuredClone(preview), {});

    const postsBy = (replica: number) =>
      tap.calls.filter((c) => c.replica === replica && c.method === 'chat.postMessage').length;
    // Once two replicas are posting, Slack tells the next post to wait: a pause long enough that
    // replicas ignoring it would be seen posting into it, whatever the machine's speed.
    await fake.waitFor(
      () => invitationDms(fake).length >= 100 && [0, 1, 2, 3].filter((r) => postsBy(r) > 0).length >= 2,
      'two replicas to be posting',
      60_000,
    );
    fake.failNext('chat.postMessage', { status: 429, retryAfter: INJECTED_RETRY_AFTER_SECONDS });

    // Hundreds out, and the replicas sharing the work (each polls the outbox every few seconds):
    // kill -9 the replica that posted most, in the middle of its posts.
    await fake.waitFor(
      () =>
        invitationDms(fake).length >= 300 &&
        ([0, 1, 2, 3].every((r) => postsBy(r) > 0) || invitationDms(fake).length >= 600),
      'the fan-out to be under way on the replicas',
      60_000,
    );
    const victim = [0, 1, 2, 3].reduce((a, b) => (postsBy(b) > postsBy(a) ? b : a));
    const killed = replicas[victim] as AppProcess;
    process.kill(killed.pid, 'SIGKILL');
    await killed.exited;
    const dmsAtKill = invitationDms(fake).length;
    const killedAtMs = Date.now() - startedAt;

    // A fifth replica joins while the survivors finish.
    await startReplica(4);
    await fake.waitFor(
      () => new Set(invitationDms(fake).map((m) => m.dmUser)).size === PEOPLE,
      'every recipient to get the invitation',
      300_000,
    );
    // Settled: nothing left to send and nothing in flight (the killed replica's claims included).
    await fake.waitFor(
      async () => {
        const open = await seed.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('kind', '=', 'invitation.dm')
          .where('status', 'in', ['pending', 'sending'])
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0;
      },
      'the outbox to settle',
      30_000,
    );

    const settledAtMs = Date.now() - startedAt;
    // Four instances tick the daily privacy job for the same day at once, as every replica's
    // scheduler (or an external one) would. After the fan-out: `npm run job` also delivers what
    // is due, and the DMs above are the replicas' alone. Doors 10–13 of the tap are theirs.
    const jobRuns = await Promise.all([10, 11, 12, 13].map((door) => runJobProcess(envOf(door), 'privacy')));
    const survivors = [0, 1, 2, 3, 4].filter((r) => r !== victim);
    await Promise.all(
      survivors.map(async (r) => {
        const app = replicas[r] as AppProcess;
        app.child.kill('SIGTERM');
        expect(await app.exited).toBe(0);
      }),
    );

    const dmsPerPerson = new Map<string, number>();
    for (const m of invitationDms(fake))
      dmsPerPerson.set(m.dmUser ?? '', (dmsPerPerson.get(m.dmUser ?? '') ?? 0) + 1);
    const statuses = await seed.db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('kind', '=', 'invitation.dm')
      .groupBy('status')
      .execute();
    const delivered = await seed.db
      .selectFrom('invitation_recipients')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('delivery', '=', 'delivered')
      .executeTakeFirstOrThrow();
    const privacySlots = await seed.db
      .selectFrom('job_runs')
      .select(['run_key', 'status'])
      .where('job', '=', 'privacy')
      .execute();
    await seed.close();

    outcome = {
      dmsPerPerson,
      dmsAtKill,
      timings: `four ready ${readyMs} ms, kill at ${killedAtMs} ms, settled at ${settledAtMs} ms`,
      outboxStatuses: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
      delivered: Number(delivered.n),
      jobRuns,
      privacySlots,
      posts: tap.calls.filter((c) => c.method === 'chat.postMessage'),
    };
  });

  afterAll(async () => {
    for (const app of replicas)
      if (app && app.child.exitCode === null && app.child.signalCode === null) {
        app.child.kill('SIGKILL');
        await app.exited;
      }
    await tap?.stop();
    await fake?.stop();
    await database?.drop();
  });

  it('gives each of the 1,000 recipients exactly one DM, across a kill -9 and a new replica', () => {
    const { dmsPerPerson, dmsAtKill } = outcome;
    expect(dmsAtKill).toBeGreaterThan(0);
    expect(dmsAtKill).toBeLessThan(PEOPLE);
    expect(people.filter((u) => !dmsPerPerson.has(u))).toEqual([]);
    // Twice means a post another sender also made: the outbox id the DMs carry says which.
    expect([...dmsPerPerson].filter(([, n]) => n > 1).map(([u]) => u)).toEqual([]);
    expect(invitationDms(fake)).toHaveLength(PEOPLE);
    // Nothing left in 'sending', nothing failed: every row sent, and recorded as delivered.
    expect(outcome.outboxStatuses).toEqual({ sent: PEOPLE });
    expect(outcome.delivered).toBe(PEOPLE);
  });

  it('runs each scheduled slot once although every instance ticks it', () => {
    const { jobRuns, privacySlots } = outcome;
    expect(jobRuns.map((r) => (r.code === 0 ? 0 : r.output.slice(-1500)))).toEqual([0, 0, 0, 0]);
    // One instance per day slot does the work (two slots if the runs straddle midnight UTC)…
    const done = jobRuns.map((r) => /Job privacy done \(slot ([\d-]+)\)/.exec(r.output)?.[1]).filter(Boolean);
    const taken = jobRuns
      .map((r) => /slot ([\d-]+) was already run by another instance/.exec(r.output)?.[1])
      .filter(Boolean);
    expect(done.length + taken.length).toBe(4);
    expect(new Set(done).size).toBe(done.length);
    expect(privacySlots.map((s) => s.run_key).sort()).toEqual([...done].sort());
    expect(privacySlots.every((s) => s.status === 'succeeded')).toBe(true);
    // …and the others found it taken.
    expect(taken.length).toBeGreaterThanOrEqual(2);
    expect(taken.every((slot) => done.includes(slot))).toBe(true);
  });

  /**
   * Slack's Retry-After is for the app, not for one process: once any replica is told to wait,
   * none may post until the pause is over. A replica's posts already on their way when another
   * was told (one per worker) are not counted against it.
   */
  it("keeps the replicas out of each other's Retry-After pause", () => {
    const { posts } = outcome;
    const throttled = posts.filter((c) => c.status === 429);
    const intoPause: TappedCall[] = [];
    for (const t of throttled) {
      const until = t.answeredAt + (t.retryAfterSeconds ?? 1) * 1000;
      for (const replica of new Set(posts.map((c) => c.replica))) {
        if (replica === t.replica) continue;
        const during = posts.filter(
          (c) => c.replica === replica && c.sentAt > t.answeredAt && c.sentAt < until,
        );
        intoPause.push(...during.slice(WORKERS_PER_REPLICA));
      }
    }
    // Each 429's pause, and how many posts the other replicas started in it.
    const pauses = throttled.map((t) => {
      const until = t.answeredAt + (t.retryAfterSeconds ?? 1) * 1000;
      const others = posts.filter(
        (c) => c.replica !== t.replica && c.sentAt > t.answeredAt && c.sentAt < until,
      );
      return `${t.retryAfterSeconds ?? 1}s on ${t.replica}: ${others.length} by others`;
    });
    const byReplica = (calls: TappedCall[]) =>
      [...new Set(posts.map((c) => c.replica))]
        .sort()
        .map((r) => `${r}:${calls.filter((c) => c.replica === r).length}`)
        .join(' ');
    console.log(
      `four replicas: ${posts.length} chat.postMessage calls (by replica ${byReplica(posts)}), ` +
        `${throttled.length} answered 429 (${byReplica(throttled)}), ` +
        `${new Set(intoPause).size} posted into another replica's Retry-After pause ` +
        `beyond one per worker (pauses: ${pauses.join(', ')}); ` +
        `${outcome.dmsAtKill}/${PEOPLE} DMs out at the kill; ${outcome.timings}; privacy job runs ${outcome.jobRuns.map((r) => r.output.trim().split('\n').pop()).join(' | ')}`,
    );
    expect(new Set(intoPause).size).toBe(0);
  });
});
