import { ManualClock } from '../../src/clock';
import { optInPeople, sendInvitation } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Quiet after silence. Invitations: three delivered in a row with no click → one "Still
 * interested?" and none meanwhile, until they answer or eight weeks pass. Check-ins: after two
 * unanswered in a coaching engagement, it is not asked again.
 */

const MEMBER = 'UMEMSIL';
const DAY = 86_400_000;

const invitations = (t: TestApp, user: string) =>
  t.fake.messagesIn(user).filter((m) => (m.text ?? '').startsWith('Invitation:'));
const stillAsked = (t: TestApp, user: string) =>
  t.fake.messagesIn(user).filter((m) => m.text === 'Still interested in invitations from the PMO?');

describe('quiet after silence: invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock('2026-09-01T09:00:00Z') });
    await t.db.insertInto('members').values({ slack_user_id: MEMBER, added_by: 'ULEAD1' }).execute();
  });
  afterAll(() => t.stop());

  /** One invitation, then 16 days on (two a month is the default cap). */
  async function invite(title: string) {
    await sendInvitation(t, MEMBER, { topics: ['change-clinics'], title });
    await t.flush();
    t.clock.advance(16 * DAY);
  }

  it('three ignored → one "Still interested?", nothing meanwhile; "Keep them coming" resumes', async () => {
    const P = 'USILENT1';
    await optInPeople(t, [P], 'change-clinics');
    for (const n of [1, 2, 3]) await invite(`Clinic ${n}`);
    expect(invitations(t, P)).toHaveLength(3);
    expect(stillAsked(t, P)).toHaveLength(0);

    await invite('Clinic 4');
    await invite('Clinic 5');
    expect(invitations(t, P)).toHaveLength(3);
    const asked = stillAsked(t, P);
    expect(asked).toHaveLength(1);
    const skipped = await t.db
      .selectFrom('invitation_recipients')
      .select('skip_reason')
      .where('user_id', '=', P)
      .where('delivery', '=', 'skipped')
      .execute();
    expect(skipped.map((s) => s.skip_reason)).toEqual(['quiet_after_silence', 'quiet_after_silence']);

    await t.click(P, 'calendar_still_keep', { message: asked[0]! });
    await t.settle();
    expect(JSON.stringify(t.fake.messagesIn(P).find((m) => m.ts === asked[0]!.ts)?.blocks)).toContain(
      'invitations will keep coming',
    );
    await invite('Clinic 6');
    expect(invitations(t, P)).toHaveLength(4);
    // A second click (a stale screen, or a forged one) changes nothing.
    const [check] = await t.db.selectFrom('silence_checks').selectAll().where('user_id', '=', P).execute();
    expect(check).toMatchObject({ answer: 'keep' });
    await t.click(
      P,
      'calendar_still_optout',
      { message: asked[0]! },
      { blockId: 'calendar_still_actions', value: String(check!.id) },
    );
    await t.settle();
    expect(await t.db.selectFrom('silence_checks').selectAll().where('user_id', '=', P).execute()).toEqual([
      check,
    ]);
    expect(
      (await t.db.selectFrom('consents').select('opted_in').where('user_id', '=', P).execute())[0]?.opted_in,
    ).toBe(true);
  });

  it('"Pause 3 months" pauses; "Opt out" opts out of every topic; a click is counted', async () => {
    const [A, B, C] = ['USILENT2', 'USILENT3', 'UCLICKER'];
    await optInPeople(t, [A, B, C], 'change-clinics');
    for (const n of [7, 8, 9]) {
      await invite(`Clinic ${n}`);
      // C answers each one ("Not this time" is a click): never asked.
      const last = invitations(t, C).at(-1)!;
      await t.click(C, 'rsvp_decline', { message: last });
      await t.settle();
    }
    await invite('Clinic 10');
    expect(stillAsked(t, C)).toHaveLength(0);
    expect(invitations(t, C)).toHaveLength(4);
    const today = t.clock.now().toISOString().slice(0, 10);

    await t.click(A, 'calendar_still_pause', { message: stillAsked(t, A)[0]! });
    await t.click(B, 'calendar_still_optout', { message: stillAsked(t, B)[0]! });
    await t.settle();
    const prefs = await t.db
      .selectFrom('invitation_prefs')
      .selectAll()
      .where('user_id', '=', A)
      .executeTakeFirstOrThrow();
    expect(prefs.paused_until! > today).toBe(true);
    const months = (Date.parse(prefs.paused_until!) - Date.parse(today)) / DAY;
    expect(months).toBeGreaterThanOrEqual(89);
    expect(months).toBeLessThanOrEqual(92);
    const consents = await t.db.selectFrom('consents').selectAll().where('user_id', '=', B).execute();
    expect(consents.every((c) => !c.opted_in)).toBe(true);
  });

  it('after eight weeks without an answer, invitations resume', async () => {
    const P = 'USILENT4';
    await optInPeople(t, [P], 'change-clinics');
    for (const n of [11, 12, 13, 14]) await invite(`Clinic ${n}`);
    expect(invitations(t, P)).toHaveLength(3);
    expect(stillAsked(t, P)).toHaveLength(1);
    t.clock.advance(57 * DAY);
    await invite('Clinic 15');
    expect(invitations(t, P)).toHaveLength(4);
  });
});

describe('quiet after silence: coaching check-ins', () => {
  it('after two unanswered check-ins in an engagement, it is not asked again', async () => {
    const t = await startTestApp();
    try {
      const e = await t.db
        .insertInto('coaching_engagements')
        .values({
          coachee_id: 'UCOACHEE',
          coach_id: 'UCOACH',
          goals: 'Lead the reorg calmly',
          cadence: 'fortnightly',
          status: 'active',
          created_at: '2026-11-01T09:00:00Z',
          started_at: '2026-11-02T09:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const days = [
        '2026-11-16',
        '2026-11-19',
        '2026-11-22',
        '2026-11-30',
        '2026-12-03',
        '2026-12-06',
        '2026-12-14',
        '2026-12-28',
      ];
      for (const d of days) await t.runJob('checkins', new Date(`${d}T10:00:00Z`));
      const rows = await t.db
        .selectFrom('checkins')
        .select(['sequence', 'status'])
        .where('engagement_id', '=', e.id)
        .orderBy('sequence')
        .execute();
      expect(rows).toEqual([
        { sequence: 1, status: 'expired' },
        { sequence: 2, status: 'expired' },
      ]);
      // Two questions and their one reminder each; nothing after.
      expect(t.fake.messagesIn('UCOACHEE')).toHaveLength(4);
    } finally {
      await t.stop();
    }
  });
});
