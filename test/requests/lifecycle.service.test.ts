// The features load in the app's order (they reach each other through their index files, in a
// cycle): imported on its own first, a feature file would read a module still loading.
import '../../src/features';
import { REQUEST_STATUSES } from '../../src/db/enums';
import type { RequestStatus } from '../../src/db/schema';
import {
  assignRequest,
  cancelRequest,
  claimRequest,
  closeRequest,
  declineRequest,
  deliverRequest,
  reopenRequest,
  startRequest,
  type TransitionResult,
  unclaimRequest,
} from '../../src/features/requests/lifecycle';
import { submitRequest } from '../../src/features/requests/service';
import { LEAD, openServiceDb, PMO_CHANNEL, type ServiceDb } from '../support/service-db';

/**
 * The request lifecycle's conditional updates, straight on the database: who wins a race, what
 * a stale or forged step changes (nothing), and what each step writes (one event, its messages).
 */

const REQUESTER = 'UREQ1';
const MEMBER_A = 'UMEMA';
const MEMBER_B = 'UMEMB';
const RETIRED_MEMBER = 'UMEMX';
const OUTSIDER = 'UOUT1';
const DAY = 86_400_000;

let s: ServiceDb;
let submissions = 0;
let serviceId = 0;

beforeAll(async () => {
  s = await openServiceDb({ now: '2026-11-24T09:00:00Z' });
  serviceId = (
    await s.db
      .selectFrom('services')
      .select('id')
      .where('slug', '=', 'change-management')
      .executeTakeFirstOrThrow()
  ).id;
  for (const id of [REQUESTER, MEMBER_A, MEMBER_B, RETIRED_MEMBER, OUTSIDER, LEAD]) s.people.set({ id });
  await s.db
    .insertInto('members')
    .values([
      { slack_user_id: MEMBER_A, added_by: LEAD },
      { slack_user_id: MEMBER_B, added_by: LEAD },
      { slack_user_id: RETIRED_MEMBER, added_by: LEAD, active: false },
    ])
    .execute();
});
afterAll(() => s?.close());

/** Moves the clock a minute on, so every step's timestamps are its own. */
function tick(): Date {
  s.clock.advance(60_000);
  return s.clock.now();
}

async function fileRequest(submissionKey = `view-${++submissions}`) {
  tick();
  return submitRequest(s.deps, s.people, {
    submissionKey,
    requesterId: REQUESTER,
    form: {
      serviceId,
      project: 'Apollo',
      need: 'Plan the people side of the CRM',
      value: 'Sales adopt it in weeks',
      neededBy: null,
      impact: 'important',
      link: null,
    },
  });
}

/**
 * A request as filing leaves it: the row and its "new" event. Written straight, because the
 * form's path (targets from the working calendar, a wait estimate) costs a fifth of a second a
 * request, and it is tested once above; what follows goes through the lifecycle's services.
 */
