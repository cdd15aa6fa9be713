import type { Database } from '../../src/db/client';
import type { FakeMessage } from '../support/fake-slack';
import { seedMember, seedRequest, topicId } from '../support/seed';
import { PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;

/** Every text a person reads in a message: header, section text, fields, context. */
function readable(blocks: Json[] | undefined): string[] {
  const out: string[] = [];
  for (const b of blocks ?? []) {
    const text = b.text as { text?: string } | undefined;
    if (text?.text) out.push(text.text);
    for (const f of (b.fields as { text: string }[] | undefined) ?? []) out.push(f.text);
    for (const e of (b.elements as { text?: string }[] | undefined) ?? [])
      if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

/**
 * The PMO's time zone is Paris (UTC+1 in November). The digest runs Monday 2026-11-23 09:00
 * Paris: the period is 16–22 Nov (2026-11-15T23:00Z … 2026-11-22T23:00Z), the previous one
 * 9–15 Nov (from 2026-11-08T23:00Z).
 */
async function seedHistory(db: Database) {
  const ids: Record<string, number> = {};
  // current period
  ids.R1 = await seedRequest(db, {
    requester: 'UA',
    owner: 'UM1',
    service: 'change-management',
    createdAt: '2026-11-15T23:00:00Z', // 00:00 Paris on the 16th: the first instant of the period
    claimedAt: '2026-11-16T01:00:00Z', // 2 h to claim
    deliveredAt: '2026-11-18T23:00:00Z', // 72 h to deliver
  });
  ids.R2 = await seedRequest(db, {
    requester: 'UA',
    owner: 'UM1',
    service: 'change-management',
    status: 'in_progress',
    createdAt: '2026-11-17T09:00:00Z',
    claimedAt: '2026-11-17T13:00:00Z', // 4 h to claim
  });
  ids.R3 = await seedRequest(db, {
    requester: 'UB',
    service: 'tools-templates',
    createdAt: '2026-11-18T09:00:00Z',
  });
  ids.R4 = await seedRequest(db, {
    requester: 'UC',
    service: 'change-management',
    status: 'declined',
    createdAt: '2026-11-19T09:00:00Z',
  });
  ids.R5 = await seedRequest(db, {
    requester: 'UA',
    service: 'training-mentoring',
    createdAt: '2026-11-22T22:30:00Z',
  });
  // after the period (00:30 Paris on the 23rd): in no period
  ids.R6 = await seedRequest(db, {
    requester: 'UF',
    service: 'tools-templates',
    status: 'cancelled',
    createdAt: '2026-11-22T23:30:00Z',
  });
  // previous period
  ids.P1 = await seedRequest(db, {
    requester: 'UD',
    owner: 'UM2',
    service: 'change-management',
    createdAt: '2026-11-09T10:00:00Z',
    claimedAt: '2026-11-09T16:00:00Z', // 6 h
    deliveredAt: '2026-11-12T10:00:00Z', // 72 h
  });
  ids.P2 = await seedRequest(db, {
    requester: 'UD',
    owner: 'UM1',
    service: 'tools-templates',
    createdAt: '2026-11-10T10:00:00Z',
    claimedAt: '2026-11-10T20:00:00Z', // 10 h
    deliveredAt: '2026-11-16T10:00:00Z', // 144 h, delivered in the current period
  });
  ids.P3 = await seedRequest(db, {
    requester: 'UE',
    service: 'tools-templates',
    createdAt: '2026-11-15T22:59:00Z',
  });
  ids.P4 = await seedRequest(db, {
    requester: 'UE',
    service: 'change-management',
    status: 'declined',
    createdAt: '2026-11-11T10:00:00Z',
  });
  // before both periods, delivered in the previous one (192 h)
  ids.O1 = await seedRequest(db, {
    requester: 'UG',
    service: 'change-management',
    createdAt: '2026-11-01T10:00:00Z',
    claimedAt: '2026-11-02T10:00:00Z',
    deliveredAt: '2026-11-09T10:00:00Z',
  });
  await db
    .insertInto('request_events')
    .values([
      {
        request_id: ids.R4,
        actor_id: 'UM1',
        from_status: 'new',
        to_status: 'declined',
        created_at: '2026-11-19T12:00:00Z',
      },
      {
        request_id: ids.P4,
        actor_id: 'UM1',
        from_status: 'new',
        to_status: 'declined',
        created_at: '2026-11-11T12:00:00Z',
      },
      {
        request_id: ids.R1,
        actor_id: 'UM1',
        from_status: 'new',
        to_status: 'claimed',
        created_at: '2026-11-16T01:00:00Z',
      },
    ])
    .execute();

  // check-in answers: current 5, 4, 4, 2 from three people (+ an answered follow-up without a
  // rating); previous 3, 4
  const answer = (
    seq: number,
    requestId: number,
    rating: number | null,
    answeredAt: string,
    extra: { user_id?: string } & Record<string, unknown> = {},
  ) =>
    db
      .insertInto('checkins')
      .values({
        kind: rating === null ? 'followup' : 'delivery',
        request_id: requestId,
        sequence: seq,
        user_id: 'UA',
        due_at: '2026-11-01T00:00:00Z',
        status: 'answered',
        rating,
        answered_at: answeredAt,
        ...extra,
      })
      .execute();
  await answer(1, ids.R1, 5, '2026-11-19T10:00:00Z', { what_changed: 'Our retro finally works' });
  await answer(2, ids.R1, 4, '2026-11-20T10:00:00Z', { user_id: 'UB', could_be_better: 'Slower than hoped' });
  await answer(3, ids.R1, 4, '2026-11-21T10:00:00Z', {
    user_id: 'UC',
    what_changed: 'Kick-off was <!channel> great',
  });
  await answer(4, ids.R1, 2, '2026-11-22T10:00:00Z');
  await answer(1, ids.P1, null, '2026-11-20T10:00:00Z', { outcome_tags: ['saved_time'] });
  await answer(5, ids.R1, 3, '2026-11-12T10:00:00Z', { what_changed: 'Previous-period comment' });
  await answer(6, ids.R1, 4, '2026-11-13T10:00:00Z');
  // not answered: never counted
  await db
    .insertInto('checkins')
    .values({
      kind: 'delivery',
      request_id: ids.P2,
      user_id: 'UD',
      due_at: '2026-11-20T00:00:00Z',
      status: 'sent',
    })
    .execute();

  // consent: opted in now — Executive coaching 2, Mentoring 1 (UC opted out of it)
  const exec = await topicId(db, 'executive-coaching');
  const mentoring = await topicId(db, 'mentoring');
  await db
    .insertInto('consents')
    .values([
      { user_id: 'UA', topic_id: exec, opted_in: true, updated_at: '2026-11-17T10:00:00Z' },
      { user_id: 'UB', topic_id: exec, opted_in: true, updated_at: '2026-11-17T10:00:00Z' },
      { user_id: 'UA', topic_id: mentoring, opted_in: true, updated_at: '2026-11-17T10:00:00Z' },
      { user_id: 'UC', topic_id: mentoring, opted_in: false, updated_at: '2026-11-18T10:00:00Z' },
    ])
    .execute();
  const consentEvent = (user: string, topic: number, action: string, createdAt: string) => ({
    user_id: user,
    topic_id: topic,
    action,
    source: 'modal',
    created_at: createdAt,
  });
  await db
    .insertInto('consent_events')
    .values([
      consentEvent('UA', exec, 'opt_in', '2026-11-17T10:00:00Z'),
      consentEvent('UB', exec, 'opt_in', '2026-11-17T10:00:00Z'),
      consentEvent('UA', mentoring, 'opt_in', '2026-11-17T10:00:00Z'),
      consentEvent('UC', mentoring, 'opt_out', '2026-11-18T10:00:00Z'),
      consentEvent('UC', mentoring, 'opt_in', '2026-11-10T10:00:00Z'),
      consentEvent('UE', exec, 'opt_out', '2026-11-11T10:00:00Z'),
      consentEvent('UE', exec, 'opt_in', '2026-11-01T10:00:00Z'), // before both periods
    ])
    .execute();

  // invitations: current period 4 delivered (going, waitlist, declined, no answer) + 1 skipped;
  // previous period 2 delivered (1 going)
  const invitation = async (key: string, createdAt: string) =>
    (
      await db
        .insertInto('invitations')
        .values({
          submission_key: key,
          created_by: 'UM1',
          title: 'Clinic',
          message: 'Come',
          mode: 'dm',
          status: 'sent',
          created_at: createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const inv1 = await invitation('inv-1', '2026-11-17T09:00:00Z');
  const inv0 = await invitation('inv-0', '2026-11-10T09:00:00Z');
  const recipient = (
    inv: number,
    user: string,
    delivery: 'delivered' | 'skipped',
    rsvp: 'going' | 'waitlist' | 'declined' | null,
    deliveredAt: string | null,
  ) => ({
    invitation_id: inv,
    user_id: user,
    topic_id: exec,
    delivery,
    rsvp,
    delivered_at: deliveredAt,
  });
  await db
    .insertInto('invitation_recipients')
    .values([
      recipient(inv1, 'UA', 'delivered', 'going', '2026-11-17T09:01:00Z'),
      recipient(inv1, 'UB', 'delivered', 'waitlist', '2026-11-17T09:01:00Z'),
      recipient(inv1, 'UC', 'delivered', 'declined', '2026-11-17T09:01:00Z'),
      recipient(inv1, 'UD', 'delivered', null, '2026-11-17T09:01:00Z'),
      recipient(inv1, 'UE', 'skipped', null, null),
      recipient(inv0, 'UA', 'delivered', 'going', '2026-11-10T09:01:00Z'),
      recipient(inv0, 'UB', 'delivered', null, '2026-11-10T09:01:00Z'),
    ])
    .execute();

  // supply: Change management 2 members, Tools & templates 1, Training & mentoring 0 (inactive member)
  await seedMember(db, 'UM1', ['change-management', 'tools-templates']);
  await seedMember(db, 'UM2', ['change-management']);
  await seedMember(db, 'UM3', ['training-mentoring'], false);
  return ids;
}

describe('the leads’ digest', () => {
  let t: TestApp;
  let ids: Record<string, number>;
  let main: FakeMessage;

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_TIMEZONE: 'Europe/Paris' } });
    ids = await seedHistory(t.db);
    t.clock.set('2026-11-23T08:00:00Z'); // Monday 09:00 in Paris
  });
  afterAll(() => t.stop());

  it('posts one message with every figure of the last 7 days against the 7 before', async () => {
    const outcome = await t.runJob('digest');
    expect(outcome).toMatchObject({ ran: true, runKey: '2026-11-16' });
    const posts = t.fake.messagesIn(PMO_CHANNEL).filter((m) => !m.thread_ts);
    expect(posts).toHaveLength(1);
    main = posts[0] as FakeMessage;
    expect(main.text).toBe('PMO digest 16–22 Nov 2026: 5 new requests, 2 delivered, 3 waiting for an owner.');
    expect(main.blocks?.length).toBeLessThanOrEqual(50);
    expect(readable(main.blocks)).toEqual([
      'PMO digest · 16–22 Nov 2026',
      // each figure against the previous period and the median of the last 8 weeks (the seeded
      // history is two weeks long: most weeks are 0)
      '*New requests*\n5 (▲1) · 8-wk median 0',
      '*Delivered*\n2 (=) · 8-wk median 0',
      '*Declined*\n1 (=) · 8-wk median 0',
      `*Waiting for an owner*\n3 · oldest PMO-${ids.P3}, 7 days`,
      '*In progress*\n1',
      // over every claim of the 8 weeks: 2, 4, 6, 10 and 24 h
      '*Median time to claim*\n3 h (▼5 h) · 8 wks 6 h',
      '*Median time to deliver*\n4.5 d (▼1 d) · 8 wks 4.5 d',
      // weekly averages 3.5 and 3.75
      '*Value*\n3.8/5 (▲0.3) · 4 answers · 8-wk median 3.6',
      '*Opt-ins / opt-outs*\n3 (▲2) / 1 (=) · 8-wk medians 0 / 0',
      '*Invitations sent*\n4 (▲2) · 8-wk median 0',
      // weeks with invitations: 50% and 50%
      '*RSVP rate*\n50% (2 of 4) · 8-wk median 50%',
      // UA this week; UD and UE the week before
      '*Repeat requesters*\n1 (▼1) · 8-wk median 0',
      '*Demand outruns skills:* Training &amp; mentoring (1 request, 0 members), Change management (3 requests, 2 members)',
      'Last 7 days (16–22 Nov 2026) against the 7 before and the median week of the last 8. Details and the chart in the thread.',
    ]);
  });

  it('puts the details in the thread: demand by service, distribution, comments, topics, supply', async () => {
    const replies = t.fake.messagesIn(PMO_CHANNEL).filter((m) => m.thread_ts === main.ts && !m.files);
    expect(replies).toHaveLength(1);
    expect(readable(replies[0]?.blocks)).toEqual([
      '*New requests by service*\n• Tools &amp; templates: 1 (▼1)\n• Training &amp; mentoring: 1 (▲1)\n• Change management: 3 (▲1)',
      '*Value*\n1/5: 0 · 2/5: 1 · 3/5: 0 · 4/5: 2 · 5/5: 1',
      // sorted by text, never attributed; escaped
      '*What people said* (not attributed)\n> Kick-off was &lt;!channel&gt; great\n> Our retro finally works\n> Slower than hoped',
      // over 8 weeks: R1, P1, O1 and P2 delivered; R1's six ratings
      '*Benefits realised by service* (last 8 weeks: delivered, rated, "did it happen?")\n• *Tools &amp; templates*: 1 delivered · no ratings · realised: 0 yes, 0 partly, 0 not yet, 0 no\n• *Change management*: 3 delivered · value 3.7/5 (6 ratings) · realised: 0 yes, 0 partly, 0 not yet, 0 no',
      '*Opted-in people per topic*\n• Executive coaching: 2\n• Mentoring: 1',
      '*Supply vs demand* (requests this period · active members with the skill)\n• Tools &amp; templates: 1 request · 1 member\n• Training &amp; mentoring: 1 request · 0 members ⚠ more requests than members\n• Change management: 3 requests · 2 members ⚠ more requests than members',
    ]);
  });

  it('posts once per slot: a second run (another tick, a retry) does nothing', async () => {
    const again = await t.runJob('digest', new Date('2026-11-23T15:00:00Z'));
    expect(again).toEqual({ ran: false, runKey: '2026-11-16' });
    // the post, its details and its chart
    expect(await t.db.selectFrom('digest_charts').select(['status', 'error']).execute()).toEqual([
      { status: 'shared', error: null },
    ]);
    expect(t.fake.messagesIn(PMO_CHANNEL)).toHaveLength(3);
  });

  it('hides comments when fewer than 3 people answered', async () => {
    // a week later only one answer: the comment stays private
    await t.db
      .insertInto('checkins')
      .values({
        kind: 'delivery',
        request_id: ids.R2 as number,
        user_id: 'UA',
        due_at: '2026-11-20T00:00:00Z',
        status: 'answered',
        rating: 5,
        what_changed: 'A lonely comment',
        answered_at: '2026-11-24T10:00:00Z',
      })
      .execute();
    await t.runJob('digest', new Date('2026-11-30T08:00:00Z'));
    const post = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.text?.startsWith('PMO digest 23–29 Nov 2026'));
    const thread = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.thread_ts === post?.ts && !m.files);
    const text = readable(thread?.blocks).join('\n');
    expect(text).not.toContain('lonely');
    expect(text).toContain('Comments are shown once at least 3 people answered in the period.');
    expect(readable(post?.blocks)).toContain('*Value*\n5.0/5 (▲1.3) · 1 answer · 8-wk median 3.8');
  });

  it('/pmo digest previews it now, only to the member who asked', async () => {
    t.clock.set('2026-11-23T10:00:00Z');
    const before = t.fake.responses.length;
    await t.slash('UM1', 'digest');
    const reply = await t.fake.waitFor(() => t.fake.responses[before], 'the preview');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toBe(
      'Preview: PMO digest 16–22 Nov 2026: 5 new requests, 2 delivered, 3 waiting for an owner.',
    );
    const text = readable(reply.body.blocks as Json[]);
    expect(text).toContain('*Median time to deliver*\n4.5 d (▼1 d) · 8 wks 4.5 d');
    expect(text).toContain('*Opted-in people per topic*\n• Executive coaching: 2\n• Mentoring: 1');
    expect(t.fake.messagesIn(PMO_CHANNEL)).toHaveLength(6);

    const denied = await t.slash('UNOBODY', 'digest');
    expect(denied.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('is for PMO members'),
    });
  });
});

