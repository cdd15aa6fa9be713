import { seedRequest } from '../support/seed';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

/** Check-in DMs (questions and reminders) a person received. */
const checkinDms = (t: TestApp, user: string) =>
  t.fake.messagesIn(user).filter((m) => /How much value did/.test(m.text ?? ''));

async function checkinOf(t: TestApp, requestId: number) {
  return t.db
    .selectFrom('checkins')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
}

describe('check-ins are sent in the recipient’s working hours, in their own time zone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      users: [
        { id: 'UNY1', tz: 'America/New_York' },
        { id: 'UTOKYO1', tz: 'Asia/Tokyo' },
        { id: 'UWEEKEND', tz: 'Europe/Paris' },
        { id: 'UGONE', tz: 'UTC', deleted: true },
      ],
    });
  });
  afterAll(() => t.stop());

  it('defers a due check-in until 09:00 in New York, then sends it once', async () => {
    const id = await seedRequest(t.db, {
      requester: 'UNY1',
      owner: 'UM1',
      service: 'change-management',
      project: 'Apollo <rollout>',
      createdAt: '2026-11-10T10:00:00Z',
      claimedAt: '2026-11-10T11:00:00Z',
      deliveredAt: '2026-11-17T10:00:00Z',
    });
    // Tuesday 10:00 UTC = 05:00 in New York: due (7 days after delivery) but too early.
    await t.runJob('checkins', at('2026-11-24T10:00:00Z'));
    expect(checkinDms(t, 'UNY1')).toHaveLength(0);
    expect((await checkinOf(t, id)).status).toBe('scheduled');

    await t.runJob('checkins', at('2026-11-24T13:59:00Z')); // 08:59 local
    expect(checkinDms(t, 'UNY1')).toHaveLength(0);

    await t.runJob('checkins', at('2026-11-24T14:00:00Z')); // 09:00 local
    const dms = checkinDms(t, 'UNY1');
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toBe('How much value did Change management bring to Apollo &lt;rollout&gt;?');
    const buttons =
      (dms[0]?.blocks?.[1] as { elements: { action_id: string }[] } | undefined)?.elements ?? [];
    expect(buttons.map((b) => b.action_id)).toEqual([1, 2, 3, 4, 5].map((n) => `checkin_rate_${n}`));
    const row = await checkinOf(t, id);
    expect(row.status).toBe('sent');
    expect(row.message_ts).toBe(dms[0]?.ts);

    await t.runJob('checkins', at('2026-11-24T14:15:00Z'));
    await t.runJob('checkins', at('2026-11-24T16:00:00Z'));
    expect(checkinDms(t, 'UNY1')).toHaveLength(1);
  });

  it('does not send after working hours (17:00 local) nor on a weekend', async () => {
    const evening = await seedRequest(t.db, {
      requester: 'UTOKYO1',
      service: 'tools-templates',
      createdAt: '2026-11-10T10:00:00Z',
      deliveredAt: '2026-11-17T00:00:00Z',
    });
    // Tuesday 08:00 UTC = 17:00 in Tokyo: the end of the day is exclusive.
    await t.runJob('checkins', at('2026-11-24T08:00:00Z'));
    expect(checkinDms(t, 'UTOKYO1')).toHaveLength(0);
    // Wednesday 00:00 UTC = 09:00 in Tokyo.
    await t.runJob('checkins', at('2026-11-25T00:00:00Z'));
    expect(checkinDms(t, 'UTOKYO1')).toHaveLength(1);
    expect((await checkinOf(t, evening)).status).toBe('sent');

    const weekend = await seedRequest(t.db, {
      requester: 'UWEEKEND',
      service: 'tools-templates',
      createdAt: '2026-11-10T10:00:00Z',
      deliveredAt: '2026-11-20T09:00:00Z',
    });
    await t.runJob('checkins', at('2026-11-28T10:00:00Z')); // Saturday 11:00 in Paris
    await t.runJob('checkins', at('2026-11-29T10:00:00Z')); // Sunday
    expect(checkinDms(t, 'UWEEKEND')).toHaveLength(0);
    await t.runJob('checkins', at('2026-11-30T08:00:00Z')); // Monday 09:00 in Paris
    expect(checkinDms(t, 'UWEEKEND')).toHaveLength(1);
    expect((await checkinOf(t, weekend)).status).toBe('sent');
  });

  it('one unreadable profile (users.info fails) defers only that check-in', async () => {
    const broken = await seedRequest(t.db, {
      requester: 'UBROKEN',
      service: 'tools-templates',
      createdAt: '2026-11-10T10:00:00Z',
      deliveredAt: '2026-11-20T08:00:00Z', // due first, so looked up first
    });
    const fine = await seedRequest(t.db, {
      requester: 'UFINE',
      service: 'tools-templates',
      createdAt: '2026-11-10T10:00:00Z',
      deliveredAt: '2026-11-20T09:00:00Z',
    });
    t.fake.failNext('users.info', { error: 'fatal_error' });
    await t.runJob('checkins', at('2026-11-30T09:00:00Z'));
    const statuses = [(await checkinOf(t, broken)).status, (await checkinOf(t, fine)).status];
    expect(statuses).toEqual(['scheduled', 'sent']);
    await t.runJob('checkins', at('2026-11-30T09:15:00Z'));
    expect((await checkinOf(t, broken)).status).toBe('sent');
    expect(checkinDms(t, 'UBROKEN')).toHaveLength(1);
  });

  it('skips people who were deactivated', async () => {
    const id = await seedRequest(t.db, {
      requester: 'UGONE',
      service: 'tools-templates',
      createdAt: '2026-11-10T10:00:00Z',
      deliveredAt: '2026-11-20T09:00:00Z',
    });
    await t.runJob('checkins', at('2026-11-30T10:00:00Z'));
    expect(t.fake.messagesIn('UGONE')).toHaveLength(0);
    expect((await checkinOf(t, id)).status).toBe('cancelled');
  });
});

