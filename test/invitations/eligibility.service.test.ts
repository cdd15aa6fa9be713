// The features load in the app's order (they reach each other through their index files, in a
// cycle): imported on its own first, a feature file would read a module still loading.
import '../../src/features';
import type { DeliveryState, InvitationCap, Rsvp } from '../../src/db/schema';
import { invitationGate } from '../../src/features/calendar';
import { optIn, optOut, pause, setCap } from '../../src/features/consent/service';
import { computeAudience } from '../../src/features/invitations/audience';
import { checkInvitationDelivery, markSkipped } from '../../src/features/invitations/delivery';
import { sendInvitation } from '../../src/features/invitations/fan-out';
import { LEAD, openServiceDb, PMO_CHANNEL, type ServiceDb } from '../support/service-db';

/**
 * Who an invitation reaches, decided from the database: the audience the fan-out queues
 * (consent, pause, cap, known deactivations) and the send-time check that has the last word
 * (the same, as things are at the post, plus deactivation in Slack and quiet after silence).
 */

const DAY = 86_400_000;
// Tuesday 21:00 in Paris; already Wednesday the 25th in Tokyo, still the 24th in New York.
const NOW = new Date('2026-11-24T20:00:00Z');

let s: ServiceDb;
const topic: Record<'clinics' | 'teamCoaching' | 'mentoring' | 'retired', number> = {
  clinics: 0,
  teamCoaching: 0,
  mentoring: 0,
  retired: 0,
};

