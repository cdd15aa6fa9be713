import {
  actionIds,
  clickOnHome,
  homeText,
  nextHome,
  openHome,
  seedCoaching,
  setNeededBy,
} from '../support/home';
import { FORM, validValues } from '../support/requests';
import { seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

/** A requester's Home: their requests, a pending check-in, topics, coaching, the catalogue. */
describe('Home for a requester', () => {
  let t: TestApp;
  let open: number;
  let delivered: number;
  let checkinRequest: number;

  beforeAll(async () => {
    t = await startTestApp();
    open = await seedRequest(t.db, {
      requester: 'UREQ1',
      service: 'change-management',
      project: 'CRM <rollout>',
      createdAt: '2026-11-20T10:00:00Z',
    });
    await setNeededBy(t, open, '2026-12-15');
    delivered = await seedRequest(t.db, {
      requester: 'UREQ1',
      owner: 'UMEMBER1',
      service: 'tools-templates',
      project: 'Risk register',
      createdAt: '2026-11-10T10:00:00Z',
      claimedAt: '2026-11-10T12:00:00Z',
      deliveredAt: '2026-11-23T10:00:00Z',
    });
    await seedRequest(t.db, {
      requester: 'UREQ1',
      service: 'tools-templates',
      project: 'Long gone',
      status: 'cancelled',
      createdAt: '2026-10-01T10:00:00Z',
    });
    // A delivery a week old gets a check-in from the job, as in production.
    checkinRequest = await seedRequest(t.db, {
      requester: 'UREQ1',
      owner: 'UMEMBER1',
      service: 'organisational-design',
      project: 'Checkout team',
      status: 'closed',
      createdAt: '2026-11-02T10:00:00Z',
      claimedAt: '2026-11-02T12:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
    await t.runJob('checkins');
    await seedCoaching(t, 'UREQ1', 'UMEMBER1');
  });
  afterAll(() => t.stop());

  it('shows open requests with status, owner, next step and needed-by, and the requester buttons', async () => {
    const home = await openHome(t, 'UREQ1');
    const text = homeText(home);
    expect(text).toContain(`PMO-${open}`);
    expect(text).toContain('CRM &lt;rollout&gt;');
    expect(text).toContain('needed by <!date^');
    expect(text).toContain('{date_short}|Dec 15, 2026>');
    expect(text).toContain('owner: nobody yet');
    expect(text).toContain('next: a PMO member picks it up');
    expect(text).toContain(`PMO-${delivered}`);
    expect(text).toContain('owner: <@UMEMBER1>');
    expect(text).not.toContain('Long gone');
    const ids = actionIds(home);
    expect(ids).toEqual(
      expect.arrayContaining([
        `status_edit:${open}`,
        `status_cancel:${open}`,
        `status_close:${delivered}`,
        `status_reopen:${delivered}`,
        'home_new_request',
      ]),
    );
    // Requesters see no team sections.
    expect(text).not.toContain('Triage queue');
    expect(text).not.toContain('Manage catalogue');
  });

  it('shows the pending check-in with the DM’s 1–5 buttons, topics, coaching and the catalogue', async () => {
    const home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    const text = homeText(home);
    expect(text).toContain('How much value did *Organisational design* bring to *Checkout team*?');
    expect(actionIds(home)).toEqual(expect.arrayContaining(['checkin_rate_1', 'checkin_rate_5']));
    expect(text).toContain('Team coaching');
    expect(actionIds(home)).toContain('home_pause');
    expect(text).toContain('Coached by <@UMEMBER1>');
    expect(actionIds(home)).toContain('coaching_end');
    expect(text).toContain('*Tools &amp; templates* — Ready-to-use tools, templates and checklists');
    expect(actionIds(home)).toContain('home_more:catalogue');
  });

  it('New request opens the same form as /pmo request; the request sent shows on Home', async () => {
    const home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    const hash = home.hash;
    await t.click('UREQ1', 'home_new_request', { view: home });
    const modal = await t.fake.waitFor(() => t.fake.openModalOf('UREQ1'), 'the request form');
    expect(modal.view.callback_id).toBe('request_modal');
    const res = await t.submit('UREQ1', modal, await validValues(t, { [FORM.project]: 'Sent from Home' }));
    expect(res.body.response_action).toBeUndefined();
    const after = await nextHome(t, 'UREQ1', hash, (x) => x.includes('Sent from Home'));
    expect(homeText(after)).toContain('next: a PMO member picks it up');
  });

  it('a check-in answered on Home is recorded by the DM’s listener, the DM loses its buttons, Home refreshes', async () => {
    const home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    const after = await clickOnHome(t, 'UREQ1', 'checkin_rate_5', (x) => x.includes('Thanks — recorded 5/5'));
    expect(actionIds(after)).not.toContain('checkin_rate_5');
    const row = await t.db
      .selectFrom('checkins')
      .selectAll()
      .where('request_id', '=', checkinRequest)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'answered', rating: 5 });
    const dm = t.fake.messagesIn('UREQ1').find((m) => m.text === 'Thanks — recorded 5/5');
    expect(dm).toBeDefined();
    // the optional details modal opens from Home as from the DM
    await t.fake.waitFor(
      () => t.fake.openModalOf('UREQ1')?.view.callback_id === 'checkin_details',
      'details',
    );
  });

  it('opting in and out of a topic on Home goes through consent (source home) and refreshes', async () => {
    const topic = await t.db
      .selectFrom('topics')
      .select('id')
      .where('slug', '=', 'mentoring')
      .executeTakeFirstOrThrow();
    let home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    home = await clickOnHome(t, 'UREQ1', `home_topic_in:${topic.id}`, (x) =>
      x.includes('You opted in to Mentoring'),
    );
    expect(actionIds(home)).toContain(`home_topic_out:${topic.id}`);
    home = await clickOnHome(t, 'UREQ1', `home_topic_out:${topic.id}`, (x) =>
      x.includes('You opted out of Mentoring'),
    );
    expect(actionIds(home)).toContain(`home_topic_in:${topic.id}`);
    const events = await t.db
      .selectFrom('consent_events')
      .select(['action', 'source'])
      .where('user_id', '=', 'UREQ1')
      .where('topic_id', '=', topic.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'opt_in', source: 'home' },
      { action: 'opt_out', source: 'home' },
    ]);
  });

  it('pause 4 weeks and resume are recorded with source home', async () => {
    let home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    home = await clickOnHome(
      t,
      'UREQ1',
      'home_pause',
      (x) => x.includes('Invitations are paused until *<!date^') && x.includes('|Dec 22, 2026>*'),
    );
    home = await clickOnHome(t, 'UREQ1', 'home_resume', (x) => x.includes('Invitations resumed.'));
    expect(actionIds(home)).toContain('home_pause');
    const events = await t.db
      .selectFrom('consent_events')
      .select(['action', 'source'])
      .where('user_id', '=', 'UREQ1')
      .where('topic_id', 'is', null)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'pause', source: 'home' },
      { action: 'unpause', source: 'home' },
    ]);
  });

  it('Cancel on Home cancels through the /pmo status listener and says so on Home', async () => {
    const home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    const after = await clickOnHome(t, 'UREQ1', `status_cancel:${open}`, (x) =>
      x.includes(`PMO-${open} is cancelled`),
    );
    expect(actionIds(after)).not.toContain(`status_cancel:${open}`);
    const row = await t.db
      .selectFrom('requests')
      .select('status')
      .where('id', '=', open)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });

  it('End coaching on Home ends it through the coaching listener', async () => {
    const home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    const after = await clickOnHome(t, 'UREQ1', 'coaching_end', (x) =>
      x.includes('coaching engagement has ended'),
    );
    expect(homeText(after)).toContain('No coaching right now');
    const e = await t.db
      .selectFrom('coaching_engagements')
      .select('status')
      .where('coachee_id', '=', 'UREQ1')
      .executeTakeFirstOrThrow();
    expect(e.status).toBe('ended');
  });

  it('Show more opens the whole catalogue in a modal', async () => {
    const home = t.fake.homeOf('UREQ1');
    if (!home) throw new Error('no Home');
    await t.click('UREQ1', 'home_more:catalogue', { view: home });
    const modal = await t.fake.waitFor(() => {
      const m = t.fake.openModalOf('UREQ1');
      return m?.view.callback_id === 'home_more_modal' ? m : undefined;
    }, 'the list modal');
    const text = homeText(modal);
    expect(text).toContain('Something else');
    expect(text).toContain('Specialised task');
  });
});
