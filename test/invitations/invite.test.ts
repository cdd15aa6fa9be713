import {
  addMember,
  capPeople,
  composeInvitation,
  invitationDms,
  optInPeople,
  pausePeople,
  recipientRows,
  sendInvitation,
  summaryPosts,
} from '../support/people';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

describe('/pmo invite', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await addMember(t, 'UMEMBER');
  });
  afterEach(() => t.stop());

  it('is for PMO members only', async () => {
    const res = await t.slash('UOUTSIDER', 'invite');
    expect(res.body.text).toContain('is for PMO members');
    expect(t.fake.openModalOf('UOUTSIDER')).toBeUndefined();
  });

  it('previews the audience after consent, pauses and caps before anything is sent', async () => {
    await optInPeople(t, ['UA', 'UB', 'UC', 'UD', 'UE'], 'change-clinics');
    await optInPeople(t, ['UA'], 'mentoring'); // counted once
    await pausePeople(t, ['UB'], '2026-12-20');
    await capPeople(t, ['UC'], 'one_per_month');
    // UA and UC already received one invitation this month: UC's cap is reached, UA's is not.
    await optInPeople(t, ['UC'], 'mentoring');
    const first = await sendInvitation(t, LEAD, { topics: ['mentoring'] });
    await t.flush();
    expect((await recipientRows(t, first)).map((r) => [r.user_id, r.delivery])).toEqual([
      ['UA', 'delivered'],
      ['UC', 'delivered'],
    ]);

    const c = await composeInvitation(t, 'UMEMBER', { topics: ['change-clinics', 'mentoring'] });
    expect(c.res.body.response_action).toBe('update');
    expect(c.previewText).toContain('This will reach *3 people* (5 opted in; 1 paused; 1 at their cap).');
    expect(c.preview?.view.submit).toEqual(expect.objectContaining({ text: 'Send' }));
    expect(await t.db.selectFrom('invitations').select('id').execute()).toHaveLength(1);
    // Nothing was queued by the preview.
    expect(
      await t.db.selectFrom('outbox').select('id').where('kind', '=', 'invitation.dm').execute(),
    ).toHaveLength(2);
  });

  it('validates the form with field errors', async () => {
    const c = await composeInvitation(t, 'UMEMBER', {
      topics: [],
      date: '2026-11-01',
      mode: 'channel',
    });
    expect(c.res.body.response_action).toBe('errors');
    expect(Object.keys(c.res.body.errors as object).sort()).toEqual([
      'invite_channel',
      'invite_date',
      'invite_topics',
    ]);
  });

  it('sends one DM per opted-in person saying why, and a summary in the PMO channel; a double submit sends once', async () => {
    await optInPeople(t, ['UA', 'UB'], 'change-clinics');
    await optInPeople(t, ['UC'], 'mentoring'); // not opted in to this topic
    const c = await composeInvitation(t, 'UMEMBER', {
      topics: ['change-clinics'],
      seats: 10,
      date: '2026-12-08',
    });
    expect(c.previewText).toContain('This will reach *2 people* (2 opted in; 0 paused; 0 at their cap).');
    const sent = await c.confirm(2); // a double submit
    expect(sent.body.response_action).toBe('update');
    expect(c.finalText()).toContain('on its way to 2 people');
    await t.flush();

    expect(await t.db.selectFrom('invitations').select('id').execute()).toHaveLength(1);
    for (const u of ['UA', 'UB']) {
      const dms = invitationDms(t, u);
      expect(dms).toHaveLength(1);
      const body = JSON.stringify(dms[0]?.blocks);
      expect(body).toContain("You're getting this because you opted in to *Change management clinics*.");
      // What a notification shows.
      expect(dms[0]?.text).toBe(
        "Invitation: Change clinic: stakeholder maps — you're getting this because you opted in to Change management clinics.",
      );
      for (const label of ["I'm in", 'Not this time', 'Pause 4 weeks', 'Opt out of this topic'])
        expect(body).toContain(label);
      expect(body).toContain('Tue, 8 Dec 2026');
    }
    expect(invitationDms(t, 'UC')).toHaveLength(0);
    expect(t.fake.callsTo('conversations.open')).toHaveLength(0);
    const summary = summaryPosts(t);
    expect(summary).toHaveLength(1);
    expect(JSON.stringify(summary[0]?.blocks)).toContain('*Going:* 0 / 10 seats');
    const inv = await t.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    expect(inv.summary_ts).toBe(summary[0]?.ts);
    expect(inv.status).toBe('sent');
    expect((await recipientRows(t, inv.id)).map((r) => r.delivery)).toEqual(['delivered', 'delivered']);
  });

  it('escapes what the member typed', async () => {
    await optInPeople(t, ['UA'], 'mentoring');
    await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], message: 'Hi <!channel> & <@UBOSS>' });
    await t.flush();
    const body = JSON.stringify(invitationDms(t, 'UA')[0]?.blocks);
    expect(body).not.toContain('<!channel>');
    expect(body).toContain('&lt;!channel&gt; &amp; &lt;@UBOSS&gt;');
  });

  it('keeps the longest inputs within Block Kit limits after escaping', async () => {
    await optInPeople(t, ['UA'], 'training-workshops');
    await sendInvitation(t, 'UMEMBER', {
      topics: ['training-workshops'],
      title: '<&>'.repeat(50),
      message: '&'.repeat(2500),
      seats: 3,
      date: '2026-12-01',
      deadline: '2026-11-30',
    });
    await t.flush();
    const dm = invitationDms(t, 'UA')[0]!;
    await t.click('UA', 'rsvp_going', { message: dm });
    await t.fake.waitFor(() => JSON.stringify(dm.blocks).includes("You're in"));
    // The fake answers invalid_blocks (and t.stop() fails the test) for anything over a limit.
    expect(t.fake.violations).toEqual([]);
    expect(summaryPosts(t)).toHaveLength(1);
  });

  it('an open announcement posts once in the channel with "Opt me in", sends no DM, and opts in only who clicks', async () => {
    await optInPeople(t, ['UA'], 'communities-of-practice');
    const c = await composeInvitation(t, 'UMEMBER', {
      topics: ['communities-of-practice'],
      mode: 'channel',
      channel: 'CGENERAL',
    });
    expect(c.previewText).toContain('one open announcement');
    await c.confirm();
    await t.flush();
    expect(invitationDms(t, 'UA')).toHaveLength(0);
    const posts = t.fake.messagesIn('CGENERAL');
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(JSON.stringify(post.blocks)).toContain('Opt me in');

    // The answer is sent after the ack: wait for the first before clicking again, so the two
    // answers cannot arrive in either order.
    await t.click('UZED', 'invite_announce_optin', { message: post });
    await t.fake.waitFor(() => t.fake.ephemerals.some((e) => e.user === 'UZED'), 'the first answer');
    await t.click('UZED', 'invite_announce_optin', { message: post });
    await t.fake.waitFor(
      () => t.fake.ephemerals.filter((e) => e.user === 'UZED').length === 2,
      'two answers',
    );
    const answers = t.fake.ephemerals.filter((e) => e.user === 'UZED').map((e) => e.text);
    expect(answers[0]).toContain("You're opted in to Communities of practice");
    expect(answers[1]).toContain('You were already opted in to Communities of practice — nothing changed.');
    const events = await t.db
      .selectFrom('consent_events')
      .select(['source', 'action'])
      .where('user_id', '=', 'UZED')
      .execute();
    expect(events).toEqual([{ source: 'announcement_button', action: 'opt_in' }]);
    const summary = summaryPosts(t)[0]!;
    await t.fake.waitFor(() =>
      JSON.stringify(summary.blocks).includes('*Opted in from the announcement:* 1'),
    );
    expect(t.fake.messagesIn(PMO_CHANNEL)).toHaveLength(1);
    const inv = await t.db.selectFrom('invitations').select(['status', 'mode']).executeTakeFirstOrThrow();
    expect(inv).toEqual({ status: 'sent', mode: 'channel' });
  });

  it('tells the member when the announcement cannot be posted in the channel', async () => {
    t.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], mode: 'channel', channel: 'CPRIVATE' });
    await t.flush();
    await t.flush();
    expect(t.fake.messagesIn('CPRIVATE')).toHaveLength(0);
    const dm = t.fake.messagesIn('UMEMBER');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain('could not be posted in <#CPRIVATE> (not_in_channel)');
  });
});
