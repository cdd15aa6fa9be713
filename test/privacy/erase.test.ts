import { computeDigest } from '../../src/features/digest/service';
import { NOT_PERSONAL, PERSONAL_DATA } from '../../src/features/privacy/personal-data';
import { invitationDms, sendInvitation } from '../support/people';
import { nextModal, viewIds } from '../support/requests';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';
import {
  ALICE,
  aliceTyped,
  allTables,
  BOB,
  buildWorld,
  MEMBER,
  TOPIC,
  type World,
  whereFound,
} from './world';

/**
 * /pmo forget-me: after it, no row of any table holds Alice's id or a word she typed — checked
 * on EVERY text, varchar, jsonb and array column of EVERY table (information_schema), so a
 * column added later and forgotten in PERSONAL_DATA fails here.
 */
describe('forget me', () => {
  let t: TestApp;
  let world: World;
  let digestBefore: Awaited<ReturnType<typeof computeDigest>>;
  let marker: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
    t.clock.set('2026-11-25T10:00:00Z');
    digestBefore = await computeDigest(t.db, t.clock.now(), 'UTC');
  }, 60_000);
  afterAll(() => t.stop());

  it('every table is either in the personal-data list or declared as holding nobody', async () => {
    const listed = new Set([...PERSONAL_DATA.map((p) => p.table), ...NOT_PERSONAL]);
    expect((await allTables(t.db)).filter((table) => !listed.has(table))).toEqual([]);
  });

  it('before: her id and her words are in the database (so the walk below can see them)', async () => {
    expect(await whereFound(t.db, ALICE)).toEqual(
      expect.arrayContaining([
        'requests.requester_id',
        'checkins.user_id',
        'consents.user_id',
        'outbox.recipient_id',
      ]),
    );
    expect(await whereFound(t.db, aliceTyped.project)).toContain('outbox.payload');
    expect(await whereFound(t.db, aliceTyped.need)).toContain('requests.need');
    expect(await whereFound(t.db, aliceTyped.whatChanged)).toContain('checkins.what_changed');
  });

  it('asks for confirmation, saying what is erased and what stays', async () => {
    const seen = viewIds(t);
    await t.slash(ALICE, 'forget-me');
    const modal = await nextModal(t, ALICE, 'privacy_forget_me', seen);
    const text = JSON.stringify(modal.view.blocks);
    expect(text).toContain('cannot be undone');
    expect(text).toContain('Erased:');
    expect(text).toContain('Stays, anonymously:');
    // Cancelling (closing the modal) erases nothing.
    expect(await whereFound(t.db, aliceTyped.need)).toContain('requests.need');

    const res = await t.submit(ALICE, modal, {});
    expect(res.status).toBe(200);
    expect(res.body.response_action).toBe('update');
    expect(JSON.stringify(res.body.view)).toContain('Done');
  });

  it('no row of any table holds her id or any text she typed', async () => {
    for (const needle of [ALICE, ...Object.values(aliceTyped)]) {
      expect([needle, await whereFound(t.db, needle)]).toEqual([needle, []]);
    }
  });

  it('her id became one marker, the same in every table; others are untouched', async () => {
    const erasure = await t.db.selectFrom('erasures').selectAll().executeTakeFirstOrThrow();
    marker = erasure.marker;
    expect(marker).toMatch(/^ERASED-[0-9A-F]{12}$/);
    expect(erasure).toMatchObject({ user_id: marker, reason: 'self', status: 'done' });
    const requests = await t.db
      .selectFrom('requests')
      .select(['id', 'requester_id', 'need', 'status'])
      .where('id', 'in', [world.aliceRequestId, world.aliceDeliveredId, world.bobRequestId])
      .orderBy('id')
      .execute();
    expect(requests.map((r) => r.requester_id)).toEqual([marker, BOB, marker]);
    expect(requests.find((r) => r.id === world.bobRequestId)?.need).toBe('bob-need-lemur');
    const answers = await t.db
      .selectFrom('checkins')
      .select('user_id')
      .where('user_id', '=', marker)
      .execute();
    expect(answers).toHaveLength(1);
    expect(await whereFound(t.db, 'bob-comment-tapir')).toContain('checkins.what_changed');
    expect(
      await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'privacy.erase').execute(),
    ).toEqual([expect.objectContaining({ actor_id: marker, target_user_id: marker })]);
  });

  it('the digest’s figures do not change; only the count of people opted in now drops by her', async () => {
    const after = await computeDigest(t.db, t.clock.now(), 'UTC');
    expect(after.current).toEqual(digestBefore.current);
    expect(after.previous).toEqual(digestBefore.previous);
    expect(after.current.answers).toBe(4);
    expect(after.services).toEqual(digestBefore.services);
    expect(after.distribution).toEqual(digestBefore.distribution);
    expect([after.unclaimed, after.inProgress]).toEqual([digestBefore.unclaimed, digestBefore.inProgress]);
    // Her comments are gone (they were her words); the others' stay, still unattributed.
    expect(digestBefore.comments).toContain(aliceTyped.whatChanged);
    expect(after.comments).toEqual(digestBefore.comments.filter((c) => !c.startsWith('alice-')));
    const people = (d: typeof after) =>
      d.optedInByTopic.find((x) => x.topic === 'Change management clinics')?.people;
    expect(people(after)).toBe((people(digestBefore) ?? 0) - 1);
  });

  it('she is not invited again to the topic she had opted in to, and nothing is sent to her marker', async () => {
    const dmsBefore = invitationDms(t, ALICE).length;
    await sendInvitation(t, MEMBER, { topics: [TOPIC], title: 'Clinic two' });
    await t.flush();
    expect(invitationDms(t, ALICE)).toHaveLength(dmsBefore);
    expect(t.fake.messagesIn(marker)).toHaveLength(0);
    // Carol, still opted in, is invited.
    expect(
      invitationDms(t, 'UCAROL7').filter((m) => JSON.stringify(m.blocks).includes('Clinic two')),
    ).toHaveLength(1);
  });

  it('a message queued for her marker later (a member delivers her old request) is skipped, not sent', async () => {
    await t.db
      .insertInto('outbox')
      .values({
        kind: 'request.requester_dm',
        dedupe_key: 'late-dm-to-erased',
        channel: marker,
        payload: JSON.stringify({ text: 'Your request was delivered' }),
        recipient_id: marker,
      })
      .execute();
    await t.flush();
    const row = await t.db
      .selectFrom('outbox')
      .select(['status', 'skip_reason'])
      .where('dedupe_key', '=', 'late-dm-to-erased')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'skipped', skip_reason: 'erased' });
  });

  it('she can come back: opting in again works under her real id', async () => {
    const back = t.clock.now();
    await t.slash(ALICE, 'status');
    await t.settle();
    // Nothing of before comes back. Answering her in her language takes a fresh copy of her
    // Slack profile, as for anyone who uses the app; that copy is all there is.
    expect(await whereFound(t.db, ALICE)).toEqual(['people.slack_user_id']);
    const profile = await t.db
      .selectFrom('people')
      .select(['display_name', 'refreshed_at'])
      .where('slack_user_id', '=', ALICE)
      .executeTakeFirstOrThrow();
    expect(profile.refreshed_at!.getTime()).toBeGreaterThanOrEqual(back.getTime() - 1000);
  });
});

