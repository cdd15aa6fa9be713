import {
  addMember,
  invitationDms,
  optInPeople,
  recipientRows,
  sendInvitation,
  summaryPosts,
} from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

describe('RSVPs: seats, waitlist and promotion', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await addMember(t, 'UMEMBER');
  });
  afterEach(() => t.stop());

  const dmOf = (user: string) => invitationDms(t, user)[0]!;
  const text = (user: string) => JSON.stringify(dmOf(user).blocks);
  const rsvps = async (id: number) =>
    Object.fromEntries((await recipientRows(t, id)).map((r) => [r.user_id, r.rsvp]));

  it('fills the seats, then the waitlist; a seat freed promotes the first waitlisted, who is told', async () => {
    await optInPeople(t, ['UA', 'UB', 'UC', 'UD'], 'training-workshops');
    const id = await sendInvitation(t, 'UMEMBER', {
      topics: ['training-workshops'],
      seats: 2,
      title: 'Kanban workshop',
    });
    await t.flush();
    const summary = summaryPosts(t)[0]!;

    await t.click('UA', 'rsvp_going', { message: dmOf('UA') });
    await t.fake.waitFor(() => text('UA').includes("You're in"), 'UA going');
    // A double click changes nothing.
    await t.click(
      'UA',
      'rsvp_going',
      { message: dmOf('UA') },
      { blockId: 'invite_dm_actions', value: String(id) },
    );
    await t.click('UB', 'rsvp_going', { message: dmOf('UB') });
    await t.fake.waitFor(() => text('UB').includes("You're in"), 'UB going');
    await t.click('UC', 'rsvp_going', { message: dmOf('UC') });
    await t.fake.waitFor(() => text('UC').includes('waitlist'), 'UC waitlisted');
    expect(text('UC')).toContain('(#1)');
    await t.click('UD', 'rsvp_going', { message: dmOf('UD') });
    await t.fake.waitFor(() => text('UD').includes('(#2)'), 'UD second on the waitlist');
    expect(await rsvps(id)).toEqual({ UA: 'going', UB: 'going', UC: 'waitlist', UD: 'waitlist' });
    await t.fake.waitFor(() =>
      JSON.stringify(summary.blocks).includes('*Going:* 2 / 2 seats · *Waitlist:* 2'),
    );

    // Someone who was not invited cannot RSVP with the invitation's id.
    await t.click(
      'UNOPE',
      'rsvp_going',
      { message: dmOf('UA') },
      { blockId: 'invite_dm_actions', value: String(id) },
    );

    await t.click('UA', 'rsvp_decline', { message: dmOf('UA') });
    await t.fake.waitFor(() => text('UC').includes("You're in"), 'UC promoted');
    await t.flush();
    const promoted = t.fake.messagesIn('UC').filter((m) => (m.text ?? '').includes('a seat freed up'));
    expect(promoted).toHaveLength(1);
    expect(text('UA')).toContain('*Not this time*');
    expect(text('UA')).not.toContain('rsvp_');
    expect(await rsvps(id)).toEqual({ UA: 'declined', UB: 'going', UC: 'going', UD: 'waitlist' });
    await t.fake.waitFor(() =>
      JSON.stringify(summary.blocks).includes('*Going:* 2 / 2 seats · *Waitlist:* 1 · *Not this time:* 1'),
    );
    expect(
      await t.db
        .selectFrom('invitation_recipients')
        .select('user_id')
        .where('user_id', '=', 'UNOPE')
        .execute(),
    ).toEqual([]);

    // "Not this time" works once: a second click frees nothing and promotes nobody.
    await t.click(
      'UA',
      'rsvp_decline',
      { message: dmOf('UA') },
      { blockId: 'invite_dm_actions', value: String(id) },
    );
    await t.flush();
    expect(await rsvps(id)).toEqual({ UA: 'declined', UB: 'going', UC: 'going', UD: 'waitlist' });
    expect(t.fake.messagesIn('UD').filter((m) => (m.text ?? '').includes('a seat freed up'))).toHaveLength(0);
  });

  it('a waitlisted person leaving promotes nobody; after the RSVP deadline the buttons close', async () => {
    await optInPeople(t, ['UA', 'UB'], 'training-workshops');
    const id = await sendInvitation(t, 'UMEMBER', {
      topics: ['training-workshops'],
      seats: 1,
      date: '2026-12-10',
      deadline: '2026-11-26',
    });
    await t.flush();
    await t.click('UA', 'rsvp_going', { message: dmOf('UA') });
    await t.fake.waitFor(() => text('UA').includes("You're in"));
    await t.click('UB', 'rsvp_going', { message: dmOf('UB') });
    await t.fake.waitFor(() => text('UB').includes('waitlist'));
    await t.click('UB', 'rsvp_decline', { message: dmOf('UB') });
    await t.fake.waitFor(() => text('UB').includes('*Not this time*'));
    expect(await rsvps(id)).toEqual({ UA: 'going', UB: 'declined' });

    await optInPeople(t, ['UC'], 'mentoring');
    const late = await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], deadline: '2026-11-25' });
    await t.flush();
    t.clock.advance(2 * 24 * 3600 * 1000);
    await t.click('UC', 'rsvp_going', { message: dmOf('UC') });
    await t.fake.waitFor(() => text('UC').includes('RSVPs for this invitation are closed'));
    expect(await rsvps(late)).toEqual({ UC: null });
  });
});
