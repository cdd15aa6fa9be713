import type { FakeMessage } from '../support/fake-slack';
import { addMember } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

describe('/pmo coaching', () => {
  let t: TestApp;
  let execCoaching: number;
  beforeEach(async () => {
    t = await startTestApp();
    execCoaching = (
      await t.db
        .selectFrom('services')
        .select('id')
        .where('slug', '=', 'executive-coaching')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterEach(() => t.stop());

  const engagement = () => t.db.selectFrom('coaching_engagements').selectAll().executeTakeFirstOrThrow();
  const proposalTo = (coach: string) =>
    t.fake.messagesIn(coach).find((m) => (m.text ?? '').includes('would like coaching'));

  async function askForCoaching(user: string) {
    await t.slash(user, 'coaching');
    const modal = await t.fake.waitFor(() => t.fake.openModalOf(user), 'the coaching modal');
    const focus = (modal.view.blocks as { block_id?: string; element?: { options?: unknown[] } }[]).find(
      (b) => b.block_id === 'coaching_focus',
    );
    expect(focus?.element?.options).toHaveLength(10);
    const res = await t.submit(user, modal, {
      coaching_focus: [String(execCoaching)],
      coaching_goals: 'Lead the reorganisation without losing the team',
      coaching_cadence: 'weekly',
    });
    await t.flush();
    return res;
  }

  it('proposes the least-loaded skilled coach with capacity; a pass asks the next; accept introduces both', async () => {
    await addMember(t, 'UBUSY', ['executive-coaching'], 1);
    await addMember(t, 'UCOACHB', ['executive-coaching'], 3);
    await addMember(t, 'UCOACHA', ['executive-coaching'], 3);
    await addMember(t, 'UNOSKILL', ['change-management'], 9);
    // UBUSY owns an open request (capacity 1 used); UCOACHA coaches someone already.
    await t.db
      .insertInto('requests')
      .values({
        submission_key: 'k1',
        requester_id: 'UX',
        service_id: execCoaching,
        project: 'p',
        need: 'n',
        expected_value: 'v',
        impact: 'important',
        status: 'claimed',
        owner_id: 'UBUSY',
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .execute();
    await t.db
      .insertInto('coaching_engagements')
      .values({
        coachee_id: 'UOLD',
        coach_id: 'UCOACHA',
        goals: 'g',
        cadence: 'monthly',
        status: 'active',
        created_at: t.clock.now(),
      })
      .execute();

    const res = await askForCoaching('UCOACHEE');
    expect(JSON.stringify(res.body.view)).toContain('we have asked a coach');
    let e = await t.db
      .selectFrom('coaching_engagements')
      .selectAll()
      .where('coachee_id', '=', 'UCOACHEE')
      .executeTakeFirstOrThrow();
    expect(e.status).toBe('proposed');
    expect(e.proposed_to).toBe('UCOACHB');
    expect(e.cadence).toBe('weekly');
    const consent = await t.db
      .selectFrom('consent_events')
      .innerJoin('topics', 'topics.id', 'consent_events.topic_id')
      .select(['topics.slug', 'consent_events.source', 'consent_events.action'])
      .where('user_id', '=', 'UCOACHEE')
      .execute();
    expect(consent).toEqual([{ slug: 'executive-coaching', source: 'coaching', action: 'opt_in' }]);

    const toB = proposalTo('UCOACHB')!;
    expect(JSON.stringify(toB.blocks)).toContain('Lead the reorganisation');
    await t.click('UCOACHA', 'coaching_accept', { message: toB }); // not proposed to A: no effect
    await t.click('UCOACHB', 'coaching_pass', { message: toB });
    await t.fake.waitFor(() => (toB.text ?? '').includes('You passed'), 'B passed');
    await t.flush();
    e = await t.db
      .selectFrom('coaching_engagements')
      .selectAll()
      .where('coachee_id', '=', 'UCOACHEE')
      .executeTakeFirstOrThrow();
    expect(e.passed_by).toEqual(['UCOACHB']);
    expect(e.proposed_to).toBe('UCOACHA');
    expect(proposalTo('UBUSY')).toBeUndefined();
    expect(proposalTo('UNOSKILL')).toBeUndefined();

    const toA = proposalTo('UCOACHA')!;
    await t.click('UCOACHA', 'coaching_accept', { message: toA });
    await t.click(
      'UCOACHA',
      'coaching_accept',
      { message: toA },
      { blockId: 'coaching_proposal_actions', value: String(e.id) },
    );
    await t.fake.waitFor(() => (toA.text ?? '').includes('You accepted'), 'A accepted');
    await t.flush();
    e = await t.db
      .selectFrom('coaching_engagements')
      .selectAll()
      .where('coachee_id', '=', 'UCOACHEE')
      .executeTakeFirstOrThrow();
    expect(e.status).toBe('active');
    expect(e.coach_id).toBe('UCOACHA');
    const open = t.fake.callsTo('conversations.open').map((c) => String(c.args.users));
    expect(open).toEqual(['UCOACHA,UCOACHEE']);
    const intro = t.fake.messages.filter((m) => (m.text ?? '').includes('your coaching starts here'));
    expect(intro).toHaveLength(1);
    expect(intro[0]?.channel).toMatch(/^G/);
    expect(e.intro_channel).toBe(intro[0]?.channel);

    // Either side can end it; both are told.
    await t.click('UNOSKILL', 'coaching_end', { message: intro[0] as FakeMessage });
    await t.click('UCOACHEE', 'coaching_end', { message: intro[0] as FakeMessage });
    await t.fake.waitFor(() => (intro[0]?.text ?? '').includes('has ended'), 'the intro to show the end');
    await t.flush();
    e = await t.db
      .selectFrom('coaching_engagements')
      .selectAll()
      .where('coachee_id', '=', 'UCOACHEE')
      .executeTakeFirstOrThrow();
    expect([e.status, e.ended_by, e.end_reason]).toEqual(['ended', 'UCOACHEE', 'ended']);
    expect(
      t.fake.messagesIn('UCOACHA').some((m) => (m.text ?? '').includes('<@UCOACHEE> ended the coaching')),
    ).toBe(true);
    expect(t.fake.messagesIn('UCOACHEE').some((m) => (m.text ?? '').includes('You ended the coaching'))).toBe(
      true,
    );
    expect(t.fake.ephemerals.find((x) => x.user === 'UNOSKILL')?.text).toContain('Only the coach');
  });

  it('tells the coachee kindly when nobody with the skill has time', async () => {
    await addMember(t, 'UFULL', ['executive-coaching'], 0);
    const res = await askForCoaching('UCOACHEE');
    expect(JSON.stringify(res.body.view)).toContain('no coach with these skills has free time');
    expect((await engagement()).status).toBe('unmatched');
    const dm = t.fake.messagesIn('UCOACHEE');
    expect(dm).toHaveLength(1);
    expect(dm[0]?.text).toContain('Thank you for asking for coaching');
    expect(proposalTo('UFULL')).toBeUndefined();
  });

  it('opting out of coaching ends an active engagement politely, telling both', async () => {
    await addMember(t, 'UCOACH', ['executive-coaching']);
    await askForCoaching('UCOACHEE');
    const proposal = proposalTo('UCOACH')!;
    await t.click('UCOACH', 'coaching_accept', { message: proposal });
    await t.fake.waitFor(() => (proposal.text ?? '').includes('You accepted'));
    await t.flush();
    // A second request while one is open is answered, not duplicated.
    const again = await t.slash('UCOACHEE', 'coaching');
    expect(again.body.text).toContain('already being coached by <@UCOACH>');

    const res = await t.slash('UCOACHEE', 'optout executive coaching');
    expect(res.body.text).toContain('You opted out of Executive coaching.');
    expect(res.body.text).toContain('Your coaching engagement has ended; both of you were told.');
    await t.flush();
    const e = await engagement();
    expect([e.status, e.end_reason]).toEqual(['ended', 'opted_out']);
    expect(
      t.fake.messagesIn('UCOACH').some((m) => (m.text ?? '').includes('<@UCOACHEE> opted out of coaching')),
    ).toBe(true);
    expect(
      t.fake.messagesIn('UCOACHEE').some((m) => (m.text ?? '').includes('You opted out of coaching')),
    ).toBe(true);
  });
});
