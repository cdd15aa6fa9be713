// The features load in the app's order (they reach each other through their index files, in a
// cycle): imported on its own first, a feature file would read a module still loading.
import '../../src/features';
import { recordDetails, recordRating } from '../../src/features/checkins/service';
import { optIn, optOut, pause } from '../../src/features/consent/service';
import { digestFigures } from '../../src/features/digest/figures';
import type { PeriodFigures, WeekFigures } from '../../src/features/digest/history';
import { computeDigest, type DigestData, isQuietWeek } from '../../src/features/digest/service';
import { markDelivered, markSkipped } from '../../src/features/invitations/delivery';
import { rsvpDecline, rsvpGoing } from '../../src/features/invitations/rsvp';
import {
  cancelRequest,
  claimRequest,
  declineRequest,
  deliverRequest,
  startRequest,
} from '../../src/features/requests/lifecycle';
import { LEAD, openServiceDb, type ServiceDb } from '../support/service-db';

/**
 * The digest's figures from a known history: claims, deliveries, declines, check-ins, consent
 * changes and invitation deliveries written by the services themselves, the clock set to each
 * instant (requests are filed straight into their table). The weeks are Europe/Paris weeks; the previous one holds the end of summer
 * time (Sunday 25 October 2026, 03:00 CEST → 02:00 CET), so it is 169 hours long, and rows sit
 * exactly on the bounds and a millisecond either side of them.
 */

const TZ = 'Europe/Paris';
/** Monday 2 November 2026, 10:00 in Paris: the digest's run. */
const NOW = '2026-11-02T09:00:00Z';

// Local midnights that bound the 8 weeks, written out: the digest must find the same ones.
const B0 = '2026-09-06T22:00:00.000Z'; // Mon 7 Sep, CEST
const B5 = '2026-10-11T22:00:00.000Z'; // Mon 12 Oct
const B6 = '2026-10-18T22:00:00.000Z'; // Mon 19 Oct: the previous period
const B7 = '2026-10-25T23:00:00.000Z'; // Mon 26 Oct, CET: the current period
const B8 = '2026-11-01T23:00:00.000Z'; // Mon 2 Nov: today, outside every figure

/** An instant `ms` milliseconds from `iso`. */
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();
const H = 3_600_000;

const MEMBER_CM = 'UMEMCM'; // skilled in change management
const MEMBER_OD = 'UMEMOD'; // skilled in organisational design
const MEMBER_GONE = 'UMEMXX'; // no longer active: supplies nothing

let s: ServiceDb;
let digest: DigestData;
const req: Record<string, number> = {};

async function at<T>(instant: string, act: () => Promise<T>): Promise<T> {
  s.clock.set(instant);
  return act();
}

const serviceIds: Record<string, number> = {};
let filed = 0;
/**
 * A request filed at `created`, as submitting one leaves it (the row and its first event). The
 * form's own path (targets from the working calendar, the wait estimate) is tested elsewhere and
 * costs a fifth of a second a request; the lifecycle steps after it go through the services.
 */
