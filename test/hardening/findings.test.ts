import type { FakeMessage } from '../support/fake-slack';
import { FORM, fileRequest, openRequestForm, validValues } from '../support/requests';
import { seedMember, seedRequest, serviceId as serviceIdOf, topicId } from '../support/seed';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';
import { dmDraft } from './world';

/**
 * Each attack of the hostile review, replayed through signed HTTP the
 * way a workspace member with a forged payload would send it. Each of these failed before the fix.
 */

/** Every request sent so far handled, the work after its ack included. */
const later = (t: TestApp) => t.settle();

/** Somebody else's message the forged clicks aim at. */
function victimMessage(t: TestApp, channel = PMO_CHANNEL): FakeMessage {
  return t.fake.postAs('UVICTIM', channel, 'The victim’s own words');
}

const untouched = (m: FakeMessage) => ({ text: m.text, updates: m.updates });

describe('forged clicks aimed at other people’s messages', () => {
  let t: TestApp;
  let now: Date;
  beforeAll(async () => {
    t = await startTestApp();
    now = t.clock.now();
  });
  afterAll(() => t.stop());

  it('finding 3: coaching Accept/Pass by someone it was not proposed to updates nothing and reveals nothing', async () => {
    await seedMember(t.db, 'UCOACH', ['change-management']);
    const { id } = await t.db
      .insertInto('coaching_engagements')
      .values({
        coachee_id: 'UCOACHEE',
        focus_service_ids: [await serviceIdOf(t.db, 'change-management')],
        goals: 'Private goals of the coachee',
        cadence: 'weekly',
        status: 'proposed',
        proposed_to: 'UCOACH',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const victim = victimMessage(t);
    const ownDm = victimMessage(t, 'DUATTACKER');
    for (const [actionId, target] of [
      ['coaching_accept', victim],
      ['coaching_pass', victim],
      ['coaching_accept', ownDm],
    ] as const) {
      await t.click('UATTACKER', actionId, { message: target }, { value: String(id), blockId: 'forged' });
    }
    await later(t);
    expect(untouched(victim)).toEqual({ text: 'The victim’s own words', updates: 0 });
    expect(untouched(ownDm)).toEqual({ text: 'The victim’s own words', updates: 0 });
    expect(JSON.stringify(t.fake.calls)).not.toContain('Private goals of the coachee');
    const e = await t.db
      .selectFrom('coaching_engagements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([e.status, e.proposed_to, e.passed_by]).toEqual(['proposed', 'UCOACH', []]);
  });

  it('finding 4: an RSVP, a pause and a check-in rating update only the DM the app sent the clicker', async () => {
    const topic = await topicId(t.db, 'executive-coaching');
    const { id: inv } = await t.db
      .insertInto('invitations')
      .values({
        submission_key: 'f4',
        created_by: 'UM',
        title: 'Clinic',
        message: 'Come',
        mode: 'dm',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('invitation_topics').values({ invitation_id: inv, topic_id: topic }).execute();
    const dm = t.fake.postAs('UPMOBOT', 'DURSVP', 'Invitation: Clinic');
    await t.db
      .insertInto('invitation_recipients')
      .values({
        invitation_id: inv,
        user_id: 'URSVP',
        topic_id: topic,
        delivery: 'delivered',
        delivered_at: now,
        message_channel: dm.channel,
        message_ts: dm.ts,
      })
      .execute();
    await t.db
      .insertInto('consents')
      .values({ user_id: 'URSVP', topic_id: topic, opted_in: true, updated_at: now })
      .execute();
    const victim = victimMessage(t);
    await t.click('URSVP', 'rsvp_going', { message: victim }, { value: String(inv), blockId: 'forged' });
    await t.click('URSVP', 'invite_pause', { message: victim }, { value: String(inv), blockId: 'forged' });
    await later(t);
    expect(untouched(victim)).toEqual({ text: 'The victim’s own words', updates: 0 });
    // The RSVP itself stands, and the person's own DM shows it.
    const me = await t.db
      .selectFrom('invitation_recipients')
      .select('rsvp')
      .where('user_id', '=', 'URSVP')
      .executeTakeFirstOrThrow();
    expect(me.rsvp).toBe('going');
    expect(dm.updates).toBeGreaterThan(0);

    const requestId = await seedRequest(t.db, {
      requester: 'URATER',
      service: 'change-management',
      createdAt: now.toISOString(),
      deliveredAt: now.toISOString(),
    });
    const ask = t.fake.postAs('UPMOBOT', 'DURATER', 'How much value?');
    const { id: checkin } = await t.db
      .insertInto('checkins')
      .values({
        kind: 'delivery',
        request_id: requestId,
        user_id: 'URATER',
        due_at: now,
        status: 'sent',
        sent_at: now,
        message_channel: ask.channel,
        message_ts: ask.ts,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.click(
      'URATER',
      'checkin_rate_4',
      { message: victim },
      { value: `${checkin}:4`, blockId: 'forged' },
    );
    await later(t);
    expect(untouched(victim)).toEqual({ text: 'The victim’s own words', updates: 0 });
    expect(ask.updates).toBeGreaterThan(0);
  });

  it('finding 4: the follow-up modal’s private_metadata cannot point the thanks at another message', async () => {
    const victim = victimMessage(t);
    const requestId = await seedRequest(t.db, {
      requester: 'UFOLLOW',
      service: 'change-management',
      createdAt: now.toISOString(),
      deliveredAt: now.toISOString(),
    });
    const { id: checkin } = await t.db
      .insertInto('checkins')
      .values({
        kind: 'followup',
        request_id: requestId,
        user_id: 'UFOLLOW',
        due_at: now,
        status: 'sent',
        sent_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = {
      id: 'VFOLLOW',
      user: 'UFOLLOW',
      hash: 'h',
      kind: 'modal' as const,
      stack: [],
      view: {
        type: 'modal',
        callback_id: 'checkin_followup_answer',
        private_metadata: JSON.stringify({ c: checkin, ch: victim.channel, ts: victim.ts }),
        blocks: [
          {
            type: 'input',
            block_id: 'checkin_realised',
            element: { type: 'radio_buttons', action_id: 'checkin_realised_input', options: [] },
          },
          {
            type: 'input',
            block_id: 'checkin_outcome',
            element: { type: 'checkboxes', action_id: 'checkin_outcome_input', options: [] },
          },
        ],
      },
    };
    await t.submit('UFOLLOW', view, { checkin_realised: 'yes', checkin_outcome: ['saved_time'] });
    await later(t);
    expect(untouched(victim)).toEqual({ text: 'The victim’s own words', updates: 0 });
  });
});

describe('bad input gets an answer, never a crash (findings 5 and 8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it.each([
    ['a date that does not exist', { [FORM.neededBy]: '2027-02-29' }, FORM.neededBy],
    ['a far-future date', { [FORM.neededBy]: '9999-12-31' }, FORM.neededBy],
    ['a project of zero-width spaces only', { [FORM.project]: '\u200b\u200b\u200b' }, FORM.project],
    ['a need of 100,000 characters', { [FORM.need]: 'x'.repeat(100_000) }, FORM.need],
    ['a service id beyond int4', { [FORM.service]: '99999999999' }, FORM.service],
  ])(
    'the request form answers %s with a field error in its ack, storing nothing',
    async (_what, values, block) => {
      const view = await openRequestForm(t, 'UBAD');
      const res = await t.submit('UBAD', view, await validValues(t, values));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ response_action: 'errors', errors: { [block]: expect.any(String) } });
      expect(
        await t.db.selectFrom('requests').select('id').where('requester_id', '=', 'UBAD').execute(),
      ).toEqual([]);
    },
  );

  it('strips a NUL byte and other control characters from what is stored', async () => {
    const { request } = await fileRequest(t, 'UNUL', { [FORM.need]: 'Help\u0000 with\u0007 this' });
    expect(request.need).toBe('Help with this');
  });

  it('a button value beyond int4 gets a clear answer, not an error after the ack', async () => {
    const before = t.fake.ephemeralsFor('UREQ9').length;
    const msg = t.fake.postAs('UPMOBOT', 'DUREQ9', 'x');
    const res = await t.click(
      'UREQ9',
      'request_cancel',
      { message: msg },
      { value: '99999999999', blockId: 'b' },
    );
    expect(res.status).toBe(200);
    await t.fake.waitFor(() => t.fake.ephemeralsFor('UREQ9').length > before || undefined, 'an answer');
    expect(t.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});

describe('who may do what (finding 8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, 'UM1', ['change-management']);
    await seedMember(t.db, 'UM2', ['change-management']);
  });
  afterAll(() => t.stop());

  it('a member cannot decline a request another member claimed', async () => {
    const { request, post } = await fileRequest(t, 'UREQ1');
    await t.click('UM1', 'triage_claim', { message: post });
    await later(t);
    const view = {
      id: 'VDECLINE',
      user: 'UM2',
      hash: 'h',
      kind: 'modal' as const,
      stack: [],
      view: {
        type: 'modal',
        callback_id: 'triage_decline_modal',
        private_metadata: JSON.stringify({ requestId: request.id }),
        blocks: [
          {
            type: 'input',
            block_id: 'triage_reason',
            element: { type: 'plain_text_input', action_id: 'triage_reason' },
          },
        ],
      },
    };
    const res = await t.submit('UM2', view, { triage_reason: 'Not for us' });
    expect(res.body.response_action).toBe('errors');
    const r = await t.db
      .selectFrom('requests')
      .select(['status', 'owner_id'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(r).toEqual({ status: 'claimed', owner_id: 'UM1' });
  });

  it('the edit modal tells someone else nothing about a request', async () => {
    const { request } = await fileRequest(t, 'UREQ2');
    await t.db
      .updateTable('requests')
      .set({ status: 'claimed', owner_id: 'UM1' })
      .where('id', '=', request.id)
      .execute();
    const view = {
      id: 'VEDIT',
      user: 'UNOSY',
      hash: 'h',
      kind: 'modal' as const,
      stack: [],
      view: {
        type: 'modal',
        callback_id: 'request_edit_modal',
        private_metadata: JSON.stringify({ requestId: request.id }),
        blocks: [
          ['request_need', 'plain_text_input'],
          ['request_value', 'plain_text_input'],
          ['request_needed_by', 'datepicker'],
        ].map(([b, type]) => ({ type: 'input', block_id: b, element: { type, action_id: b } })),
      },
    };
    const res = await t.submit('UNOSY', view, {
      request_need: 'x',
      request_value: 'y',
      request_needed_by: '2026-12-20',
    });
    expect(res.body.response_action).toBe('errors');
    expect(JSON.stringify(res.body)).not.toMatch(/UM1|claimed/i);
  });

  it('a non-lead clicking Restore in a lead’s catalogue modal is told so, privately', async () => {
    const { id } = await t.db.selectFrom('services').select('id').executeTakeFirstOrThrow();
    const before = t.fake.callsTo('views.push').length;
    await t.click(
      'UM2',
      'catalog_restore:1',
      {
        view: {
          id: 'VCAT',
          user: 'UM2',
          hash: 'h',
          kind: 'modal',
          stack: [],
          view: { type: 'modal', blocks: [] },
        },
      },
      { value: String(id), blockId: 'catalog_list' },
    );
    await t.fake.waitFor(
      () => t.fake.callsTo('views.push').length > before || undefined,
      'a note over the modal',
    );
    expect(JSON.stringify(t.fake.callsTo('views.push').at(-1)?.args)).toContain('Only PMO leads');
    expect(t.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  it('a confirmed invitation draft confirmed again from another view sends nothing twice', async () => {
    const topic = await topicId(t.db, 'executive-coaching');
    await t.db
      .insertInto('consents')
      .values({ user_id: 'UINV1', topic_id: topic, opted_in: true, updated_at: t.clock.now() })
      .execute();
    const { id: draftId } = await t.db
      .insertInto('invitation_drafts')
      .values({
        created_by: LEAD,
        draft: JSON.stringify(dmDraft(topic, 'Clinic', 'Come')),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const confirmView = (id: string) => ({
      id,
      user: LEAD,
      hash: 'h',
      kind: 'modal' as const,
      stack: [],
      view: {
        type: 'modal',
        callback_id: 'invite_confirm_modal',
        private_metadata: JSON.stringify({ draftId }),
        blocks: [],
      },
    });
    await t.submit(LEAD, confirmView('VCONFIRM1'), {});
    await t.submit(LEAD, confirmView('VCONFIRM2'), {});
    await later(t);
    await t.fake.waitFor(
      async () => (await t.db.selectFrom('invitations').select('id').execute()).length > 0 || undefined,
    );
    // Both confirmations were handled to the end (later), so a second invitation would be there.
    expect(await t.db.selectFrom('invitations').select('id').execute()).toHaveLength(1);
  });
});

describe('finding 6: a forged channel in an invitation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('is a field error; nothing reaches the PMO channel', async () => {
    const topic = await topicId(t.db, 'executive-coaching');
    const view = {
      id: 'VCOMPOSE',
      user: LEAD,
      hash: 'h',
      kind: 'modal' as const,
      stack: [],
      view: {
        type: 'modal',
        callback_id: 'invite_compose_modal',
        blocks: [
          ['invite_title', 'plain_text_input'],
          ['invite_message', 'plain_text_input'],
          ['invite_topics', 'multi_static_select'],
          ['invite_mode', 'radio_buttons'],
          ['invite_channel', 'channels_select'],
        ].map(([b, type]) => ({ type: 'input', block_id: b, element: { type, action_id: b } })),
      },
    };
    const res = await t.submit(LEAD, view, {
      invite_title: 'Win',
      invite_message: 'Click',
      invite_topics: [String(topic)],
      invite_mode: 'channel',
      invite_channel: 'CX> <!channel> <https://evil.example|win',
    });
    expect(res.body).toEqual({ response_action: 'errors', errors: { invite_channel: expect.any(String) } });
    await later(t);
    expect(JSON.stringify(t.fake.messagesIn(PMO_CHANNEL))).not.toContain('evil.example');
    expect(await t.db.selectFrom('invitation_drafts').select('id').execute()).toEqual([]);
  });
});
