import { WebClient } from '@slack/web-api';
import { sql } from 'kysely';
import { outboxHooksOf } from '../../src/compose';
import { OutboxSender } from '../../src/outbox/sender';
import {
  addMember,
  capPeople,
  invitationDms,
  optInPeople,
  recipientRows,
  sendInvitation,
  users,
} from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * "Invitation, never mandate": each guarantee is checked where it must
 * hold — at send time — by queueing invitations with the sender stopped, changing consent,
 * then letting the sender run.
 */
describe('invitation guarantees', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await addMember(t, 'UMEMBER');
  });
  afterEach(() => t.stop());

  const holdSender = () => t.service.deps.outbox.stop();
  const releaseSender = async () => {
    t.service.deps.outbox.start(200);
    await t.flush();
  };

  it('nobody without consent for the topic receives it: other topics, opted-out and never-asked people get nothing', async () => {
    await optInPeople(t, ['UYES'], 'training-workshops');
    await optInPeople(t, ['UOTHER'], 'mentoring');
    await optInPeople(t, ['UWAS'], 'training-workshops');
    await t.slash('UWAS', 'optout training-workshops');
    const id = await sendInvitation(t, 'UMEMBER', { topics: ['training-workshops'] });
    await t.flush();
    expect((await recipientRows(t, id)).map((r) => r.user_id)).toEqual(['UYES']);
    const dmTargets = t.fake.callsTo('chat.postMessage').map((c) => c.args.channel);
    expect(dmTargets.filter((c) => String(c).startsWith('U'))).toEqual(['UYES']);
  });

  it('an opt-out after queueing skips the queued invitation (command and button)', async () => {
    await optInPeople(t, ['UA', 'UB', 'UC'], 'change-clinics');
    // UC receives a first invitation and uses its button while a second one is queued.
    const first = await sendInvitation(t, 'UMEMBER', { topics: ['change-clinics'], title: 'First clinic' });
    await t.flush();
    await holdSender();
    const second = await sendInvitation(t, 'UMEMBER', { topics: ['change-clinics'], title: 'Second clinic' });
    expect((await recipientRows(t, second)).map((r) => r.delivery)).toEqual(['queued', 'queued', 'queued']);

    await t.slash('UA', 'optout change clinics');
    const dm = invitationDms(t, 'UC')[0]!;
    await t.click('UC', 'invite_optout_topic', { message: dm });
    await t.fake.waitFor(() =>
      JSON.stringify(dm.blocks).includes('You opted out of Change management clinics'),
    );
    await releaseSender();

    expect((await recipientRows(t, second)).map((r) => [r.user_id, r.delivery, r.skip_reason])).toEqual([
      ['UA', 'skipped', 'no_consent'],
      ['UB', 'delivered', null],
      ['UC', 'skipped', 'no_consent'],
    ]);
    expect(invitationDms(t, 'UA')).toHaveLength(1);
    expect(invitationDms(t, 'UC')).toHaveLength(1);
    expect(invitationDms(t, 'UB')).toHaveLength(2);
    const buttonEvent = await t.db
      .selectFrom('consent_events')
      .select(['source', 'detail'])
      .where('user_id', '=', 'UC')
      .where('action', '=', 'opt_out')
      .executeTakeFirstOrThrow();
    expect(buttonEvent.source).toBe('invitation_button');
    expect(buttonEvent.detail).toEqual({ invitation_id: String(first) });
    // The button worked once: it is gone from the updated message.
    expect(JSON.stringify(dm.blocks)).not.toContain('invite_optout_topic');
  });

  it('a pause after queueing skips the queued invitation', async () => {
    await optInPeople(t, ['UA', 'UB'], 'mentoring');
    await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], title: 'Mentor speed-dating' });
    await t.flush();
    await holdSender();
    const second = await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], title: 'Mentoring circle' });
    const dm = invitationDms(t, 'UA')[0]!;
    await t.click('UA', 'invite_pause', { message: dm });
    await t.fake.waitFor(() => JSON.stringify(dm.blocks).includes('Invitations paused until'));
    expect(JSON.stringify(dm.blocks)).toContain('Tue, 22 Dec 2026');
    await t.click('UA', 'rsvp_decline', { message: dm }); // other buttons still work
    await releaseSender();
    expect((await recipientRows(t, second)).map((r) => [r.user_id, r.delivery, r.skip_reason])).toEqual([
      ['UA', 'skipped', 'paused'],
      ['UB', 'delivered', null],
    ]);
    const prefs = await t.db
      .selectFrom('invitation_prefs')
      .selectAll()
      .where('user_id', '=', 'UA')
      .executeTakeFirst();
    expect(prefs?.paused_until).toBe('2026-12-22');
    const pauses = await t.db
      .selectFrom('consent_events')
      .select('source')
      .where('user_id', '=', 'UA')
      .where('action', '=', 'pause')
      .execute();
    expect(pauses).toEqual([{ source: 'invitation_button' }]);
  });

  it('the personal cap holds across invitations queued together, and frees up after its window', async () => {
    await optInPeople(t, ['UA', 'UB'], 'mentoring');
    await optInPeople(t, ['UA', 'UB'], 'lessons-learned');
    await capPeople(t, ['UA'], 'one_per_week');
    await holdSender();
    const a = await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], title: 'A' });
    const b = await sendInvitation(t, 'UMEMBER', { topics: ['lessons-learned'], title: 'B' });
    await releaseSender();
    expect(invitationDms(t, 'UA')).toHaveLength(1);
    expect(invitationDms(t, 'UB')).toHaveLength(2);
    const rows = [...(await recipientRows(t, a)), ...(await recipientRows(t, b))].filter(
      (r) => r.user_id === 'UA',
    );
    expect(rows.map((r) => r.delivery).sort()).toEqual(['delivered', 'skipped']);
    expect(rows.find((r) => r.delivery === 'skipped')?.skip_reason).toBe('cap');

    // UB (two a month) is now at the cap too; a week later UA may be invited again.
    t.clock.advance(8 * 24 * 3600 * 1000);
    const c = await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], title: 'C' });
    await t.flush();
    expect((await recipientRows(t, c)).map((r) => [r.user_id, r.delivery])).toEqual([['UA', 'delivered']]);
  });

  it('deactivated people are skipped at send time', async () => {
    t.fake.addUser({ id: 'UGONE', deleted: true });
    await optInPeople(t, ['UGONE', 'UHERE'], 'team-coaching');
    const id = await sendInvitation(t, 'UMEMBER', { topics: ['team-coaching'] });
    await t.flush();
    expect((await recipientRows(t, id)).map((r) => [r.user_id, r.delivery, r.skip_reason])).toEqual([
      ['UGONE', 'skipped', 'deactivated'],
      ['UHERE', 'delivered', null],
    ]);
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UGONE')).toHaveLength(0);
  });

  it('people unknown to Slack are skipped; a throttled users.info pauses the sender instead of dropping anyone', async () => {
    await optInPeople(t, ['Ulost', 'UHERE', 'UTHERE'], 'team-coaching');
    t.fake.failNext('users.info', { status: 429, retryAfter: 1 });
    const id = await sendInvitation(t, 'UMEMBER', { topics: ['team-coaching'] });
    await t.flush();
    await t.fake.waitFor(
      () => invitationDms(t, 'UTHERE').length === 1 && invitationDms(t, 'UHERE').length === 1,
    );
    await t.flush();
    const rows = (await recipientRows(t, id)).map((r) => [r.user_id, r.delivery, r.skip_reason]);
    expect(rows.sort()).toEqual([
      ['UHERE', 'delivered', null],
      ['UTHERE', 'delivered', null],
      ['Ulost', 'skipped', 'user_not_found'],
    ]);
    expect(t.fake.callsTo('users.info').some((c) => c.status === 429)).toBe(true);
  });

  it('the cap holds when two senders deliver at once (per-person lock and reservation)', async () => {
    const people = users('RACE', 15);
    await optInPeople(t, people, 'mentoring');
    await optInPeople(t, people, 'team-coaching');
    await capPeople(t, people, 'one_per_week');
    await holdSender();
    await sendInvitation(t, 'UMEMBER', { topics: ['mentoring'], title: 'Race A' });
    await sendInvitation(t, 'UMEMBER', { topics: ['team-coaching'], title: 'Race B' });

    // Both invitations of a person next to each other in claim order, so two senders take them
    // at the same moment: the race the per-person lock and the cap reservation must win.
    await sql`update outbox set not_before = now() - interval '1 hour'
      + substring(recipient_id from 6)::int * interval '1 second'
      where kind = 'invitation.dm'`.execute(t.db);
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: t.fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const senders = ['one', 'two'].map((name) => {
      const sender = new OutboxSender({
        db: t.db,
        client,
        logger: t.service.deps.logger,
        instanceId: name,
        concurrency: 4,
      });
      sender.useHooks(outboxHooksOf({ ...t.service.deps, outbox: sender }, client));
      return sender;
    });
    await Promise.all(senders.map((s) => s.drain()));
    for (const p of people) expect(invitationDms(t, p)).toHaveLength(1);
    const delivered = await t.db
      .selectFrom('invitation_recipients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('delivery', '=', 'delivered')
      .executeTakeFirstOrThrow();
    expect(Number(delivered.n)).toBe(people.length);
  });
});