async function file(name: string, requester: string, service: string, created: string) {
  const row = await s.db
    .insertInto('requests')
    .values({
      submission_key: `digest-${++filed}`,
      requester_id: requester,
      service_id: serviceIds[service]!,
      project: 'Apollo',
      need: 'Help',
      expected_value: 'Value',
      impact: 'important',
      created_at: created,
      updated_at: created,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.db
    .insertInto('request_events')
    .values({
      request_id: row.id,
      actor_id: requester,
      from_status: null,
      to_status: 'new',
      created_at: created,
    })
    .execute();
  req[name] = row.id;
}

async function ok(step: Promise<{ ok: boolean }>, what: string) {
  if (!(await step).ok) throw new Error(`seed step refused: ${what}`);
}
const claim = (name: string, instant: string, member = MEMBER_CM) =>
  at(instant, () => ok(claimRequest(s.deps, req[name]!, member), `claim ${name}`));
const deliver = (name: string, instant: string, member = MEMBER_CM) =>
  at(instant, () =>
    ok(deliverRequest(s.deps, req[name]!, member, { note: 'Done', links: [] }), `deliver ${name}`),
  );
const decline = (name: string, instant: string) =>
  at(instant, () => ok(declineRequest(s.deps, req[name]!, LEAD, 'Not for the PMO'), `decline ${name}`));

let checkinSeq = 0;
/** A delivery check-in sent to `user` and rated at `instant` (and commented, if given). */
async function rate(
  name: string,
  user: string,
  rating: number,
  instant: string,
  comments: { whatChanged?: string; couldBeBetter?: string } = {},
) {
  const row = await s.db
    .insertInto('checkins')
    .values({
      kind: 'delivery',
      request_id: req[name]!,
      sequence: ++checkinSeq,
      user_id: user,
      due_at: plus(instant, -H),
      status: 'sent',
      sent_at: plus(instant, -H),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const outcome = await recordRating(s.deps, {
    checkinId: row.id,
    userId: user,
    rating,
    now: new Date(instant),
  });
  if (outcome.status !== 'recorded') throw new Error(`rating not recorded for ${name}`);
  if (comments.whatChanged || comments.couldBeBetter) {
    await recordDetails(s.db, {
      checkinId: row.id,
      userId: user,
      whatChanged: comments.whatChanged ?? null,
      couldBeBetter: comments.couldBeBetter ?? null,
      followupAgreed: false,
    });
  }
}

let invitations = 0;
/** An invitation queued for `users` (as the fan-out leaves it). */
async function invitation(topicId: number, users: string[], seats: number | null = null): Promise<number> {
  const row = await s.db
    .insertInto('invitations')
    .values({
      submission_key: `digest-invitation-${++invitations}`,
      created_by: LEAD,
      title: 'Clinic',
      message: 'Come along',
      mode: 'dm',
      seats,
      created_at: B0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.db.insertInto('invitation_topics').values({ invitation_id: row.id, topic_id: topicId }).execute();
  await s.db
    .insertInto('invitation_recipients')
    .values(users.map((user_id) => ({ invitation_id: row.id, user_id, topic_id: topicId })))
    .execute();
  return row.id;
}
const delivered = (invitationId: number, user: string, instant: string) =>
  markDelivered(
    s.db,
    invitationId,
    user,
    { channel: `D${user}`, ts: `${Date.parse(instant) / 1000}` },
    new Date(instant),
  );

const topicIds: Record<string, number> = {};
const optInAt = (user: string, slugs: string[], instant: string) =>
  optIn(
    s.db,
    user,
    slugs.map((t) => topicIds[t]!),
    'optin_modal',
    new Date(instant),
  );
const optOutAt = (user: string, slugs: string[], instant: string) =>
  optOut(
    s.deps,
    user,
    slugs.map((t) => topicIds[t]!),
    'home',
    new Date(instant),
  );

beforeAll(async () => {
  s = await openServiceDb({ now: NOW, env: { PMO_TIMEZONE: TZ } });
  for (const row of await s.db.selectFrom('services').select(['id', 'slug']).execute())
    serviceIds[row.slug] = row.id;
  for (const row of await s.db.selectFrom('topics').select(['id', 'slug']).execute())
    topicIds[row.slug] = row.id;
  await s.db
    .insertInto('members')
    .values([
      { slack_user_id: MEMBER_CM, added_by: LEAD },
      { slack_user_id: MEMBER_OD, added_by: LEAD },
      { slack_user_id: MEMBER_GONE, added_by: LEAD, active: false },
    ])
    .execute();
  await s.db
    .insertInto('member_skills')
    .values([
      { member_id: MEMBER_CM, service_id: serviceIds['change-management']! },
      { member_id: MEMBER_OD, service_id: serviceIds['organisational-design']! },
      { member_id: MEMBER_GONE, service_id: serviceIds['training-mentoring']! },
    ])
    .execute();

  // --- Requests. Hours to claim / deliver are in real (UTC) time, whatever the clocks did.
  // Before the window: filed, claimed and delivered in August (delivered 2 h before it opens).
  await file('R18', 'URL', 'change-management', '2026-08-03T08:00:00Z');
  await claim('R18', '2026-08-03T10:00:00Z');
  await deliver('R18', '2026-09-06T20:00:00Z'); // 828 h
  // Filed before the window, claimed in its first week (12 h).
  await file('R0', 'URA', 'change-management', '2026-09-06T20:00:00Z');
  await claim('R0', '2026-09-07T08:00:00Z');
  // A millisecond before the window: in none of its weeks; withdrawn since.
  await file('R19', 'URM', 'change-management', plus(B0, -1));
  await at('2026-09-07T10:00:00Z', () => ok(cancelRequest(s.deps, req.R19!, 'URM'), 'cancel R19'));
  // Week 0, on its first instant; claimed 6 h later.
  await file('R1', 'URA', 'change-management', B0);
  await claim('R1', plus(B0, 6 * H));
  // Week 3: claimed in 2 h and delivered in 48 h; a decline; the week's very last millisecond.
  await file('R3', 'URC', 'change-management', '2026-09-29T08:00:00Z');
  await claim('R3', '2026-09-29T10:00:00Z');
  await deliver('R3', '2026-10-01T08:00:00Z');
  await file('R4', 'URC', 'change-management', '2026-09-30T08:00:00Z');
  await decline('R4', '2026-09-30T12:00:00Z');
  await file('R5', 'URD', 'change-management', '2026-10-04T21:59:59.999Z');
  // Week 5: claimed in half an hour, delivered a week later (week 6, 168 h); its last millisecond.
  await file('R6', 'URE', 'change-management', '2026-10-13T08:00:00Z');
  await claim('R6', '2026-10-13T08:30:00Z');
  await deliver('R6', '2026-10-20T08:00:00Z');
  await file('R9', 'URG', 'change-management', plus(B6, -1));
  // Week 6 (the previous period, 169 h long).
  await file('R7', 'URF', 'change-management', B6);
  await claim('R7', '2026-10-19T04:00:00Z'); // 6 h
  // 00:30 on Monday in Paris, 23:30 on Sunday in UTC+1.
  await file('R8', 'URF', 'change-management', '2026-10-18T22:30:00Z');
  await decline('R8', '2026-10-20T10:00:00Z');
  // Claimed across the change of time: 24 h, though the wall clock moved 23.
  await file('R10', 'URG', 'stakeholder-management', '2026-10-24T10:00:00Z');
  await claim('R10', '2026-10-25T10:00:00Z', MEMBER_OD);
  // 23:00 on Sunday in Paris (CET): still the previous period, though midnight in CEST.
  await deliver('R10', '2026-10-25T22:00:00Z', MEMBER_OD); // 36 h
  // 23:30 on Sunday in Paris; declined in the current period.
  await file('R11', 'URH', 'stakeholder-management', '2026-10-25T22:30:00Z');
  await decline('R11', '2026-10-26T09:00:00Z');
  // Week 7 (the current period).
  await file('R12', 'URI', 'change-management', B7);
  await claim('R12', '2026-10-26T02:00:00Z'); // 3 h
  await deliver('R12', '2026-10-28T23:00:00Z'); // 72 h
  await file('R13', 'URI', 'change-management', '2026-10-27T09:00:00Z');
  await claim('R13', '2026-10-27T10:00:00Z'); // 1 h
  await deliver('R13', '2026-10-31T09:00:00Z'); // 96 h
  await file('R14', 'URI', 'change-management', '2026-10-28T09:00:00Z');
  await file('R15', 'URJ', 'tools-templates', plus(B8, -1));
  // Today: in no period; its requester is no repeat requester for it.
  await file('R16', 'URJ', 'tools-templates', B8);
  await file('R17', 'URK', 'change-management', '2026-10-29T09:00:00Z');
  await claim('R17', '2026-10-29T14:00:00Z'); // 5 h
  await at('2026-10-30T09:00:00Z', () => ok(startRequest(s.deps, req.R17!, MEMBER_CM), 'start R17'));
  await deliver('R17', B8); // today: no period's delivery

  // --- Check-ins, rated (and commented) at known instants.
  await rate('R3', 'URC', 4, '2026-10-02T10:00:00Z');
  await rate('R6', 'URE', 5, '2026-10-21T10:00:00Z');
  await rate('R10', 'URG', 2, '2026-10-25T22:30:00Z'); // 23:30 Sunday in Paris: previous period
  await rate('R10', 'URG', 4, B7, { whatChanged: '  Clearer roles  ' });
  await rate('R12', 'URI', 4, '2026-10-29T10:00:00Z', { whatChanged: 'Sales adopted faster' });
  await rate('R6', 'URE', 3, '2026-10-30T10:00:00Z', { couldBeBetter: 'Earlier kickoff' });
  await rate('R13', 'URI', 5, '2026-11-01T10:00:00Z');
  await rate('R17', 'URK', 1, B8); // today

  // --- Consent: opt-ins per topic, opt-outs; pauses are neither.
  await optInAt('UC6', ['team-coaching'], plus(B0, -1));
  await optInAt('UC1', ['team-coaching', 'mentoring'], B0);
  await optInAt('UC3', ['change-clinics'], '2026-10-18T22:30:00Z');
  await optOutAt('UC1', ['mentoring'], '2026-10-20T10:00:00Z');
  await optInAt('UC2', ['change-clinics'], plus(B7, -1));
  await optInAt('UC4', ['mentoring'], B7);
  await pause(s.db, 'UC4', '2026-11-20', 'home', new Date('2026-10-28T10:00:00Z'));
  await optInAt('UC5', ['mentoring'], '2026-10-30T10:00:00Z');
  await optOutAt('UC5', ['mentoring'], B8);

  // --- Invitations delivered (and answered) at known instants.
  const older = await invitation(topicIds['change-clinics']!, ['UV1']);
  await delivered(older, 'UV1', '2026-09-10T09:00:00Z');
  await rsvpGoing(s.db, older, 'UV1', new Date('2026-09-10T10:00:00Z'), TZ);
  const oneSeat = await invitation(topicIds['change-clinics']!, ['UV1', 'UV2', 'UV3'], 1);
  await delivered(oneSeat, 'UV1', '2026-10-19T09:00:00Z');
  await delivered(oneSeat, 'UV2', plus(B7, -1));
  await delivered(oneSeat, 'UV3', B7);
  expect(await rsvpGoing(s.db, oneSeat, 'UV1', new Date('2026-10-27T09:00:00Z'), TZ)).toBe('going');
  expect(await rsvpGoing(s.db, oneSeat, 'UV2', new Date('2026-10-27T10:00:00Z'), TZ)).toBe('waitlist');
  await rsvpDecline(s.deps, oneSeat, 'UV3', new Date('2026-10-27T11:00:00Z'));
  const open = await invitation(topicIds.mentoring!, ['UV4', 'UV5', 'UV6', 'UV7', 'UV8']);
  await delivered(open, 'UV4', '2026-10-30T09:00:00Z');
  await rsvpGoing(s.db, open, 'UV4', new Date('2026-10-30T10:00:00Z'), TZ);
  await delivered(open, 'UV5', '2026-10-31T09:00:00Z');
  await markSkipped(s.db, open, 'UV6', 'paused');
  await delivered(open, 'UV7', B8); // today
  // UV8 is still queued.

  digest = await computeDigest(s.db, new Date(NOW), TZ);
});
afterAll(() => s?.close());

const NONE: PeriodFigures = {
  newRequests: 0,
  delivered: 0,
  declined: 0,
  medianHoursToClaim: null,
  medianHoursToDeliver: null,
  answers: 0,
  averageRating: null,
  optIns: 0,
  optOuts: 0,
  invitationsSent: 0,
  rsvpYes: 0,
  repeatRequesters: 0,
};
const week = (firstDay: string, figures: Partial<PeriodFigures> = {}): WeekFigures => ({
  firstDay,
  ...NONE,
  ...figures,
});
const withoutDay = ({ firstDay: _firstDay, ...figures }: WeekFigures): PeriodFigures => figures;

/** The 8 weeks to 1 November, every figure of each, worked out by hand from the history above. */
const WEEKS: WeekFigures[] = [
  week('2026-09-07', { newRequests: 1, medianHoursToClaim: 9, optIns: 2, invitationsSent: 1, rsvpYes: 1 }),
  week('2026-09-14'),
  week('2026-09-21'),
  week('2026-09-28', {
    newRequests: 3,
    delivered: 1,
    declined: 1,
    medianHoursToClaim: 2,
    medianHoursToDeliver: 48,
    answers: 1,
    averageRating: 4,
    repeatRequesters: 1,
  }),
  week('2026-10-05'),
  week('2026-10-12', { newRequests: 2, medianHoursToClaim: 0.5 }),
  week('2026-10-19', {
    newRequests: 4,
    delivered: 2,
    declined: 1,
    medianHoursToClaim: 15,
    medianHoursToDeliver: 102,
    answers: 2,
    averageRating: 3.5,
    optIns: 2,
    optOuts: 1,
    invitationsSent: 2,
    rsvpYes: 2,
    repeatRequesters: 1,
  }),
  week('2026-10-26', {
    newRequests: 5,
    delivered: 2,
    declined: 1,
    medianHoursToClaim: 3,
    medianHoursToDeliver: 84,
    answers: 4,
    averageRating: 4,
    optIns: 2,
    invitationsSent: 3,
    rsvpYes: 1,
    repeatRequesters: 1,
  }),
];

describe('the digest of 2 November in Paris', () => {
  it('covers the 7 local days before today, and the 7 before those (169 hours: the clocks went back)', () => {
    expect(digest.period).toEqual({
      previousStart: new Date(B6),
      start: new Date(B7),
      end: new Date(B8),
      firstDay: '2026-10-26',
      lastDay: '2026-11-01',
      runKey: '2026-10-26',
    });
    expect(digest.period.start.getTime() - digest.period.previousStart.getTime()).toBe(169 * H);
  });

  it.each(WEEKS.map((w, i) => ({ i, w })))('week $i (from $w.firstDay): every figure', ({ i, w }) => {
    expect(digest.history.weeks[i]).toEqual(w);
  });

  it('has the 8 weeks and no more, oldest first', () => {
    expect(digest.history.weeks.map((w) => w.firstDay)).toEqual(WEEKS.map((w) => w.firstDay));
  });

  it('the current period is the last week, the previous one the week before', () => {
    expect(digest.current).toEqual(withoutDay(WEEKS[7]!));
    expect(digest.previous).toEqual(withoutDay(WEEKS[6]!));
    expect(digest.current).toEqual(withoutDay(digest.history.weeks[7]!));
    expect(digest.previous).toEqual(withoutDay(digest.history.weeks[6]!));
  });

  it('the 8-week medians are over every claim and delivery in the window, not medians of medians', () => {
    // Claims: 0.5, 1, 2, 3, 5, 6, 6, 12, 24 h; deliveries: 36, 48, 72, 96, 168 h.
    expect(digest.history).toMatchObject({ medianHoursToClaim: 5, medianHoursToDeliver: 72 });
  });

  it('demand by service against supply, what is waiting, and in progress', () => {
    expect(digest.services).toEqual([
      { name: 'Tools & templates', current: 1, previous: 0, members: 0 },
      { name: 'Organisational design', current: 0, previous: 0, members: 1 },
      { name: 'Change management', current: 4, previous: 2, members: 1 },
      { name: 'Stakeholder management', current: 0, previous: 2, members: 0 },
    ]);
    // Waiting now, whenever filed: R5, R9, R14, R15 and today's R16.
    expect(digest.unclaimed).toBe(5);
    expect(digest.oldestWaiting).toEqual({
      requestId: req.R5,
      createdAt: new Date('2026-10-04T21:59:59.999Z'),
    });
    // R0, R1 and R7 are claimed; nothing else is open with an owner.
    expect(digest.inProgress).toBe(3);
    expect(isQuietWeek(digest)).toBe(false);
  });

  it('the ratings of the period, and its comments (three people answered), sorted by text', () => {
    expect(digest.distribution).toEqual([0, 0, 1, 2, 1]);
    expect(digest.comments).toEqual(['Clearer roles', 'Earlier kickoff', 'Sales adopted faster']);
  });

  it('who is opted in to each topic now', () => {
    expect(digest.optedInByTopic).toEqual([
      { topic: 'Team coaching', people: 2 },
      { topic: 'Mentoring', people: 1 },
      { topic: 'Change management clinics', people: 2 },
    ]);
  });

  it('the benefits per service over the 8 weeks', () => {
    const nothingRealised = { yes: 0, partly: 0, not_yet: 0, no: 0 };
    expect(digest.benefits).toEqual([
      {
        name: 'Change management',
        delivered: 4,
        ratings: 5,
        averageRating: 4.2,
        realised: nothingRealised,
        realisedPeople: 0,
        quotes: [],
      },
      {
        name: 'Stakeholder management',
        delivered: 1,
        ratings: 2,
        averageRating: 3,
        realised: nothingRealised,
        realisedPeople: 0,
        quotes: [],
      },
    ]);
  });
});

describe('the digest a week earlier, whose current period is the one the clocks went back in', () => {
  let earlier: DigestData;
  beforeAll(async () => {
    earlier = await computeDigest(s.db, new Date('2026-10-26T09:00:00Z'), TZ);
  });

  it('covers 19 to 25 October', () => {
    expect(earlier.period).toEqual({
      previousStart: new Date(B5),
      start: new Date(B6),
      end: new Date(B7),
      firstDay: '2026-10-19',
      lastDay: '2026-10-25',
      runKey: '2026-10-19',
    });
  });

  it('finds the same figures for the weeks both cover, and its own first week', () => {
    expect(earlier.history.weeks).toEqual([
      // 31 Aug – 6 Sep: R0 and R19 filed, R18 delivered after 828 h, UC6 opted in.
      week('2026-08-31', { newRequests: 2, delivered: 1, medianHoursToDeliver: 828, optIns: 1 }),
      ...WEEKS.slice(0, 7),
    ]);
    expect(earlier.current).toEqual(withoutDay(WEEKS[6]!));
    expect(earlier.previous).toEqual(withoutDay(WEEKS[5]!));
  });

  it('has its own 8-week medians', () => {
    // Claims: 0.5, 2, 6, 6, 12, 24 h; deliveries: 36, 48, 168, 828 h.
    expect(earlier.history).toMatchObject({ medianHoursToClaim: 6, medianHoursToDeliver: 108 });
  });

  it('its demand, and no comments: two people answered', () => {
    expect(earlier.services).toEqual([
      { name: 'Organisational design', current: 0, previous: 0, members: 1 },
      { name: 'Change management', current: 2, previous: 2, members: 1 },
      { name: 'Stakeholder management', current: 2, previous: 0, members: 0 },
    ]);
    expect(earlier.distribution).toEqual([0, 1, 0, 0, 1]);
    expect(earlier.comments).toEqual([]);
  });
});

describe('the figures kept for screens that show them often', () => {
  it('read back exactly as computed: dates, nulls, lists, the library and the targets', async () => {
    const now = new Date(NOW);
    const computed = await computeDigest(s.db, now, TZ);
    const first = await digestFigures(s.db, now, TZ);
    // Within the interval the second read is the stored row, not a computation.
    const kept = await digestFigures(s.db, new Date(now.getTime() + 60_000), TZ);
    expect(first.asOf).toEqual(now);
    expect(kept.asOf).toEqual(now);
    expect(kept.data).toEqual(computed);
    expect(kept.data.period.start).toBeInstanceOf(Date);
  });
});
