import { sql } from 'kysely';
import { fileRequest } from '../support/requests';
import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/** app_uninstalled / tokens_revoked: all Slack work stops, readiness says why, the data stays. */
describe.each([
  ['app_uninstalled', { type: 'app_uninstalled' }, 'app_uninstalled'],
  ['tokens_revoked', { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] } }, 'tokens_revoked'],
])('%s', (_name, event, said) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ persistent: true });
  });
  afterAll(() => t.stop());

  it('stops the sender with a clear log line and /readyz says why', async () => {
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    const res = await t.event(event);
    expect(res.status).toBe(200);
    await t.settle();
    const line = t.logs.find((l) => String(l.msg).startsWith('Slack work stopped'));
    expect(String(line?.msg)).toContain(said);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', reason: expect.stringContaining(said) });

    // A request can still be stored (Slack's last deliveries), but nothing is sent.
    const before = t.fake.messages.length;
    await t.db
      .insertInto('outbox')
      .values({
        kind: 'digest.post',
        dedupe_key: 'after-uninstall',
        channel: PMO_CHANNEL,
        payload: JSON.stringify({
          text: 'hello',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hello' } }],
        }),
      })
      .execute();
    t.service.deps.outbox.kick();
    await t.flush();
    await new Promise((r) => setTimeout(r, 400));
    expect(t.fake.messages.length).toBe(before);
    const row = await t.db
      .selectFrom('outbox')
      .select('status')
      .where('dedupe_key', '=', 'after-uninstall')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(await t.db.selectFrom('slack_installation').select('stopped_reason').executeTakeFirst()).toEqual({
      stopped_reason: expect.stringContaining(said),
    });
  });

  it('keeps the data; a restart with a working token resumes and sends what waited', async () => {
    await t.restart();
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
    await t.flush();
    const row = await t.db
      .selectFrom('outbox')
      .select('status')
      .where('dedupe_key', '=', 'after-uninstall')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    const { request } = await fileRequest(t, 'UREQ9');
    expect(request.requester_id).toBe('UREQ9');
  });
});

describe('the schedules after an uninstall', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SCHEDULER_ENABLED: 'true' } });
  });
  afterAll(() => t.stop());

  const sweeps = async () => {
    const counter = await t.service.deps.metrics.jobRuns.get();
    return counter.values.filter((v) => v.labels.job === 'outbox').reduce((sum, v) => sum + v.value, 0);
  };
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** What the engine does when the outbox sweep's cron slot comes: one job in its queue. */
  const fireOutboxSlot = async () => {
    const { rows } = await sql<{
      id: string;
    }>`insert into pgboss.job (name) values ('pmo-outbox') returning id`.execute(t.db);
    return rows[0]!.id;
  };
  const stateOf = async (id: string) =>
    (
      await sql<{ state: string }>`select state from pgboss.job where id = ${id}
        union all select state from pgboss.archive where id = ${id}`.execute(t.db)
    ).rows[0]?.state;

  it('stop: no scheduled job runs any more', async () => {
    // A slot fired before the uninstall runs (waited for as it happens, however busy the machine).
    const first = await sweeps();
    await fireOutboxSlot();
    while ((await sweeps()) <= first) await wait(50);

    await t.event({ type: 'app_uninstalled' });
    await t.settle();
    const stopped = await sweeps();
    const late = await fireOutboxSlot();
    // Longer than a worker's poll (5 s): a worker still listening would have taken the job.
    await wait(7000);
    expect(await stateOf(late)).toBe('created');
    expect(await sweeps()).toBe(stopped);
  });
});
