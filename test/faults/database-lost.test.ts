import net from 'node:net';
import { connectPostgres } from '../../src/db/client';
import { isDatabaseUnavailable } from '../../src/db/errors';
import { DATABASE_DOWN_TEXT } from '../../src/slack/kit';
import {
  FORM,
  fileRequest,
  newResponses,
  openRequestForm,
  triagePost,
  validValues,
} from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database';

/**
 * PostgreSQL lost while the app runs: a TCP proxy between the app and the server is cut (every
 * connection destroyed, new ones refused), then restored. People get a friendly "try again"
 * within Slack's 3 s, nothing half-written, the process keeps serving, and it recovers.
 */

/** A cuttable TCP proxy in front of PostgreSQL. */
class DatabaseProxy {
  private readonly sockets = new Set<net.Socket>();
  private cut = false;
  private frozen = false;
  private server!: net.Server;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    this.server = net.createServer((client) => {
      if (this.cut) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      // After pipe(), which sets both flowing: a connection the pool opens while frozen (after
      // a query timed out, on a slow machine) must be frozen too.
      if (this.frozen) {
        client.pause();
        upstream.pause();
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** The database is gone: connections drop, new ones are refused. */
  lose(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
  }

  /**
   * The database stops answering, but nothing is closed (a partition, a hung server): bytes
   * wait, as TCP would keep retransmitting them, and flow again on restore.
   */
  freeze(): void {
    this.frozen = true;
    for (const s of this.sockets) s.pause();
  }

  restore(): void {
    this.cut = false;
    this.frozen = false;
    for (const s of this.sockets) s.resume();
  }

  async stop(): Promise<void> {
    this.lose();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

(usingPostgres ? describe : describe.skip)('PostgreSQL lost while running', () => {
  let database: TestDatabase;
  let proxy: DatabaseProxy;
  let t: TestApp;
  beforeEach(async () => {
    database = await createTestDatabase();
    const target = new URL(database.env.DATABASE_URL ?? '');
    proxy = await new DatabaseProxy(target.hostname, Number(target.port || 5432)).start();
    const viaProxy = new URL(target);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    t = await startTestApp({
      database: { env: { DATABASE_URL: viaProxy.toString() }, drop: async () => undefined },
    });
  });
  afterEach(async () => {
    await t.stop();
    await proxy.stop();
    await database.drop();
  });

  const readyz = async () => (await fetch(`${t.url}/readyz`)).status;
  const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = Date.now();
    const value = await fn();
    return { value, ms: Date.now() - started };
  };

  it('answers "try again — nothing was lost" within 3 s, keeps serving, and recovers', async () => {
    const { post } = await fileRequest(t, 'UREQ1');
    const form = await openRequestForm(t, 'UREQ2');
    const values = await validValues(t, { [FORM.project]: 'Submitted while the database was down' });
    expect(await readyz()).toBe(200);

    proxy.lose();

    // A slash command that reads the database: an ephemeral apology.
    const status = await timed(() => t.slash('UREQ1', 'status'));
    expect(status.value.status).toBe(200);
    expect(status.value.body.text).toBe(DATABASE_DOWN_TEXT);
    expect(status.ms).toBeLessThan(3000);

    // A modal submission: the apology on its first input, so what was typed stays in the form.
    const submitted = await timed(() => t.submit('UREQ2', form, values));
    expect(submitted.value.body).toEqual({
      response_action: 'errors',
      errors: { [FORM.service]: DATABASE_DOWN_TEXT },
    });
    expect(submitted.ms).toBeLessThan(3000);

    // A button: acknowledged, then an ephemeral apology through response_url.
    const before = t.fake.responses.length;
    const clicked = await timed(() => t.click(LEAD, 'triage_claim', { message: post }));
    expect(clicked.value.status).toBe(200);
    expect(clicked.ms).toBeLessThan(3000);
    const [answer] = await newResponses(t, before);
    expect(answer).toEqual(expect.objectContaining({ response_type: 'ephemeral', text: DATABASE_DOWN_TEXT }));

    // Alive but not ready.
    expect(await readyz()).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    proxy.restore();
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      ready = (await readyz()) === 200;
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(true);

    // Nothing half-written: the claim did not happen and the failed submission left no row.
    const rows = await t.db.selectFrom('requests').select(['id', 'status', 'submission_key']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('new');

    // The same submission now goes through, once.
    const again = await t.submit('UREQ2', form, values);
    expect(again.status).toBe(200);
    expect(again.body.response_action).toBeUndefined();
    await t.flush();
    const stored = await t.db
      .selectFrom('requests')
      .selectAll()
      .where('submission_key', '=', form.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.project).toBe('Submitted while the database was down');
    expect(triagePost(t, stored[0]?.id ?? 0)).toBeDefined();
    // The failures were logged as the database being down, not as crashes.
    expect(t.logs.some((l) => l.msg === 'database unavailable while handling a Slack request')).toBe(true);
    expect(t.logs.filter((l) => l.level === 60)).toEqual([]);
  });

  it('answers within 3 s when the database stops answering without closing anything', async () => {
    const { post } = await fileRequest(t, 'UREQ1');
    proxy.freeze();
    const status = await timed(() => t.slash('UREQ1', 'status'));
    expect(status.value.body.text).toBe(DATABASE_DOWN_TEXT);
    expect(status.ms).toBeLessThan(3000);
    const before = t.fake.responses.length;
    const clicked = await timed(() => t.click(LEAD, 'triage_claim', { message: post }));
    expect(clicked.ms).toBeLessThan(3000);
    const [answer] = await newResponses(t, before);
    expect(answer?.text).toBe(DATABASE_DOWN_TEXT);
    expect(await readyz()).toBe(503);

    // When it answers again, so does the app: the same click now claims the request.
    proxy.restore();
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      ready = (await readyz()) === 200;
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(true);
    const after = t.fake.responses.length;
    await t.click(LEAD, 'triage_claim', { message: post });
    const [claimed] = await newResponses(t, after);
    expect(claimed?.text).toContain('You claimed it');
  });
});

(usingPostgres ? describe : describe.skip)('a connection lost between two queries of a transaction', () => {
  it('fails that transaction as "database unavailable" instead of crashing the process', async () => {
    const database = await createTestDatabase();
    const target = new URL(database.env.DATABASE_URL ?? '');
    const proxy = await new DatabaseProxy(target.hostname, Number(target.port || 5432)).start();
    const viaProxy = new URL(target);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const handle = connectPostgres(viaProxy.toString(), { max: 2, queryTimeoutMs: 2500 });
    // An 'error' event nobody listens to would surface here (and kill a real process).
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const failed = await handle.db
        .transaction()
        .execute(async (trx) => {
          await trx.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
          // The client is checked out and idle when the connection drops.
          proxy.lose();
          await new Promise((r) => setTimeout(r, 200));
          await trx.selectNoFrom((eb) => eb.lit(2).as('two')).execute();
        })
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(isDatabaseUnavailable(failed)).toBe(true);
      expect(uncaught).toEqual([]);
      // The pool recovers once the database is back.
      proxy.restore();
      const row = await handle.db.selectNoFrom((eb) => eb.lit(3).as('three')).executeTakeFirstOrThrow();
      expect(Number(row.three)).toBe(3);
    } finally {
      process.off('uncaughtException', onUncaught);
      await handle.close();
      await proxy.stop();
      await database.drop();
    }
  });
});
