import type { FakeMessage } from '../support/fake-slack';
import { seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

const at = (iso: string) => new Date(iso);

describe('answering a check-in', () => {
  let t: TestApp;
  let requestId: number;
  let question: FakeMessage;
  let stale: FakeMessage;

  beforeAll(async () => {
    t = await startTestApp();
    requestId = await seedRequest(t.db, {
      requester: 'UREQ1',
      owner: 'UMEMBER1',
      service: 'organisational-design',
      project: 'Checkout team',
      createdAt: '2026-11-02T10:00:00Z',
      claimedAt: '2026-11-02T12:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
    t.clock.set('2026-11-24T10:00:00Z');
    await t.runJob('checkins');
    const dms = t.fake.messagesIn('UREQ1');
    expect(dms).toHaveLength(1);
    question = dms[0] as FakeMessage;
    // what a second device still shows after the first click
    stale = { ...question, blocks: structuredClone(question.blocks) };
  });
  afterAll(() => t.stop());

  const checkin = () =>
    t.db
      .selectFrom('checkins')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('kind', '=', 'delivery')
      .executeTakeFirstOrThrow();

  it('someone else clicking changes nothing', async () => {
    await t.click('UOTHER', 'checkin_rate_1', { message: stale });
    await t.fake.waitFor(() => t.fake.responses.length > 0, 'ephemeral reply');
    expect(t.fake.responses.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: 'This check-in is not for you.',
    });
    expect((await checkin()).status).toBe('sent');
  });

  it('a click records the rating, thanks in place and offers the optional modal', async () => {
    t.clock.set('2026-11-24T11:00:00Z');
    const res = await t.click('UREQ1', 'checkin_rate_4', { message: question });
    expect(res.status).toBe(200);
    await t.fake.waitFor(() => question.updates > 0, 'the DM updated');
    expect(question.text).toBe('Thanks — recorded 4/5');
    expect(JSON.stringify(question.blocks)).not.toContain('checkin_rate_');
    const row = await checkin();
    expect(row).toMatchObject({ status: 'answered', rating: 4 });
    expect(row.answered_at?.toISOString()).toBe('2026-11-24T11:00:00.000Z');

    const modal = t.fake.openModalOf('UREQ1');
    expect(modal?.view.callback_id).toBe('checkin_details');
    expect(JSON.stringify(modal?.view.blocks)).toContain('Ask me again in 60 days: did it change anything?');
  });

  it('tells the member who delivered the rating', async () => {
    await t.flush();
    const told = t.fake.messagesIn('UMEMBER1');
    expect(told.map((m) => m.text)).toEqual([
      `Your delivery of Organisational design for Checkout team (PMO-${requestId}) was rated 4/5 by the person you helped.`,
    ]);
  });

  it('stores the optional comments and the follow-up agreement', async () => {
    const modal = t.fake.openModalOf('UREQ1');
    if (!modal) throw new Error('no modal');
    const res = await t.submit('UREQ1', modal, {
      checkin_what_changed: 'We finally know who decides',
      checkin_could_be_better: 'Earlier kick-off',
      checkin_followup: ['yes'],
    });
    expect(res.status).toBe(200);
    // The answer is stored after the ack: wait for the app to finish it, not for a time.
    await t.settle();
    expect(await checkin()).toMatchObject({
      what_changed: 'We finally know who decides',
      could_be_better: 'Earlier kick-off',
      followup_agreed: true,
      rating: 4,
    });
  });

  it('a second click (from a stale message) is answered "already recorded" and changes nothing', async () => {
    const before = t.fake.responses.length;
    await t.click('UREQ1', 'checkin_rate_1', { message: stale });
    await t.fake.waitFor(() => t.fake.responses.length > before, 'ephemeral reply');
    expect(t.fake.responses.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: 'You already answered this check-in (recorded 4/5). Thanks — nothing changed.',
    });
    expect((await checkin()).rating).toBe(4);
    await t.flush();
    expect(t.fake.messagesIn('UMEMBER1')).toHaveLength(1);
  });

  it('is never asked again: no reminder for an answered check-in', async () => {
    await t.runJob('checkins', at('2026-11-27T11:00:00Z'));
    await t.runJob('checkins', at('2026-12-01T11:00:00Z'));
    expect(t.fake.messagesIn('UREQ1')).toHaveLength(1);
  });

  it('asks "Did it change anything?" FOLLOWUP_AFTER_DAYS later and stores outcome tags', async () => {
    await t.runJob('checkins', at('2027-01-22T11:00:00Z')); // 59 days: not yet
    expect(t.fake.messagesIn('UREQ1')).toHaveLength(1);
    await t.runJob('checkins', at('2027-01-25T11:00:00Z')); // Monday, 62 days later
    const dms = t.fake.messagesIn('UREQ1');
    expect(dms).toHaveLength(2);
    const followup = dms[1] as FakeMessage;
    expect(followup.text).toBe(
      `Did it change anything? Some time ago Organisational design helped Checkout team (PMO-${requestId}).`,
    );
    const staleFollowup = { ...followup, blocks: structuredClone(followup.blocks) };
    await t.click('UREQ1', 'checkin_followup_open', { message: followup });
    const modal = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf('UREQ1');
      return m?.view.callback_id === 'checkin_followup_answer' ? m : undefined;
    }, 'follow-up modal');

    const empty = await t.submit('UREQ1', modal, {});
    expect(empty.body).toEqual({
      response_action: 'errors',
      errors: { checkin_realised: 'Pick one: yes, partly, not yet or no.' },
    });

    t.clock.set('2027-01-25T12:00:00Z');
    await t.submit('UREQ1', modal, {
      checkin_realised: 'partly',
      checkin_outcome: ['saved_time', 'team_aligned'],
      checkin_outcome_note: 'Fewer escalations',
    });
    await t.fake.waitFor(() => followup.updates > 0, 'follow-up DM updated');
    expect(followup.text).toBe('Thanks — noted: did it happen? partly, Saved time, The team is more aligned');
    const row = await t.db
      .selectFrom('checkins')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('kind', '=', 'followup')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'answered',
      realised: 'partly',
      outcome_tags: ['saved_time', 'team_aligned'],
      what_changed: 'Fewer escalations',
      rating: null,
    });

    const before = t.fake.responses.length;
    await t.click('UREQ1', 'checkin_followup_open', { message: staleFollowup });
    await t.fake.waitFor(() => t.fake.responses.length > before, 'ephemeral reply');
    expect(t.fake.responses.at(-1)?.body).toMatchObject({
      text: 'You already answered this follow-up. Thanks — nothing changed.',
    });
    await t.runJob('checkins', at('2027-02-01T11:00:00Z'));
    expect(t.fake.messagesIn('UREQ1')).toHaveLength(2);
  });
});