describe('a crash in the middle of a send', () => {
  let t: TestApp;
  afterEach(() => t.stop());

  it('delivers each invitation to each person exactly once and finishes the rest after a restart', async () => {
    t = await startTestApp({ persistent: true });
    await addMember(t, 'UMEMBER');
    const people = users('CRASH', 12);
    await optInPeople(t, people, 'lessons-learned');
    await t.service.deps.outbox.stop();
    const id = await sendInvitation(t, 'UMEMBER', { topics: ['lessons-learned'] });
    const rows = await t.db
      .selectFrom('outbox')
      .select(['id', 'channel', 'payload'])
      .where('invitation_id', '=', id)
      .where('kind', '=', 'invitation.dm')
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(12);

    // The process died while three posts were in flight: Slack got the first two, not the third.
    const inFlight = rows.slice(0, 3);
    await t.db
      .updateTable('outbox')
      .set({
        status: 'sending',
        claimed_by: 'dead-instance',
        claimed_at: sql<Date>`now() - interval '2 minutes'`,
      })
      .where(
        'id',
        'in',
        inFlight.map((r) => r.id),
      )
      .execute();
    for (const r of inFlight.slice(0, 2)) {
      const res = await fetch(`${t.fake.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: 'Bearer xoxb-test-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: r.channel,
          text: r.payload.text,
          blocks: r.payload.blocks,
          metadata: { event_type: 'pmo_outbox', event_payload: { outbox_id: r.id } },
        }),
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    }

    await t.restart();
    await t.flush();
    await t.fake.waitFor(
      () => people.every((p) => invitationDms(t, p).length >= 1),
      'every person to have the invitation',
      15_000,
    );
    await t.flush();
    for (const p of people) expect(invitationDms(t, p)).toHaveLength(1);
    const recipients = await recipientRows(t, id);
    expect(recipients.every((r) => r.delivery === 'delivered' && r.message_ts)).toBe(true);
    const outbox = await t.db
      .selectFrom('outbox')
      .select(['status'])
      .where('invitation_id', '=', id)
      .where('kind', '=', 'invitation.dm')
      .execute();
    expect(outbox.every((o) => o.status === 'sent')).toBe(true);
    // The two that had landed were found in the conversation, not posted again.
    for (const r of inFlight.slice(0, 2))
      expect(t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === r.channel)).toHaveLength(1);
    expect(t.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(3);
  });
});
