import { ManualClock } from '../../src/clock';
import { openHome } from '../support/home';
import { addMember, optInPeople, sendInvitation } from '../support/people';
import { fileRequest } from '../support/requests';
import { seedRequest } from '../support/seed';
import { LEAD, startTestApp, type TestApp } from '../support/test-app';

/**
 * Away: set by anyone for themselves (and by leads for a member); while away nobody is
 * suggested, nudged or matched as a coach, and check-ins and invitations wait until they are
 * back — the first working day after, one a day — never dropped.
 */

const PARIS = 'Europe/Paris';
const MEMBER = 'UMEMA';
const OTHER = 'UMEMB';
const REQUESTER = 'UREQAWAY';
const ENV = { PMO_TIMEZONE: PARIS, PMO_HOLIDAYS: 'FR' };

const ephemeralText = (res: { body: Record<string, unknown> }) => String(res.body.text ?? '');
const checkinDms = (t: TestApp, user: string) =>
  t.fake.messagesIn(user).filter((m) => /How much value did/.test(m.text ?? ''));

describe('time away', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Tuesday 1 December 2026, 10:00 in Paris.
    t = await startTestApp({
      env: ENV,
      clock: new ManualClock('2026-12-01T09:00:00Z'),
      users: [
        { id: MEMBER, tz: PARIS },
        { id: OTHER, tz: PARIS },
        { id: REQUESTER, tz: PARIS },
        { id: 'UCOACHEE', tz: PARIS },
      ],
    });
    await addMember(t, MEMBER, ['change-management', 'executive-coaching']);
    await addMember(t, OTHER, ['change-management', 'executive-coaching']);
  });
  afterAll(() => t.stop());

  it('anyone sets their own; only leads set someone else’s; `away back` clears it', async () => {
    expect(ephemeralText(await t.slash(MEMBER, 'away until 2026-12-11'))).toMatch(
      /away from Tue,? 1 Dec 2026 until Fri,? 11 Dec 2026/,
    );
    expect(ephemeralText(await t.slash(MEMBER, 'away'))).toMatch(/until Fri,? 11 Dec 2026/);
    expect(ephemeralText(await t.slash(OTHER, `away <@${MEMBER}> back`))).toContain('Only PMO leads');
    expect(ephemeralText(await t.slash(MEMBER, 'away until 2026-11-01'))).toContain('passed');
    expect(ephemeralText(await t.slash(LEAD, `away <@${REQUESTER}> until 2026-12-04`))).toMatch(
      new RegExp(`<@${REQUESTER}> is away from Tue,? 1 Dec 2026 until Fri,? 4 Dec 2026`),
    );
    const rows = await t.db.selectFrom('away_periods').selectAll().orderBy('user_id').execute();
    expect(rows.map((r) => [r.user_id, r.first_day, r.last_day, r.set_by])).toEqual([
      [MEMBER, '2026-12-01', '2026-12-11', MEMBER],
      [REQUESTER, '2026-12-01', '2026-12-04', LEAD],
    ]);
  });

  it('Home offers Away… to anyone: a modal with the first and last day, and I’m back', async () => {
    const P = 'UHOMEAWAY';
    t.fake.addUser({ id: P, tz: PARIS });
    const home = await openHome(t, P);
    const seen = new Set(t.fake.views.keys());
    await t.click(P, 'calendar_away_open', { view: home });
    const modal = await t.fake.waitFor(() => {
      const v = t.fake.openModalOf(P);
      return v && v.view.callback_id === 'calendar_away_modal' && !seen.has(v.id) ? v : undefined;
    }, 'the away modal');
    const bad = await t.submit(P, modal, {
      calendar_away_first_day: '2026-12-10',
      calendar_away_last_day: '2026-12-09',
    });
    expect(bad.body).toMatchObject({ response_action: 'errors' });
    await t.submit(P, modal, { calendar_away_first_day: '2026-12-10', calendar_away_last_day: '2026-12-18' });
    const after = await t.fake.waitFor(() => {
      const h = t.fake.homeOf(P);
      return h && JSON.stringify(h.view.blocks).includes('You are away') ? h : undefined;
    }, 'Home showing the time away');
    expect(JSON.stringify(after.view.blocks)).toMatch(/Thu,? 10 Dec 2026 until Fri,? 18 Dec 2026/);
    await t.click(P, 'calendar_away_clear', { view: after });
    await t.settle();
    expect(await t.db.selectFrom('away_periods').selectAll().where('user_id', '=', P).execute()).toHaveLength(
      0,
    );
  });

  it('an away member is never suggested, nudged or matched as a coach', async () => {
    const { request, post } = await fileRequest(t, 'UREQ2', { request_needed_by: '2027-01-29' });
    const shown = JSON.stringify(post.blocks);
    expect(shown).toContain(OTHER);
    expect(shown).not.toContain(MEMBER);
    t.clock.set(request.nudge_at!);
    await t.runJob('nudges');
    t.clock.set(new Date(request.first_response_due!.getTime() + 60_000));
    await t.runJob('nudges');
    const nudged = (u: string) =>
      t.fake.messagesIn(u).filter((m) => (m.text ?? '').includes('first response'));
    expect(nudged(OTHER)).toHaveLength(1);
    expect(nudged(MEMBER)).toHaveLength(0);

    // Coaching: the away member has the skill and the least load, but is not asked.
    await t.slash('UCOACHEE', 'coaching');
    const modal = await t.fake.waitFor(() => t.fake.openModalOf('UCOACHEE'), 'the coaching modal');
    const exec = await t.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', 'executive-coaching')
      .executeTakeFirstOrThrow();
    await t.submit('UCOACHEE', modal, {
      coaching_focus: [String(exec.id)],
      coaching_goals: 'Lead the reorganisation',
      coaching_cadence: 'weekly',
    });
    await t.flush();
    const proposals = (u: string) =>
      t.fake.messagesIn(u).filter((m) => (m.text ?? '').includes('would like coaching'));
    expect(proposals(MEMBER)).toHaveLength(0);
    expect(proposals(OTHER)).toHaveLength(1);
  });

  it('check-ins wait until the first working day after return, one a day, never dropped', async () => {
    // Two deliveries whose check-ins fall due while the requester is away (1–4 December).
    for (const day of ['23', '24']) {
      await seedRequest(t.db, {
        requester: REQUESTER,
        owner: OTHER,
        service: 'change-management',
        createdAt: `2026-11-${day}T08:00:00Z`,
        claimedAt: `2026-11-${day}T09:00:00Z`,
        deliveredAt: `2026-11-${day}T10:00:00Z`,
      });
    }
    for (const at of ['2026-12-01T10:00:00Z', '2026-12-03T10:00:00Z', '2026-12-05T10:00:00Z']) {
      t.clock.set(at);
      await t.runJob('checkins');
    }
    expect(checkinDms(t, REQUESTER)).toHaveLength(0);
    const due = await t.db
      .selectFrom('checkins')
      .select(['due_at', 'status'])
      .where('user_id', '=', REQUESTER)
      .orderBy('due_at')
      .execute();
    // Back on Saturday 5: the first working day after is Monday 7, 09:00 in Paris; the next on Tuesday.
    expect(due.map((c) => [c.due_at.toISOString(), c.status])).toEqual([
      ['2026-12-07T08:00:00.000Z', 'scheduled'],
      ['2026-12-08T08:00:00.000Z', 'scheduled'],
    ]);
    t.clock.set('2026-12-07T08:15:00Z');
    await t.runJob('checkins');
    expect(checkinDms(t, REQUESTER)).toHaveLength(1);
    t.clock.set('2026-12-07T15:00:00Z');
    await t.runJob('checkins');
    expect(checkinDms(t, REQUESTER)).toHaveLength(1);
    t.clock.set('2026-12-08T08:15:00Z');
    await t.runJob('checkins');
    expect(checkinDms(t, REQUESTER)).toHaveLength(2);
  });

  it('invitations wait too, and come one a working day after return', async () => {
    const PERSON = 'UINVAWAY';
    t.fake.addUser({ id: PERSON, tz: PARIS });
    await optInPeople(t, [PERSON], 'change-clinics');
    t.clock.set('2026-12-09T09:00:00Z'); // Wednesday
    expect(ephemeralText(await t.slash(PERSON, 'away until 2026-12-11'))).toMatch(/until Fri,? 11 Dec 2026/);
    await sendInvitation(t, OTHER, { topics: ['change-clinics'], title: 'Clinic one' });
    await sendInvitation(t, OTHER, { topics: ['change-clinics'], title: 'Clinic two' });
    await t.flush();
    const invites = () => t.fake.messagesIn(PERSON).filter((m) => (m.text ?? '').startsWith('Invitation:'));
    expect(invites()).toHaveLength(0);
    const held = await t.db
      .selectFrom('invitation_recipients')
      .select(['delivery', 'deferred_until'])
      .where('user_id', '=', PERSON)
      .orderBy('deferred_until')
      .execute();
    expect(held.map((h) => [h.delivery, h.deferred_until?.toISOString()])).toEqual([
      ['queued', '2026-12-14T08:00:00.000Z'],
      ['queued', '2026-12-15T08:00:00.000Z'],
    ]);
    // Each waits in the outbox for its moment on the app's clock; no job has to release it.
    t.clock.set('2026-12-14T07:59:00Z');
    await t.flush();
    expect(invites()).toHaveLength(0);
    t.clock.set('2026-12-14T08:30:00Z');
    await t.flush();
    expect(invites()).toHaveLength(1);
    t.clock.set('2026-12-15T08:30:00Z');
    await t.flush();
    expect(invites()).toHaveLength(2);
  });
});