async function filed(): Promise<number> {
  const at = tick();
  const row = await s.db
    .insertInto('requests')
    .values({
      submission_key: `view-${++submissions}`,
      requester_id: REQUESTER,
      service_id: serviceId,
      project: 'Apollo',
      need: 'Plan the people side of the CRM',
      expected_value: 'Sales adopt it in weeks',
      impact: 'important',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await s.db
    .insertInto('request_events')
    .values({ request_id: row.id, actor_id: REQUESTER, from_status: null, to_status: 'new', created_at: at })
    .execute();
  return row.id;
}

/** A new request taken through the lifecycle to `status` by the people who may. */
async function requestIn(status: RequestStatus): Promise<number> {
  const id = await filed();
  const must = async (step: Promise<TransitionResult>) => {
    const r = await step;
    if (!r.ok) throw new Error(`could not bring PMO-${id} to ${status}`);
  };
  tick();
  if (status === 'new') return id;
  if (status === 'declined') {
    await must(declineRequest(s.deps, id, LEAD, 'No capacity this quarter'));
    return id;
  }
  if (status === 'cancelled') {
    await must(cancelRequest(s.deps, id, REQUESTER));
    return id;
  }
  await must(claimRequest(s.deps, id, MEMBER_A));
  if (status === 'claimed') return id;
  tick();
  await must(startRequest(s.deps, id, MEMBER_A));
  if (status === 'in_progress') return id;
  tick();
  await must(deliverRequest(s.deps, id, MEMBER_A, { note: 'Plan shared', links: [] }));
  if (status === 'delivered') return id;
  tick();
  await must(closeRequest(s.deps, id, REQUESTER));
  return id;
}

const requestRow = (id: number) =>
  s.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventsOf = (id: number) =>
  s.db.selectFrom('request_events').selectAll().where('request_id', '=', id).orderBy('id').execute();
const outboxOf = (id: number) =>
  s.db
    .selectFrom('outbox')
    .select(['id', 'kind', 'channel', 'recipient_id', 'dedupe_key', 'status'])
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
const auditOf = (id: number) =>
  s.db
    .selectFrom('audit_log')
    .select(['actor_id', 'action', 'target_user_id', 'subject', 'created_at'])
    .where('subject', '=', `PMO-${id}`)
    .orderBy('id')
    .execute();

/** Everything a step may touch, to compare before and after. */
async function everything(id: number) {
  return {
    row: await requestRow(id),
    events: await eventsOf(id),
    outbox: await outboxOf(id),
    audit: await auditOf(id),
  };
}

describe('filing a request', () => {
  it('writes its "new" event, the confirmation DM and the triage post, once per submission', async () => {
    const first = await fileRequest('view-twice');
    const at = s.clock.now();
    const again = await submitRequest(s.deps, s.people, {
      submissionKey: 'view-twice',
      requesterId: REQUESTER,
      form: {
        serviceId: first.request.service_id,
        project: 'Apollo',
        need: 'Plan the people side of the CRM',
        value: 'Sales adopt it in weeks',
        neededBy: null,
        impact: 'important',
        link: null,
      },
    });
    const id = first.request.id;
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.request.id).toBe(id);
    expect(first.request).toMatchObject({
      status: 'new',
      requester_id: REQUESTER,
      owner_id: null,
      created_at: at,
    });
    expect((await eventsOf(id)).map((e) => [e.actor_id, e.from_status, e.to_status])).toEqual([
      [REQUESTER, null, 'new'],
    ]);
    expect(
      (await outboxOf(id)).map((o) => [o.kind, o.channel, o.recipient_id, o.dedupe_key, o.status]),
    ).toEqual([
      ['request.requester_dm', REQUESTER, REQUESTER, `request.${id}.created.dm`, 'pending'],
      ['request.triage_post', PMO_CHANNEL, null, `request.${id}.triage`, 'pending'],
    ]);
  });
});

describe('each step of the lifecycle', () => {
  interface StepCase {
    name: string;
    from: RequestStatus;
    act: (id: number) => Promise<TransitionResult | { ok: false; notMember: true }>;
    actor: string;
    to: RequestStatus;
    note?: string;
    /** Messages the step enqueues: kind, recipient and dedupe key (without the event id suffix). */
    messages: (id: number, eventId: number) => [string, string, string][];
    audit?: { action: string; target: string | null };
    /** Row fields the step sets, given the instant it ran at. */
    row: (at: Date) => Record<string, unknown>;
  }
  const requesterDm = (id: number, e: number): [string, string, string] => [
    'request.requester_dm',
    REQUESTER,
    `request.${id}.event.${e}.dm`,
  ];
  const CASES: StepCase[] = [
    {
      name: 'a member claims a new request',
      from: 'new',
      act: (id) => claimRequest(s.deps, id, MEMBER_A),
      actor: MEMBER_A,
      to: 'claimed',
      messages: (id, e) => [requesterDm(id, e)],
      row: (at) => ({ owner_id: MEMBER_A, claimed_at: at, first_response_at: at }),
    },
    {
      name: 'its owner unclaims it (the requester is not told)',
      from: 'claimed',
      act: (id) => unclaimRequest(s.deps, id, MEMBER_A),
      actor: MEMBER_A,
      to: 'new',
      messages: () => [],
      row: () => ({ owner_id: null, claimed_at: null }),
    },
    {
      name: 'a lead assigns a new request to a member',
      from: 'new',
      act: (id) => assignRequest(s.deps, id, LEAD, MEMBER_B),
      actor: LEAD,
      to: 'claimed',
      note: `assigned to ${MEMBER_B}`,
      messages: (id, e) => [
        requesterDm(id, e),
        ['request.member_dm', MEMBER_B, `request.${id}.assigned.${MEMBER_B}.dm.${e}`],
      ],
      audit: { action: 'request.assign', target: MEMBER_B },
      row: (at) => ({ owner_id: MEMBER_B, claimed_at: at, first_response_at: at }),
    },
    {
      name: 'a lead takes over a request another member holds',
      from: 'claimed',
      act: (id) => assignRequest(s.deps, id, LEAD, MEMBER_B),
      actor: LEAD,
      to: 'claimed',
      note: `assigned to ${MEMBER_B}`,
      messages: (id, e) => [
        requesterDm(id, e),
        ['request.member_dm', MEMBER_B, `request.${id}.assigned.${MEMBER_B}.dm.${e}`],
      ],
      audit: { action: 'request.assign', target: MEMBER_B },
      row: (at) => ({ owner_id: MEMBER_B, claimed_at: at }),
    },
    {
      name: 'its owner starts it',
      from: 'claimed',
      act: (id) => startRequest(s.deps, id, MEMBER_A),
      actor: MEMBER_A,
      to: 'in_progress',
      messages: (id, e) => [requesterDm(id, e)],
      row: (at) => ({ owner_id: MEMBER_A, started_at: at }),
    },
    {
      name: 'its owner delivers it',
      from: 'in_progress',
      act: (id) =>
        deliverRequest(s.deps, id, MEMBER_A, { note: 'Stakeholder map', links: ['https://example.com/map'] }),
      actor: MEMBER_A,
      to: 'delivered',
      note: 'Stakeholder map',
      messages: (id, e) => [requesterDm(id, e)],
      row: (at) => ({
        delivered_at: at,
        delivery_note: 'Stakeholder map',
        delivery_links: 'https://example.com/map',
      }),
    },
    {
      name: 'the requester closes a delivered request (nobody else is told)',
      from: 'delivered',
      act: (id) => closeRequest(s.deps, id, REQUESTER),
      actor: REQUESTER,
      to: 'closed',
      messages: () => [],
      row: (at) => ({ closed_at: at }),
    },
    {
      name: 'the requester reopens it (its owner is told)',
      from: 'closed',
      act: (id) => reopenRequest(s.deps, id, REQUESTER),
      actor: REQUESTER,
      to: 'in_progress',
      messages: (id, e) => [['request.member_dm', MEMBER_A, `request.${id}.reopened.dm.${e}`]],
      row: () => ({ owner_id: MEMBER_A, delivered_at: null, closed_at: null }),
    },
    {
      name: 'a lead declines a new request',
      from: 'new',
      act: (id) => declineRequest(s.deps, id, LEAD, 'No capacity this quarter'),
      actor: LEAD,
      to: 'declined',
      note: 'No capacity this quarter',
      messages: (id, e) => [requesterDm(id, e)],
      audit: { action: 'request.decline', target: null },
      row: (at) => ({ decline_reason: 'No capacity this quarter', closed_at: at, first_response_at: at }),
    },
    {
      name: 'the requester cancels a claimed request (its owner is told)',
      from: 'claimed',
      act: (id) => cancelRequest(s.deps, id, REQUESTER),
      actor: REQUESTER,
      to: 'cancelled',
      messages: (id, e) => [['request.member_dm', MEMBER_A, `request.${id}.cancelled.dm.${e}`]],
      row: (at) => ({ closed_at: at }),
    },
    {
      name: 'the requester cancels a new request (nobody to tell)',
      from: 'new',
      act: (id) => cancelRequest(s.deps, id, REQUESTER),
      actor: REQUESTER,
      to: 'cancelled',
      messages: () => [],
      // Withdrawing is not the PMO answering.
      row: (at) => ({ closed_at: at, first_response_at: null }),
    },
  ];

  it.each(CASES)('$name: one event, its messages, once', async (c) => {
    const id = await requestIn(c.from);
    const before = await everything(id);
    const kicks = s.kicks;
    const at = tick();

    const result = await c.act(id);
    if (!result.ok) throw new Error(`${c.name} was refused`);
    expect(result.request).toMatchObject({ id, status: c.to, updated_at: at, ...c.row(at) });
    expect(await requestRow(id)).toMatchObject({ status: c.to, updated_at: at, ...c.row(at) });

    const events = (await eventsOf(id)).slice(before.events.length);
    expect(events).toEqual([
      expect.objectContaining({
        id: result.eventId,
        actor_id: c.actor,
        from_status: c.from,
        to_status: c.to,
        note: c.note ?? null,
        created_at: at,
      }),
    ]);
    const queued = (await outboxOf(id)).slice(before.outbox.length);
    expect(queued.map((o) => [o.kind, o.recipient_id, o.dedupe_key])).toEqual(c.messages(id, result.eventId));
    // A DM goes to the person's own id: the channel is the recipient.
    for (const o of queued) expect([o.channel, o.status]).toEqual([o.recipient_id, 'pending']);
    expect((await auditOf(id)).slice(before.audit.length)).toEqual(
      c.audit
        ? [
            {
              actor_id: c.actor,
              action: c.audit.action,
              target_user_id: c.audit.target,
              subject: `PMO-${id}`,
              created_at: at,
            },
          ]
        : [],
    );
    expect(s.kicks).toBe(kicks + 1);

    // The same click again (a retry, a double click) finds the row moved on: nothing more.
    const after = await everything(id);
    tick();
    const again = await c.act(id);
    expect(again.ok).toBe(false);
    expect(await everything(id)).toEqual(after);
    expect(s.kicks).toBe(kicks + 1);
  });
});

describe('a step from the wrong state', () => {
  // Every state there is (the database's list); where a step may start is written out below.
  const STATUSES = REQUEST_STATUSES;
  /** Where each step may start, as the lifecycle promises it (written out, not read from the code). */
  const ALLOWED: Record<string, RequestStatus[]> = {
    claim: ['new'],
    assign: ['new', 'claimed'],
    decline: ['new', 'claimed'],
    start: ['claimed'],
    deliver: ['claimed', 'in_progress'],
    unclaim: ['claimed'],
    cancel: ['new', 'claimed', 'in_progress'],
    close: ['delivered'],
    reopen: ['delivered', 'closed'],
  };
  // The people entitled to each step (a lead bypasses who holds it), so only the state refuses.
  const ACT: Record<string, (id: number) => Promise<{ ok: boolean }>> = {
    claim: (id) => claimRequest(s.deps, id, MEMBER_B),
    assign: (id) => assignRequest(s.deps, id, LEAD, MEMBER_B),
    decline: (id) => declineRequest(s.deps, id, LEAD, 'Out of scope'),
    start: (id) => startRequest(s.deps, id, LEAD),
    deliver: (id) => deliverRequest(s.deps, id, LEAD, { note: 'Done', links: [] }),
    unclaim: (id) => unclaimRequest(s.deps, id, LEAD),
    cancel: (id) => cancelRequest(s.deps, id, REQUESTER),
    close: (id) => closeRequest(s.deps, id, REQUESTER),
    reopen: (id) => reopenRequest(s.deps, id, REQUESTER),
  };
  const REFUSED = Object.entries(ALLOWED).flatMap(([action, from]) =>
    STATUSES.filter((st) => !from.includes(st)).map((status) => ({ action, status })),
  );

  const inStatus = new Map<RequestStatus, number>();
  beforeAll(async () => {
    for (const st of STATUSES) inStatus.set(st, await requestIn(st));
  });

  it.each(REFUSED)(
    '$action on a $status request is refused and changes nothing',
    async ({ action, status }) => {
      const id = inStatus.get(status)!;
      const before = await everything(id);
      const kicks = s.kicks;
      tick();
      const result = (await ACT[action]!(id)) as TransitionResult;
      expect(result.ok).toBe(false);
      // The refusal carries the request as it is, so the clicker can be told why.
      if (!result.ok) expect(result.current).toMatchObject({ id, status });
      expect(await everything(id)).toEqual(before);
      expect(s.kicks).toBe(kicks);
    },
  );
});

describe('who may take a step', () => {
  const CASES: { name: string; from: RequestStatus; act: (id: number) => Promise<{ ok: boolean }> }[] = [
    { name: 'someone outside the PMO claims', from: 'new', act: (id) => claimRequest(s.deps, id, OUTSIDER) },
    {
      name: 'the requester claims their own request',
      from: 'new',
      act: (id) => claimRequest(s.deps, id, REQUESTER),
    },
    {
      name: 'a member no longer active claims',
      from: 'new',
      act: (id) => claimRequest(s.deps, id, RETIRED_MEMBER),
    },
    {
      name: 'someone outside the PMO declines',
      from: 'new',
      act: (id) => declineRequest(s.deps, id, OUTSIDER, 'No'),
    },
    { name: 'another member starts it', from: 'claimed', act: (id) => startRequest(s.deps, id, MEMBER_B) },
    {
      name: 'another member delivers it',
      from: 'in_progress',
      act: (id) => deliverRequest(s.deps, id, MEMBER_B, { note: 'Mine now', links: [] }),
    },
    {
      name: 'another member unclaims it',
      from: 'claimed',
      act: (id) => unclaimRequest(s.deps, id, MEMBER_B),
    },
    {
      name: 'another member declines it',
      from: 'claimed',
      act: (id) => declineRequest(s.deps, id, MEMBER_B, 'No'),
    },
    {
      name: 'another member takes it over',
      from: 'claimed',
      act: (id) => assignRequest(s.deps, id, MEMBER_B, MEMBER_B),
    },
    {
      name: 'a member cancels for the requester',
      from: 'claimed',
      act: (id) => cancelRequest(s.deps, id, MEMBER_A),
    },
    { name: 'a lead cancels for the requester', from: 'new', act: (id) => cancelRequest(s.deps, id, LEAD) },
    {
      name: 'the owner closes for the requester',
      from: 'delivered',
      act: (id) => closeRequest(s.deps, id, MEMBER_A),
    },
    {
      name: 'the owner reopens for the requester',
      from: 'delivered',
      act: (id) => reopenRequest(s.deps, id, MEMBER_A),
    },
    {
      name: 'a lead assigns to someone outside the PMO',
      from: 'new',
      act: (id) => assignRequest(s.deps, id, LEAD, OUTSIDER),
    },
    {
      name: 'a lead assigns to a member no longer active',
      from: 'new',
      act: (id) => assignRequest(s.deps, id, LEAD, RETIRED_MEMBER),
    },
    {
      name: 'a lead assigns to something not a user id',
      from: 'new',
      act: (id) => assignRequest(s.deps, id, LEAD, 'nobody'),
    },
  ];

  it.each(CASES)('refused when $name: nothing changes', async (c) => {
    const id = await requestIn(c.from);
    const before = await everything(id);
    const kicks = s.kicks;
    tick();
    expect((await c.act(id)).ok).toBe(false);
    expect(await everything(id)).toEqual(before);
    expect(s.kicks).toBe(kicks);
  });

  it('an assignment to a non-member says so', async () => {
    const id = await requestIn('new');
    expect(await assignRequest(s.deps, id, LEAD, OUTSIDER)).toEqual({ ok: false, notMember: true });
  });

  it('a lead may act on a request another member holds', async () => {
    const id = await requestIn('claimed');
    const started = await startRequest(s.deps, id, LEAD);
    expect(started.ok && started.request).toMatchObject({ status: 'in_progress', owner_id: MEMBER_A });
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      actor_id: LEAD,
      from_status: 'claimed',
      to_status: 'in_progress',
    });
  });

  it.each([
    { when: 'exactly 14 days after delivery', after: 14 * DAY, ok: true },
    { when: 'a millisecond later', after: 14 * DAY + 1, ok: false },
  ])('a reopen $when: allowed $ok', async ({ after, ok }) => {
    const id = await requestIn('delivered');
    const { delivered_at } = await requestRow(id);
    s.clock.set(new Date(delivered_at!.getTime() + after));
    const before = await everything(id);
    const result = await reopenRequest(s.deps, id, REQUESTER);
    expect(result.ok).toBe(ok);
    if (!ok) expect(await everything(id)).toEqual(before);
    else expect(await requestRow(id)).toMatchObject({ status: 'in_progress', delivered_at: null });
  });
});

