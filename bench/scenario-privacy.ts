import { sql } from 'kysely';
import { AppDriver } from '../sandbox/app-driver';
import { connectPostgres } from '../src/db/client';
import { type BenchContext, SECRET } from './run';
import { seedHistory } from './seed';

const REQUESTS = 100_000;
const FEEDBACK = 300_000;
const PERSON = 'UBENCHME1';
const ANSWERS = 1000;

/**
 * e. Privacy at scale: on a database of 100k requests and 300k answers, a person
 * with 1,000 requests and 1,000 answered check-ins asks `/pmo my-data` (timed until the file
 * is in their DM) and then `/pmo forget-me` (timed from the command to the modal's answer, and
 * the erasure alone from the submission to its answer).
 */
export async function privacyAtScale(ctx: BenchContext): Promise<void> {
  const handle = connectPostgres(ctx.databaseUrl, { max: 2 });
  const driver = new AppDriver(ctx.fake, SECRET, () => `${ctx.appUrl}/slack/events`, {
    team: { id: 'T0TEST', domain: 'test' },
    appId: 'A0TEST',
    ackTimeoutMs: 30_000,
  });
  const person = { id: PERSON, name: 'benchme' };
  try {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM requests`.execute(handle.db);
    if (Number(rows[0]?.n) < REQUESTS) await seedHistory(handle.db, REQUESTS, FEEDBACK);
    await sql`
      INSERT INTO requests (submission_key, requester_id, service_id, project, need, expected_value, impact,
        status, owner_id, created_at, updated_at, claimed_at, delivered_at, closed_at)
      SELECT 'bench-me-' || g, ${PERSON}, 1 + g % 10, 'My project ' || g, 'My need ' || g, 'My value ' || g, 'important',
        'closed', 'UMEMBER' || (1 + g % 20), now() - g * interval '1 hour', now() - g * interval '1 hour',
        now() - g * interval '1 hour' + interval '1 hour', now() - g * interval '1 hour' + interval '2 days',
        now() - g * interval '1 hour' + interval '3 days'
      FROM generate_series(1, ${ANSWERS}) g`.execute(handle.db);
    await sql`INSERT INTO request_events (request_id, actor_id, from_status, to_status, created_at)
      SELECT id, requester_id, null, 'new', created_at FROM requests WHERE requester_id = ${PERSON}`.execute(
      handle.db,
    );
    await sql`INSERT INTO checkins (kind, request_id, user_id, due_at, status, rating, what_changed, answered_at, created_at)
      SELECT 'delivery', id, requester_id, delivered_at, 'answered', 1 + id % 5, 'It helped me ' || id,
        delivered_at + interval '1 day', delivered_at
      FROM requests WHERE requester_id = ${PERSON}`.execute(handle.db);
    await sql`ANALYZE`.execute(handle.db);

    // /pmo my-data: command → ack → gather → upload → the file in the DM.
    const myDataRuns: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const before = ctx.fake.filesIn(PERSON).length;
      const t0 = performance.now();
      await driver.command(person, '/pmo', 'my-data', { id: 'CGENERAL', name: 'general' });
      const file = await ctx.fake.waitFor(
        () => (ctx.fake.filesIn(PERSON).length > before ? ctx.fake.filesIn(PERSON).at(-1) : undefined),
        'the my-data file',
        30_000,
      );
      myDataRuns.push(performance.now() - t0);
      bytes = file.bytes?.length ?? 0;
    }
    myDataRuns.sort((a, b) => a - b);
    const myDataMedian = myDataRuns[1] ?? 0;

    // /pmo forget-me: command → modal → submit → the modal's answer (the erasure runs before it).
    const t0 = performance.now();
    await driver.command(person, '/pmo', 'forget-me', { id: 'CGENERAL', name: 'general' });
    const modal = await ctx.fake.waitFor(() => {
      const v = ctx.fake.openModalOf(PERSON);
      return v?.view.callback_id === 'privacy_forget_me' ? v : undefined;
    }, 'the forget-me modal');
    const t1 = performance.now();
    const answer = await driver.viewSubmission(person, modal, {});
    const t2 = performance.now();
    const left = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM requests WHERE requester_id = ${PERSON}`.execute(handle.db);
    const erased = answer.status === 200 && Number(left.rows[0]?.n) === 0;
    ctx.rows.push(
      {
        scenario: 'e. privacy',
        measure: `/pmo my-data, ${ANSWERS} requests + ${ANSWERS} answers, among ${REQUESTS} requests: command to file in the DM (median of 3)`,
        value: `${myDataMedian.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KB JSON)`,
        target: '< 2 s',
        met: myDataMedian < 2000,
      },
      {
        scenario: 'e. privacy',
        measure: `/pmo forget-me on ${REQUESTS} requests: command → modal → submit → answer`,
        value: `${(t2 - t0).toFixed(0)} ms (erasure and answer: ${(t2 - t1).toFixed(0)} ms)${erased ? '' : ' — NOT ERASED'}`,
        target: '< 2 s',
        met: t2 - t0 < 2000 && erased,
      },
    );
  } finally {
    await handle.close();
  }
}