beforeAll(async () => {
  s = await openServiceDb({ now: NOW.toISOString() });
  const id = async (slug: string) =>
    (await s.db.selectFrom('topics').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  topic.clinics = await id('change-clinics');
  topic.teamCoaching = await id('team-coaching');
  topic.mentoring = await id('mentoring');
  topic.retired = await id('lessons-learned');
  await s.db.updateTable('topics').set({ retired_at: NOW }).where('id', '=', topic.retired).execute();
});
afterAll(() => s?.close());

const ago = (ms: number) => new Date(NOW.getTime() - ms);
const optInAt = (user: string, topicIds: number[], at = ago(60 * DAY)) =>
  optIn(s.db, user, topicIds, 'optin_modal', at);

/** The person as Slack (users.info) and the people cache know them. */
async function knownAs(user: string, over: { tz?: string; deleted?: boolean } = {}) {
  s.people.set({ id: user, tz: over.tz ?? 'Europe/Paris', deleted: over.deleted ?? false });
  await s.db
    .insertInto('people')
    .values({
      slack_user_id: user,
      display_name: user,
      tz: over.tz ?? 'Europe/Paris',
      is_deleted: over.deleted ?? false,
      refreshed_at: NOW,
    })
    .onConflict((oc) =>
      oc
        .column('slack_user_id')
        .doUpdateSet({ tz: over.tz ?? 'Europe/Paris', is_deleted: over.deleted ?? false }),
    )
    .execute();
}

let invitationSeq = 0;
/** An earlier invitation, written as the fan-out and the sender left it. */
async function pastInvitation(topicId: number): Promise<number> {
  const row = await s.db
    .insertInto('invitations')
    .values({
      submission_key: `past-${++invitationSeq}`,
      created_by: LEAD,
      title: 'An earlier session',
      message: 'Come along',
      mode: 'dm',
      status: 'sent',
      created_at: ago(90 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.db.insertInto('invitation_topics').values({ invitation_id: row.id, topic_id: topicId }).execute();
  return row.id;
}

async function received(
  user: string,
  at: Date,
  over: { delivery?: DeliveryState; rsvp?: Rsvp; topicId?: number } = {},
): Promise<number> {
  const invitationId = await pastInvitation(over.topicId ?? topic.clinics);
  const delivered = (over.delivery ?? 'delivered') === 'delivered';
  await s.db
    .insertInto('invitation_recipients')
    .values({
      invitation_id: invitationId,
      user_id: user,
      topic_id: over.topicId ?? topic.clinics,
      delivery: over.delivery ?? 'delivered',
      delivered_at: delivered ? at : null,
      cap_reserved_at: at,
      rsvp: over.rsvp ?? null,
      rsvp_at: over.rsvp ? at : null,
    })
    .execute();
  return invitationId;
}

let submissions = 0;
const invite = (topicIds: number[], submissionKey = `confirm-view-${++submissions}`) =>
  sendInvitation(
    s.deps,
    {
      draft: {
        title: 'Change clinic: stakeholder maps',
        message: 'Bring a change you are leading.',
        topicIds,
        eventDate: null,
        link: null,
        seats: null,
        rsvpDeadline: null,
        mode: 'dm',
        channel: null,
      },
      submissionKey,
      createdBy: LEAD,
    },
    s.clock.now(),
  );

const recipientsOf = (invitationId: number) =>
  s.db
    .selectFrom('invitation_recipients')
    .select(['user_id', 'topic_id', 'delivery', 'cap_reserved_at', 'skip_reason', 'deferred_until'])
    .where('invitation_id', '=', invitationId)
    .orderBy('user_id')
    .execute();
const recipientOf = async (invitationId: number, user: string) =>
  (await recipientsOf(invitationId)).find((r) => r.user_id === user);

describe('the audience an invitation is queued for', () => {
  // Each person is one situation; `reaches` is the topic they are invited for, or why not.
  type Outcome =
    | { reaches: 'clinics' | 'teamCoaching' }
    | { counted: 'paused' | 'atCap' | 'deactivated' }
    | 'absent';
  const PEOPLE: {
    user: string;
    situation: string;
    seed: (u: string) => Promise<unknown>;
    outcome: Outcome;
  }[] = [
    {
      user: 'UAUD01',
      situation: 'opted in to the topic',
      seed: (u) => optInAt(u, [topic.clinics]),
      outcome: { reaches: 'clinics' },
    },
    {
      user: 'UAUD02',
      situation: 'opted in to another topic only',
      seed: (u) => optInAt(u, [topic.mentoring]),
      outcome: 'absent',
    },
    {
      user: 'UAUD03',
      situation: 'opted in, then out',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await optOut(s.deps, u, [topic.clinics], 'optout_command', ago(DAY));
      },
      outcome: 'absent',
    },
    { user: 'UAUD04', situation: 'never asked', seed: async () => undefined, outcome: 'absent' },
    {
      user: 'UAUD05',
      situation: 'paused until tomorrow (PMO time: no time zone known)',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await pause(s.db, u, '2026-11-25', 'optin_modal', ago(DAY));
      },
      outcome: { counted: 'paused' },
    },
    {
      user: 'UAUD06',
      situation: 'paused until today: invited again from today',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await pause(s.db, u, '2026-11-24', 'optin_modal', ago(DAY));
      },
      outcome: { reaches: 'clinics' },
    },
    {
      user: 'UAUD07',
      situation: 'paused until the 25th, in Tokyo where it is the 25th',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await pause(s.db, u, '2026-11-25', 'optin_modal', ago(DAY));
        await knownAs(u, { tz: 'Asia/Tokyo' });
      },
      outcome: { reaches: 'clinics' },
    },
    {
      user: 'UAUD08',
      situation: 'paused until the 25th, in New York',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await pause(s.db, u, '2026-11-25', 'optin_modal', ago(DAY));
        await knownAs(u, { tz: 'America/New_York' });
      },
      outcome: { counted: 'paused' },
    },
    {
      user: 'UAUD09',
      situation: 'one a week, invited 6 days ago',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await setCap(s.db, u, 'one_per_week', 'optin_modal', ago(60 * DAY));
        await received(u, ago(6 * DAY));
      },
      outcome: { counted: 'atCap' },
    },
    {
      user: 'UAUD10',
      situation: 'one a week, invited exactly 7 days ago',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await setCap(s.db, u, 'one_per_week', 'optin_modal', ago(60 * DAY));
        await received(u, ago(7 * DAY));
      },
      outcome: { reaches: 'clinics' },
    },
    {
      user: 'UAUD11',
      situation: 'two a month (the default), both used',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await received(u, ago(29 * DAY));
        await received(u, ago(2 * DAY));
      },
      outcome: { counted: 'atCap' },
    },
    {
      user: 'UAUD12',
      situation: 'two a month, one of them skipped',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await received(u, ago(3 * DAY));
        await received(u, ago(2 * DAY), { delivery: 'skipped' });
      },
      outcome: { reaches: 'clinics' },
    },
    {
      user: 'UAUD13',
      situation: 'two a month, one of them 31 days ago',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await received(u, ago(31 * DAY));
        await received(u, ago(2 * DAY));
      },
      outcome: { reaches: 'clinics' },
    },
    {
      user: 'UAUD14',
      situation: 'deactivated, as last seen',
      seed: async (u) => {
        await optInAt(u, [topic.clinics]);
        await knownAs(u, { deleted: true });
      },
      outcome: { counted: 'deactivated' },
    },
    {
      user: 'UAUD15',
      situation: 'opted in to two of its topics: once, for the first in the catalogue',
      seed: (u) => optInAt(u, [topic.clinics, topic.teamCoaching]),
      outcome: { reaches: 'teamCoaching' },
    },
    {
      user: 'UAUD16',
      situation: 'opted in to a retired topic only',
      seed: (u) => optInAt(u, [topic.retired]),
      outcome: 'absent',
    },
  ];
  const topics = () => [topic.clinics, topic.teamCoaching, topic.retired];

  beforeAll(async () => {
    for (const p of PEOPLE) await p.seed(p.user);
  });

  it('counts each situation where it belongs', async () => {
    const { audience } = await computeAudience(s.db, topics(), NOW, 'Europe/Paris');
    const count = (k: string) =>
      PEOPLE.filter((p) => typeof p.outcome === 'object' && 'counted' in p.outcome && p.outcome.counted === k)
        .length;
    const reach = PEOPLE.filter((p) => typeof p.outcome === 'object' && 'reaches' in p.outcome).length;
    expect(audience).toEqual({
      reach,
      optedIn: PEOPLE.filter((p) => p.outcome !== 'absent').length,
      paused: count('paused'),
      atCap: count('atCap'),
      deactivated: count('deactivated'),
    });
    // Written out too, so a mistake in the table above cannot hide one in the code.
    expect(audience).toEqual({ reach: 7, optedIn: 12, paused: 2, atCap: 2, deactivated: 1 });
  });

  it.each(PEOPLE)('$user, $situation', async (p) => {
    const { recipients } = await computeAudience(s.db, topics(), NOW, 'Europe/Paris');
    const mine = recipients.filter((r) => r.userId === p.user);
    if (typeof p.outcome === 'object' && 'reaches' in p.outcome)
      expect(mine).toEqual([{ userId: p.user, topicId: topic[p.outcome.reaches] }]);
    else expect(mine).toEqual([]);
  });

  it('is what the fan-out queues, one DM each and the summary, once per submission', async () => {
    const { recipients } = await computeAudience(s.db, topics(), NOW, 'Europe/Paris');
    const sent = await invite(topics(), 'audience-view');
    const twice = await invite(topics(), 'audience-view');
    expect(sent).toMatchObject({ queued: recipients.length, created: true });
    expect(twice).toEqual({ invitationId: sent.invitationId, queued: recipients.length, created: false });
    const expected = [...recipients].sort((a, b) => (a.userId < b.userId ? -1 : 1));
    expect(await recipientsOf(sent.invitationId)).toEqual(
      expected.map((r) => ({
        user_id: r.userId,
        topic_id: r.topicId,
        delivery: 'queued',
        cap_reserved_at: null,
        skip_reason: null,
        deferred_until: null,
      })),
    );
    const outbox = await s.db
      .selectFrom('outbox')
      .select(['kind', 'channel', 'recipient_id', 'dedupe_key', 'status'])
      .where('invitation_id', '=', sent.invitationId)
      .orderBy('id')
      .execute();
    expect(
      outbox.filter((o) => o.kind === 'invitation.dm').sort((a, b) => (a.channel < b.channel ? -1 : 1)),
    ).toEqual(
      expected.map((r) => ({
        kind: 'invitation.dm',
        channel: r.userId,
        recipient_id: r.userId,
        dedupe_key: `invitation.${sent.invitationId}.${r.userId}`,
        status: 'pending',
      })),
    );
    expect(outbox.filter((o) => o.kind !== 'invitation.dm')).toEqual([
      {
        kind: 'invitation.summary',
        channel: PMO_CHANNEL,
        recipient_id: null,
        dedupe_key: `invitation.${sent.invitationId}.summary`,
        status: 'pending',
      },
    ]);
  });
});