describe('a quiet week', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: undefined });
  });
  afterAll(() => t.stop());

  it('is one line, without a thread', async () => {
    // activity only before the previous period, and nothing waiting
    await seedRequest(t.db, {
      requester: 'UA',
      service: 'tools-templates',
      createdAt: '2026-10-01T10:00:00Z',
      claimedAt: '2026-10-01T12:00:00Z',
      deliveredAt: '2026-10-03T10:00:00Z',
    });
    await t.runJob('digest', new Date('2026-11-23T09:00:00Z'));
    const posts = t.fake.messagesIn(PMO_CHANNEL).filter((m) => !m.files);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toBe(
      'Quiet week in the PMO (16–22 Nov 2026): no new requests, deliveries, answers or invitations.',
    );
    expect(posts[0]?.blocks).toHaveLength(1);
  });
});

describe('the anonymity threshold counts people, not answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('keeps one person’s comments private however many check-ins they answered', async () => {
    const requestId = await seedRequest(t.db, {
      requester: 'USOLO',
      service: 'change-management',
      createdAt: '2026-11-10T09:00:00Z',
      deliveredAt: '2026-11-12T09:00:00Z',
    });
    for (const seq of [1, 2, 3]) {
      await t.db
        .insertInto('checkins')
        .values({
          kind: 'delivery',
          request_id: requestId,
          sequence: seq,
          user_id: 'USOLO',
          due_at: '2026-11-15T00:00:00Z',
          status: 'answered',
          rating: 4,
          what_changed: `Only I wrote this, part ${seq}`,
          answered_at: `2026-11-1${6 + seq}T10:00:00Z`,
        })
        .execute();
    }
    await t.runJob('digest', new Date('2026-11-23T09:00:00Z'));
    const post = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.text?.startsWith('PMO digest'));
    expect(readable(post?.blocks)).toContain('*Value*\n4.0/5 · 3 answers · 8-wk median 4.0');
    const thread = t.fake.messagesIn(PMO_CHANNEL).find((m) => m.thread_ts === post?.ts && !m.files);
    const text = readable(thread?.blocks).join('\n');
    expect(text).not.toContain('Only I wrote this');
    expect(text).toContain('Comments are shown once at least 3 people answered in the period.');
  });
});
