import { sql } from 'kysely';
import type { Database } from '../../src/db/client';
import type { FakeMessage } from '../support/fake-slack';
import { addMember, invitationDms, optInPeople, sendInvitation } from '../support/people';
import { fileRequest } from '../support/requests';
import { seedRequest } from '../support/seed';
import type { TestApp } from '../support/test-app';

/**
 * A small world for the privacy tests, built the way people build it: requests filed through
 * the form, check-ins answered by click and modal, an opt-in, an invitation and its RSVP, a
 * coaching engagement, a Home tab opened. Everything Alice types carries a token of her own,
 * so "no row holds her text" can be checked by looking for the tokens.
 */

export const ALICE = 'UALICE7';
export const BOB = 'UBOB7';
export const CAROL = 'UCAROL7';
export const DAN = 'UDAN7';
export const MEMBER = 'UMEMBERX7';
export const TOPIC = 'change-clinics';

export const aliceTyped = {
  project: 'Zanzibar-alice-project',
  need: 'alice-need-quokka',
  value: 'alice-value-narwhal',
  link: 'https://alice.example.com/axolotl',
  whatChanged: 'alice-comment-pangolin',
  couldBeBetter: 'alice-better-okapi',
  coachingGoals: 'alice-goals-capybara',
};

export interface World {
  aliceRequestId: number;
  aliceDeliveredId: number;
  bobRequestId: number;
  invitationId: number;
}

async function answerCheckin(t: TestApp, user: string, rating: number, what: string, better: string) {
  const question = t.fake
    .messagesIn(user)
    .find((m) => JSON.stringify(m.blocks ?? []).includes('checkin_rate_'));
  if (!question) throw new Error(`no check-in question for ${user}`);
  await t.click(user, `checkin_rate_${rating}`, { message: question as FakeMessage });
  await t.settle();
  const modal = await t.fake.waitFor(() => {
    const m = t.fake.openModalOf(user);
    return m?.view.callback_id === 'checkin_details' ? m : undefined;
  }, 'the check-in details modal');
  await t.submit(user, modal, {
    checkin_what_changed: what,
    checkin_could_be_better: better,
    checkin_followup: [],
  });
}

export async function buildWorld(t: TestApp): Promise<World> {
  await addMember(t, MEMBER, ['change-management']);
  // Alice files a request through the form, typing her own words.
  const { request } = await fileRequest(t, ALICE, {
    request_project: aliceTyped.project,
    request_need: aliceTyped.need,
    request_value: aliceTyped.value,
    request_link: aliceTyped.link,
  });
  const bob = await fileRequest(t, BOB, {
    request_project: 'bob-project-walrus',
    request_need: 'bob-need-lemur',
  });
  // Delivered requests for Alice, Bob, Carol and Dan: a week later, their check-ins.
  const delivered: Record<string, number> = {};
  for (const who of [ALICE, BOB, CAROL, DAN]) {
    delivered[who] = await seedRequest(t.db, {
      requester: who,
      owner: MEMBER,
      service: 'change-management',
      project: who === ALICE ? aliceTyped.project : `${who}-project`,
      createdAt: '2026-11-02T10:00:00Z',
      claimedAt: '2026-11-02T12:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
  }
  await t.runJob('checkins');
  t.clock.set('2026-11-24T11:00:00Z');
  await answerCheckin(t, ALICE, 4, aliceTyped.whatChanged, aliceTyped.couldBeBetter);
  await answerCheckin(t, BOB, 5, 'bob-comment-tapir', 'bob-better-ibis');
  await answerCheckin(t, CAROL, 3, 'carol-comment-yak', 'carol-better-gnu');
  await answerCheckin(t, DAN, 2, 'dan-comment-emu', 'dan-better-kiwi');
  await t.flush();

  // Alice opts in to a topic, is invited and says she is going.
  await optInPeople(t, [ALICE, CAROL], TOPIC);
  const invitationId = await sendInvitation(t, MEMBER, { topics: [TOPIC], title: 'Clinic one' });
  await t.flush();
  const [dm] = invitationDms(t, ALICE);
  if (!dm) throw new Error('Alice was not invited');
  await t.click(ALICE, 'rsvp_going', { message: dm });
  await t.settle();

  // Coaching with the member, and Alice's Home tab.
  await t.db
    .insertInto('coaching_engagements')
    .values({
      coachee_id: ALICE,
      coach_id: MEMBER,
      goals: aliceTyped.coachingGoals,
      cadence: 'every two weeks',
      status: 'active',
      created_at: '2026-11-20T10:00:00Z',
      started_at: '2026-11-20T10:00:00Z',
    })
    .execute();
  await t.event({ type: 'app_home_opened', user: ALICE, tab: 'home', channel: `D${ALICE}` });
  await t.settle();
  await t.flush();
  return {
    aliceRequestId: request.id,
    aliceDeliveredId: delivered[ALICE]!,
    bobRequestId: bob.request.id,
    invitationId,
  };
}

/** Every text, varchar, jsonb and array column of every table of the app's schema. */
export async function textColumns(db: Database): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
    ORDER BY 1, 2`.execute(db);
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }));
}

/** Where `needle` occurs in any text column of any table: "table.column" for each hit. */
export async function whereFound(db: Database, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, column } of await textColumns(db)) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE strpos(${sql.ref(column)}::text, ${needle}) > 0`.execute(
      db,
    );
    if (Number(rows[0]?.n) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

export async function allTables(db: Database): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db);
  return rows.map((r) => r.table_name);
}