describe('the send-time check, after the invitation was queued', () => {
  interface Case {
    user: string;
    situation: string;
    /** What is true before the invitation is queued. */
    before?: (u: string) => Promise<unknown>;
    /** What changed between queueing and sending. */
    since?: (u: string) => Promise<unknown>;
    /** Sent (naming this topic), or skipped for this reason. */
    expected: { topic: 'clinics' | 'teamCoaching' } | { skip: string };
  }
  const CASES: Case[] = [
    { user: 'USND01', situation: 'nothing changed', expected: { topic: 'clinics' } },
    {
      user: 'USND02',
      situation: 'opted out since',
      since: (u) => optOut(s.deps, u, [topic.clinics], 'optout_command', NOW),
      expected: { skip: 'no_consent' },
    },
    {
      user: 'USND03',
      situation: 'paused since',
      since: (u) => pause(s.db, u, '2026-12-01', 'home', NOW),
      expected: { skip: 'paused' },
    },
    {
      user: 'USND04',
      situation: 'deactivated in Slack since (the cache is a day old)',
      since: async (u) => {
        s.people.set({ id: u, deleted: true });
        await s.db
          .updateTable('people')
          .set({ refreshed_at: ago(DAY) })
          .where('slack_user_id', '=', u)
          .execute();
      },
      expected: { skip: 'deactivated' },
    },
    {
      user: 'USND05',
      situation: 'gone from the workspace',
      since: async (u) => {
        s.people.remove(u);
        await s.db.deleteFrom('people').where('slack_user_id', '=', u).execute();
      },
      expected: { skip: 'user_not_found' },
    },
    {
      user: 'USND06',
      situation: 'reached a one-a-week cap since',
      before: (u) => setCap(s.db, u, 'one_per_week', 'optin_modal', ago(60 * DAY)),
      since: (u) => received(u, ago(DAY)),
      expected: { skip: 'cap' },
    },
    {
      user: 'USND07',
      situation: 'chose a smaller cap since, already used',
      before: (u) => received(u, ago(10 * DAY)),
      since: (u) => setCap(s.db, u, 'one_per_month', 'home', NOW),
      expected: { skip: 'cap' },
    },
    {
      user: 'USND08',
      situation: 'opted out of the topic it was queued for, still in another of its topics',
      before: (u) => optInAt(u, [topic.teamCoaching]),
      since: (u) => optOut(s.deps, u, [topic.teamCoaching], 'home', NOW),
      expected: { topic: 'clinics' },
    },
    {
      user: 'USND09',
      situation: 'ignored the last three invitations',
      before: async (u) => {
        for (const days of [60, 50, 40]) await received(u, ago(days * DAY));
      },
      expected: { skip: 'quiet_after_silence' },
    },
    {
      user: 'USND10',
      situation: 'answered one of the last three invitations',
      before: async (u) => {
        await received(u, ago(60 * DAY));
        await received(u, ago(50 * DAY), { rsvp: 'declined' });
        await received(u, ago(40 * DAY));
      },
      expected: { topic: 'clinics' },
    },
    {
      user: 'USND11',
      situation: 'paused from one of the last three invitations (then the pause ended)',
      before: async (u) => {
        await received(u, ago(60 * DAY));
        const clicked = await received(u, ago(50 * DAY));
        await pause(s.db, u, '2026-10-20', 'invitation_button', ago(50 * DAY), {
          invitation_id: String(clicked),
        });
        await received(u, ago(40 * DAY));
      },
      expected: { topic: 'clinics' },
    },
  ];

  let invitationId = 0;
  beforeAll(async () => {
    for (const c of CASES) {
      await optInAt(c.user, [topic.clinics]);
      await knownAs(c.user);
      await c.before?.(c.user);
    }
    const sent = await invite([topic.clinics, topic.teamCoaching]);
    invitationId = sent.invitationId;
    const queued = (await recipientsOf(invitationId)).map((r) => r.user_id);
    expect(queued).toEqual(expect.arrayContaining(CASES.map((c) => c.user)));
    for (const c of CASES) await c.since?.(c.user);
  });

  it.each(CASES)('$user, $situation', async (c) => {
    const decision = await checkInvitationDelivery(s.db, s.people, invitationId, c.user, NOW);
    const row = await recipientOf(invitationId, c.user);
    if ('topic' in c.expected) {
      const name = (
        await s.db
          .selectFrom('topics')
          .select('name')
          .where('id', '=', topic[c.expected.topic])
          .executeTakeFirstOrThrow()
      ).name;
      expect('payload' in decision && decision.payload.text).toContain(`opted in to ${name}`);
      // Let through: one unit of the cap is held from now, for the topic named.
      expect(row).toMatchObject({
        delivery: 'queued',
        cap_reserved_at: NOW,
        topic_id: topic[c.expected.topic],
      });
    } else {
      expect(decision).toEqual(c.expected);
      // The sender records the skip; the check itself holds nothing back for later.
      expect(row).toMatchObject({ delivery: 'queued', cap_reserved_at: null });
    }
  });

  it('asks "Still interested?" once, and holds invitations back for eight weeks or until answered', async () => {
    const user = 'USIL01';
    await optInAt(user, [topic.clinics]);
    await knownAs(user);
    for (const days of [60, 50, 40]) await received(user, ago(days * DAY));
    const asked = () =>
      s.db
        .selectFrom('silence_checks')
        .select(['asked_at', 'answered_at'])
        .where('user_id', '=', user)
        .execute();
    const stillInterested = () =>
      s.db
        .selectFrom('outbox')
        .select(['channel', 'recipient_id', 'status'])
        .where('kind', '=', 'calendar.still_interested')
        .where('recipient_id', '=', user)
        .execute();
    const first = await invite([topic.clinics]);
    expect(await checkInvitationDelivery(s.db, s.people, first.invitationId, user, NOW)).toEqual({
      skip: 'quiet_after_silence',
    });
    expect(await asked()).toEqual([{ asked_at: NOW, answered_at: null }]);
    expect(await stillInterested()).toEqual([{ channel: user, recipient_id: user, status: 'pending' }]);

    // While the question is open, nothing more is sent, and it is not asked again.
    const later = await invite([topic.clinics]);
    for (const at of [NOW, new Date(NOW.getTime() + DAY), new Date(NOW.getTime() + 56 * DAY - 1)]) {
      expect(await checkInvitationDelivery(s.db, s.people, later.invitationId, user, at)).toEqual({
        skip: 'quiet_after_silence',
      });
    }
    expect(await asked()).toHaveLength(1);
    expect(await stillInterested()).toHaveLength(1);
    // Eight weeks without an answer: invited again.
    const eightWeeks = new Date(NOW.getTime() + 56 * DAY);
    expect(
      await checkInvitationDelivery(s.db, s.people, later.invitationId, user, eightWeeks),
    ).toHaveProperty('payload');
    expect(await stillInterested()).toHaveLength(1);
  });
});