describe('a lead erases a person who left', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await buildWorld(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('is refused to anyone but a lead', async () => {
    const res = await t.slash(BOB, `erase <@${ALICE}|alice>`);
    expect(res.body.text).toContain('is for PMO leads');
  });

  it('asks for confirmation naming the person, then erases everything of theirs', async () => {
    const seen = viewIds(t);
    await t.slash(LEAD, `erase <@${ALICE}|alice>`);
    const modal = await nextModal(t, LEAD, 'privacy_erase', seen);
    expect(JSON.stringify(modal.view.blocks)).toContain(`<@${ALICE}>`);
    // A member who is not a lead submitting the same modal changes nothing.
    // (as a copy of the modal: the fake then shows the refusal in place of the copy, not the lead's)
    const forged = await t.submit(MEMBER, structuredClone(modal), {}, 'VFORGEDCOPY');
    expect(JSON.stringify(forged.body)).toContain('Only PMO leads');
    expect(await whereFound(t.db, aliceTyped.need)).toContain('requests.need');

    const done = await t.submit(LEAD, modal, {});
    expect(JSON.stringify(done.body)).toContain('Done');
    for (const needle of [ALICE, ...Object.values(aliceTyped)]) {
      expect([needle, await whereFound(t.db, needle)]).toEqual([needle, []]);
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'privacy.erase')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: LEAD })]);
    expect(audit[0]?.target_user_id).toMatch(/^ERASED-/);
  });
});

describe('a deactivated account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ERASE_DEACTIVATED_AFTER_DAYS: '30' } });
    await buildWorld(t);
  }, 60_000);
  afterAll(() => t.stop());

  const deactivate = (id: string, deleted: boolean) =>
    t.event({ type: 'user_change', user: { id, deleted, name: id.toLowerCase() } });

  it('is erased 30 days after Slack says so, by the daily job, not at once', async () => {
    await deactivate(ALICE, true);
    await deactivate(ALICE, true); // a second event keeps the first date
    await t.settle();
    const scheduled = await t.db.selectFrom('erasures').selectAll().execute();
    expect(scheduled).toEqual([
      expect.objectContaining({ user_id: ALICE, status: 'scheduled', reason: 'deactivated' }),
    ]);
    expect(scheduled[0]?.due_at.toISOString()).toBe('2026-12-24T11:00:00.000Z');

    t.clock.set('2026-12-20T11:00:00Z');
    await t.runJob('privacy');
    expect(await whereFound(t.db, aliceTyped.need)).toContain('requests.need');

    t.clock.set('2026-12-24T12:00:00Z');
    await t.runJob('privacy');
    for (const needle of [ALICE, ...Object.values(aliceTyped)]) {
      expect([needle, await whereFound(t.db, needle)]).toEqual([needle, []]);
    }
  });

  it('a person reactivated before the date is not erased', async () => {
    await deactivate(BOB, true);
    await t.settle();
    await deactivate(BOB, false);
    await t.settle();
    t.clock.set('2027-02-01T12:00:00Z');
    await t.runJob('privacy', new Date('2027-02-01T12:00:00Z'));
    expect(await whereFound(t.db, 'bob-need-lemur')).toContain('requests.need');
  });
});