describe('working hours across DST changes (CHECKIN_DAYS=1-7: the changes fall on Sundays)', () => {
  let t: TestApp;
  const cases = [
    // Paris springs forward on 2026-03-29 at 01:00 UTC: 09:00 local is 07:00 UTC that day.
    { user: 'UPARIS1', tz: 'Europe/Paris', before: '2026-03-29T06:59:00Z', nine: '2026-03-29T07:00:00Z' },
    // Paris falls back on 2026-10-25 at 01:00 UTC: 09:00 local is 08:00 UTC that day.
    { user: 'UPARIS2', tz: 'Europe/Paris', before: '2026-10-25T07:59:00Z', nine: '2026-10-25T08:00:00Z' },
    // New York springs forward on 2026-03-08 at 07:00 UTC: 09:00 EDT is 13:00 UTC.
    { user: 'UNY2', tz: 'America/New_York', before: '2026-03-08T12:59:00Z', nine: '2026-03-08T13:00:00Z' },
    // New York falls back on 2026-11-01 at 06:00 UTC: 09:00 EST is 14:00 UTC.
    { user: 'UNY3', tz: 'America/New_York', before: '2026-11-01T13:59:00Z', nine: '2026-11-01T14:00:00Z' },
  ];
  beforeAll(async () => {
    t = await startTestApp({
      env: { CHECKIN_DAYS: '1-7' },
      users: cases.map((c) => ({ id: c.user, tz: c.tz })),
    });
  });
  afterAll(() => t.stop());

  it.each(cases)('$tz on the day of the change: 08:59 local defers, 09:00 local sends ($nine)', async (c) => {
    const nine = at(c.nine);
    const id = await seedRequest(t.db, {
      requester: c.user,
      service: 'change-management',
      createdAt: new Date(nine.getTime() - 10 * DAY).toISOString(),
      deliveredAt: new Date(nine.getTime() - 8 * DAY).toISOString(),
    });
    await t.runJob('checkins', at(c.before));
    expect(checkinDms(t, c.user)).toHaveLength(0);
    expect((await checkinOf(t, id)).status).toBe('scheduled');
    await t.runJob('checkins', nine);
    expect(checkinDms(t, c.user)).toHaveLength(1);
    // and the end of the day: 16:59 local is still in, 17:00 local is out (checked on a new check-in)
  });

  it.each(cases)('$tz on the day of the change: 16:59 local sends, 17:00 local defers', async (c) => {
    const nine = at(c.nine);
    // 8 hours after 09:00 local is 17:00 local on both kinds of days (the change is at night).
    const five = new Date(nine.getTime() + 8 * 60 * 60 * 1000);
    const user = `${c.user}E`;
    t.fake.addUser({ id: user, tz: c.tz });
    const late = await seedRequest(t.db, {
      requester: user,
      service: 'change-management',
      createdAt: new Date(nine.getTime() - 10 * DAY).toISOString(),
      deliveredAt: new Date(nine.getTime() - 8 * DAY).toISOString(),
    });
    await t.runJob('checkins', five);
    expect((await checkinOf(t, late)).status).toBe('scheduled');
    await t.runJob('checkins', new Date(five.getTime() - 60_000));
    expect((await checkinOf(t, late)).status).toBe('sent');
    expect(checkinDms(t, user)).toHaveLength(1);
  });
});