describe('caps across invitations', () => {
  const reserve = (invitationId: number, user: string, at = NOW) =>
    checkInvitationDelivery(s.db, s.people, invitationId, user, at);

  async function person(user: string, cap: InvitationCap) {
    await optInAt(user, [topic.mentoring]);
    await setCap(s.db, user, cap, 'optin_modal', ago(60 * DAY));
    await knownAs(user);
  }

  it('a reservation counts at once, a skip gives it back, and the window frees it', async () => {
    const user = 'UCAP01';
    await person(user, 'one_per_week');
    const [first, second, third] = [
      await invite([topic.mentoring]),
      await invite([topic.mentoring]),
      await invite([topic.mentoring]),
    ];
    expect(await reserve(first.invitationId, user)).toHaveProperty('payload');
    expect(await reserve(second.invitationId, user)).toEqual({ skip: 'cap' });
    // The first was skipped after all (the post failed for good): its unit is free again.
    await markSkipped(s.db, first.invitationId, user, 'failed: channel_not_found');
    expect(await recipientOf(first.invitationId, user)).toMatchObject({
      delivery: 'skipped',
      cap_reserved_at: null,
    });
    expect(await reserve(second.invitationId, user)).toHaveProperty('payload');
    expect(await reserve(third.invitationId, user, new Date(NOW.getTime() + 7 * DAY - 1))).toEqual({
      skip: 'cap',
    });
    expect(await reserve(third.invitationId, user, new Date(NOW.getTime() + 7 * DAY))).toHaveProperty(
      'payload',
    );
  });

  it('two invitations checked at once for one person under a one-a-week cap: one goes', async () => {
    const users = ['UCAP11', 'UCAP12', 'UCAP13'];
    for (const u of users) await person(u, 'one_per_week');
    const [a, b] = [await invite([topic.mentoring]), await invite([topic.mentoring])];
    const decisions = await Promise.all(
      users.flatMap((u) => [reserve(a.invitationId, u), reserve(b.invitationId, u)]),
    );
    for (const [i, u] of users.entries()) {
      const mine = decisions.slice(2 * i, 2 * i + 2);
      expect(mine.filter((d) => 'payload' in d)).toHaveLength(1);
      expect(mine.filter((d) => 'skip' in d)).toEqual([{ skip: 'cap' }]);
      const held = [await recipientOf(a.invitationId, u), await recipientOf(b.invitationId, u)].filter(
        (r) => r?.cap_reserved_at,
      );
      expect(held).toHaveLength(1);
    }
  });
});

describe('someone away', () => {
  it('has the invitation held until they are back, still queued', async () => {
    const user = 'UAWAY1';
    await optInAt(user, [topic.mentoring]);
    await knownAs(user);
    const sent = await invite([topic.mentoring]);
    await s.db
      .insertInto('away_periods')
      .values({ user_id: user, first_day: '2026-11-23', last_day: '2026-11-27', set_by: user })
      .execute();
    const gate = await invitationGate(s.deps, s.people, sent.invitationId, user, NOW);
    const row = await recipientOf(sent.invitationId, user);
    expect(row).toMatchObject({ delivery: 'queued', skip_reason: null, cap_reserved_at: null });
    // Held (deferred, not skipped) until after the last day away, never before.
    expect(gate).toEqual({ defer: row?.deferred_until, reason: 'away' });
    expect(row?.deferred_until?.getTime()).toBeGreaterThanOrEqual(new Date('2026-11-27T23:00:00Z').getTime());
    // Asked again before that moment, the gate keeps the same one (no drift, no new slot).
    expect(
      await invitationGate(s.deps, s.people, sent.invitationId, user, new Date(NOW.getTime() + 3_600_000)),
    ).toEqual(gate);
  });
});
