import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPglite, connectPostgres, type DatabaseHandle } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { optInTx } from '../../src/features/consent/service';
import { type FakeMessage, FakeSlack } from '../support/fake-slack';
import { LEAD } from '../support/test-app';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../support/test-database';
import { type AppProcess, appEnv, freePort, ProcessDriver, spawnApp, waitReady } from './child-app';

/**
 * `kill -9` in the middle of an invitation fan-out, then a restart: the outbox's claims and its
 * reconciliation (message metadata looked up in the DM history) must give every recipient
 * exactly one DM — none twice (the ones in flight at the kill), none missed.
 */

const PEOPLE = 300;
const people = Array.from({ length: PEOPLE }, (_, i) => `UFAN${String(i + 1).padStart(4, '0')}`);

const invitationDms = (fake: FakeSlack): FakeMessage[] =>
  fake.messages.filter((m) => m.dmUser && (m.text ?? '').startsWith('Invitation:'));

async function openDatabase(database: TestDatabase, pgliteDir: string): Promise<DatabaseHandle> {
  const handle = database.env.DATABASE_URL
    ? connectPostgres(database.env.DATABASE_URL, { max: 2 })
    : await connectPglite(pgliteDir);
  await migrateToLatest(handle.db);
  return handle;
}

describe('kill -9 during an invitation fan-out', () => {
  jest.setTimeout(90_000);
  let fake: FakeSlack;
  let database: TestDatabase;
  let dir: string;
  let app: AppProcess | undefined;
  beforeEach(async () => {
    fake = await new FakeSlack().start();
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-kill-'));
  });
  afterEach(async () => {
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await fake.stop();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('after a restart every recipient has exactly one invitation DM', async () => {
    const pgliteDir = path.join(dir, 'pglite');
    // Seed the audience before the app starts: PGlite belongs to one process at a time.
    const seed = await openDatabase(database, pgliteDir);
    const topic = await seed.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'change-clinics')
      .executeTakeFirstOrThrow();
    await seed.db.transaction().execute(async (tx) => {
      for (const u of people) await optInTx(tx, u, [topic.id], 'optin_modal', new Date());
    });
    await seed.close();

    const port = freePort();
    const env = appEnv(fake, port, {
      ...(usingPostgres ? { DATABASE_URL: database.env.DATABASE_URL ?? '' } : { PGLITE_DIR: pgliteDir }),
      // The shortest lease, so the restarted process reconciles the rows left in 'sending' soon.
      OUTBOX_LEASE_MS: '25000',
    });
    app = spawnApp(env);
    await waitReady(port);
    const t = new ProcessDriver(fake, port, env);
    // Throttled like Slack's chat.postMessage, so the fan-out takes seconds, not milliseconds.
    fake.rateLimit('chat.postMessage', 20, 200, 1);

    // The invitation, created as a member does: /pmo invite → compose → preview → Send.
    // A cold child process (tsx compiling on first use, a busy CI machine) may answer its first
    // command after the 3 s trigger expired, as Slack would also refuse: warm it up, and try the
    // command again if the modal did not open.
    await t.slash(LEAD, 'help');
    const composeModal = () => {
      const m = fake.openModalOf(LEAD);
      return m?.view.callback_id === 'invite_compose_modal' ? m : undefined;
    };
    let modal: ReturnType<typeof composeModal>;
    for (let attempt = 0; attempt < 3 && !modal; attempt++) {
      await t.slash(LEAD, 'invite');
      modal = await fake.waitFor(composeModal, 'the invite modal', 5000).catch(() => undefined);
    }
    if (!modal) throw new Error('the invite modal never opened');
    const composed = await t.submit(LEAD, modal, {
      invite_title: 'Change clinic: stakeholder maps',
      invite_message: 'Bring a change you are leading; we map the stakeholders together.',
      invite_topics: [String(topic.id)],
      invite_mode: 'dm',
    });
    expect(composed.body.response_action).toBe('update');
    const preview = fake.views.get(modal.id);
    if (!preview) throw new Error('no confirmation modal');
    expect(JSON.stringify(preview.view.blocks)).toContain(`*${PEOPLE} people*`);
    await t.submit(LEAD, structuredClone(preview), {});

    // Some, not all, DMs are out: kill -9.
    await fake.waitFor(() => invitationDms(fake).length >= 40, 'the fan-out to start', 30_000);
    process.kill(app.pid, 'SIGKILL');
    await app.exited;
    const outAtKill = invitationDms(fake).length;
    expect(outAtKill).toBeGreaterThan(0);
    expect(outAtKill).toBeLessThan(PEOPLE);

    // Same environment; on PGlite the dead process's lock file is stale and is taken over.
    const restartedAt = Date.now();
    app = spawnApp(env);
    await waitReady(port);
    await fake.waitFor(
      () => new Set(invitationDms(fake).map((m) => m.dmUser)).size === PEOPLE,
      'every recipient to get the invitation',
      45_000,
    );
    const recoveredMs = Date.now() - restartedAt;
    const reconciled = (app.output().match(/reconciled an interrupted outbox message/g) ?? []).length;
    // Stop gracefully, then check the outbox has nothing left to send and nothing in flight.
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const perPerson = new Map<string, number>();
    for (const m of invitationDms(fake))
      perPerson.set(m.dmUser ?? '', (perPerson.get(m.dmUser ?? '') ?? 0) + 1);
    const duplicates = [...perPerson.values()].filter((n) => n > 1).length;
    const missed = people.filter((u) => !perPerson.has(u));
    console.log(
      `kill -9 mid fan-out (${usingPostgres ? 'PostgreSQL' : 'PGlite'}): ${outAtKill}/${PEOPLE} DMs out at the kill; ` +
        `after restart ${invitationDms(fake).length} DMs, ${duplicates} duplicates, ${missed.length} missed; ` +
        `all delivered ${recoveredMs} ms after the restart (${reconciled} in-flight rows reconciled)`,
    );
    expect(missed).toEqual([]);
    expect(duplicates).toBe(0);
    expect(invitationDms(fake)).toHaveLength(PEOPLE);

    const check = await openDatabase(database, pgliteDir);
    try {
      const rows = await check.db
        .selectFrom('outbox')
        .select(['status'])
        .where('kind', '=', 'invitation.dm')
        .execute();
      expect(rows).toHaveLength(PEOPLE);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      const recipients = await check.db.selectFrom('invitation_recipients').select('delivery').execute();
      expect(recipients.filter((r) => r.delivery === 'delivered')).toHaveLength(PEOPLE);
    } finally {
      await check.close();
    }
  });
});