describe('one reminder at most, then the check-in expires quietly', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('reminds once after CHECKIN_REMINDER_DAYS and expires after as many again, without a message', async () => {
    const id = await seedRequest(t.db, {
      requester: 'UREQ9',
      service: 'tools-templates',
      createdAt: '2026-11-01T10:00:00Z',
      deliveredAt: '2026-11-16T10:00:00Z',
    });
    await t.runJob('checkins', at('2026-11-23T10:00:00Z')); // Monday: sent
    expect(checkinDms(t, 'UREQ9')).toHaveLength(1);
    await t.runJob('checkins', at('2026-11-25T10:00:00Z')); // 2 days later: nothing
    expect(checkinDms(t, 'UREQ9')).toHaveLength(1);
    await t.runJob('checkins', at('2026-11-26T09:59:00Z')); // 3 days less a minute: nothing
    expect(checkinDms(t, 'UREQ9')).toHaveLength(1);
    await t.runJob('checkins', at('2026-11-26T10:00:00Z')); // 3 days: the reminder
    const dms = checkinDms(t, 'UREQ9');
    expect(dms).toHaveLength(2);
    expect(dms[1]?.text).toMatch(
      /^A gentle reminder — How much value did Tools &amp; templates bring to Apollo\?$/,
    );
    expect((await checkinOf(t, id)).status).toBe('reminded');
    await t.runJob('checkins', at('2026-11-27T10:00:00Z'));
    await t.runJob('checkins', at('2026-11-29T09:59:00Z')); // 3 days less a minute after the reminder
    expect((await checkinOf(t, id)).status).toBe('reminded');
    // 3 days after the reminder, a Sunday: expiring sends nothing, so it needs no working hours
    await t.runJob('checkins', at('2026-11-29T10:00:00Z'));
    expect((await checkinOf(t, id)).status).toBe('expired');
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-07'])
      await t.runJob('checkins', at(`${day}T10:00:00Z`));
    expect(t.fake.messagesIn('UREQ9')).toHaveLength(2);
  });

  it('a reminder that falls outside working hours waits for them too', async () => {
    t.fake.addUser({ id: 'UREQ10', tz: 'Asia/Tokyo' });
    const id = await seedRequest(t.db, {
      requester: 'UREQ10',
      service: 'tools-templates',
      createdAt: '2026-11-01T10:00:00Z',
      deliveredAt: '2026-11-16T01:00:00Z',
    });
    await t.runJob('checkins', at('2026-11-24T01:00:00Z')); // Tue 10:00 Tokyo: sent
    expect((await checkinOf(t, id)).status).toBe('sent');
    await t.runJob('checkins', at('2026-11-27T10:00:00Z')); // 3 days on, but Fri 19:00 in Tokyo
    expect((await checkinOf(t, id)).status).toBe('sent');
    await t.runJob('checkins', at('2026-11-30T00:00:00Z')); // Mon 09:00 Tokyo
    expect((await checkinOf(t, id)).status).toBe('reminded');
    expect(checkinDms(t, 'UREQ10')).toHaveLength(2);
  });
});

describe('coaching check-ins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('asks the coachee every COACHING_CHECKIN_DAYS while the engagement is active', async () => {
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
    await t.runJob('checkins', at('2026-11-13T10:00:00Z')); // day 11: nothing yet
    expect(t.fake.messagesIn('UCOACHEE')).toHaveLength(0);
    await t.runJob('checkins', at('2026-11-16T10:00:00Z')); // day 14
    const first = t.fake.messagesIn('UCOACHEE');
    expect(first.map((m) => m.text)).toEqual([
      'How much value did coaching bring to Lead the reorg calmly so far?',
    ]);
    await t.runJob('checkins', at('2026-11-19T10:00:00Z')); // the one reminder
    await t.runJob('checkins', at('2026-11-22T10:00:00Z')); // expired
    await t.runJob('checkins', at('2026-11-30T10:00:00Z')); // day 28: the second one
    const rows = await t.db
      .selectFrom('checkins')
      .select(['sequence', 'status'])
      .where('engagement_id', '=', e.id)
      .orderBy('sequence')
      .execute();
    expect(rows).toEqual([
      { sequence: 1, status: 'expired' },
      { sequence: 2, status: 'sent' },
    ]);
    await t.db.updateTable('coaching_engagements').set({ status: 'ended' }).where('id', '=', e.id).execute();
    await t.runJob('checkins', at('2026-12-14T10:00:00Z'));
    expect(
      await t.db.selectFrom('checkins').select('sequence').where('engagement_id', '=', e.id).execute(),
    ).toHaveLength(2);
  });
});