describe('two clicks at once', () => {
  it('two members claiming one request: exactly one owner, the other told who has it', async () => {
    // Several requests raced at once, so an interleaving that lets both through has many chances.
    const ids = await Promise.all(Array.from({ length: 4 }, () => requestIn('new')));
    tick();
    const results = await Promise.all(
      ids.flatMap((id) => [
        claimRequest(s.deps, id, MEMBER_A),
        claimRequest(s.deps, id, MEMBER_B),
        claimRequest(s.deps, id, LEAD),
      ]),
    );
    for (const [i, id] of ids.entries()) {
      const mine = results.slice(3 * i, 3 * i + 3);
      const won = mine.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      const winner = won[0]!.ok ? won[0]!.request.owner_id : undefined;
      expect([MEMBER_A, MEMBER_B, LEAD]).toContain(winner);
      for (const lost of mine.filter((r) => !r.ok))
        expect(lost).toEqual({
          ok: false,
          current: expect.objectContaining({ id, status: 'claimed', owner_id: winner }),
        });
      expect(await requestRow(id)).toMatchObject({ status: 'claimed', owner_id: winner });
      expect((await eventsOf(id)).map((e) => [e.actor_id, e.to_status])).toEqual([
        [REQUESTER, 'new'],
        [winner, 'claimed'],
      ]);
      expect((await outboxOf(id)).filter((o) => o.kind === 'request.requester_dm')).toHaveLength(1);
    }
  });

  it('the owner delivering while the requester cancels: one of them wins, the other changes nothing', async () => {
    const ids = await Promise.all(Array.from({ length: 4 }, () => requestIn('in_progress')));
    const queuedBefore = new Map(
      await Promise.all(ids.map(async (id) => [id, (await outboxOf(id)).length] as const)),
    );
    tick();
    const results = await Promise.all(
      ids.flatMap((id) => [
        deliverRequest(s.deps, id, MEMBER_A, { note: 'Done', links: [] }),
        cancelRequest(s.deps, id, REQUESTER),
      ]),
    );
    for (const [i, id] of ids.entries()) {
      const [delivered, cancelled] = [results[2 * i]!, results[2 * i + 1]!];
      expect([delivered.ok, cancelled.ok].filter(Boolean)).toHaveLength(1);
      const to = delivered.ok ? 'delivered' : 'cancelled';
      expect((await requestRow(id)).status).toBe(to);
      expect((await eventsOf(id)).map((e) => e.to_status)).toEqual(['new', 'claimed', 'in_progress', to]);
      // The winner's message and no other: the requester hears of a delivery, the owner of a cancel.
      const queued = (await outboxOf(id)).slice(queuedBefore.get(id));
      expect(queued.map((o) => [o.kind, o.recipient_id])).toEqual(
        to === 'delivered' ? [['request.requester_dm', REQUESTER]] : [['request.member_dm', MEMBER_A]],
      );
    }
  });
});