describe('a check-in answered from its reminder', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('updates both DMs, and a closed (expired) check-in cannot be answered', async () => {
    await seedRequest(t.db, {
      requester: 'UREQ2',
      service: 'tools-templates',
      createdAt: '2026-11-02T10:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
    const expiring = await seedRequest(t.db, {
      requester: 'UREQ3',
      service: 'tools-templates',
      createdAt: '2026-11-02T10:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
    await t.runJob('checkins', at('2026-11-24T10:00:00Z'));
    await t.runJob('checkins', at('2026-11-27T10:00:00Z'));
    const [first, reminder] = t.fake.messagesIn('UREQ2') as [FakeMessage, FakeMessage];
    expect(reminder.text).toMatch(/^A gentle reminder/);
    // the modal cannot open (the trigger expired): the rating still counts and the DMs still update
    t.fake.failNext('views.open', { error: 'expired_trigger_id' });
    await t.click('UREQ2', 'checkin_rate_5', { message: reminder });
    await t.fake.waitFor(() => first.updates > 0 && reminder.updates > 0, 'both DMs updated');
    expect([first.text, reminder.text]).toEqual(['Thanks — recorded 5/5', 'Thanks — recorded 5/5']);

    await t.runJob('checkins', at('2026-11-30T10:00:00Z'));
    const row = await t.db
      .selectFrom('checkins')
      .select('status')
      .where('request_id', '=', expiring)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
    const [ask] = t.fake.messagesIn('UREQ3') as [FakeMessage];
    await t.click('UREQ3', 'checkin_rate_3', { message: ask });
    await t.fake.waitFor(() => t.fake.responses.length > 0, 'ephemeral reply');
    expect(t.fake.responses.at(-1)?.body).toMatchObject({
      text: 'This check-in has closed. Thanks all the same.',
    });
    expect(
      (
        await t.db
          .selectFrom('checkins')
          .select('rating')
          .where('request_id', '=', expiring)
          .executeTakeFirstOrThrow()
      ).rating,
    ).toBeNull();
  });
});
