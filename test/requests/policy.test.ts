import type { RequestStatus } from '../../src/db/schema';
import {
  type Actor,
  decide,
  guardFor,
  may,
  REOPEN_WINDOW_DAYS,
  type RequestAction,
  RULES,
  stepsFor,
  stepsOf,
} from '../../src/features/requests/policy';

/** Every status × action × role, against a table written out by hand. */

type Role = 'requester' | 'member' | 'owner' | 'lead' | 'outsider';
const ROLES: Role[] = ['requester', 'member', 'owner', 'lead', 'outsider'];
const STATUSES: RequestStatus[] = [
  'new',
  'claimed',
  'in_progress',
  'delivered',
  'closed',
  'declined',
  'cancelled',
];
const ACTIONS = Object.keys(RULES) as RequestAction[];

const ACTORS: Record<Role, Actor> = {
  requester: { id: 'UREQ', lead: false, member: false },
  member: { id: 'UM2', lead: false, member: true },
  owner: { id: 'UM1', lead: false, member: true },
  lead: { id: 'ULEAD', lead: true, member: true },
  outsider: { id: 'UOUT', lead: false, member: false },
};

const M: Role[] = ['member', 'owner', 'lead'];
const OL: Role[] = ['owner', 'lead'];
const R: Role[] = ['requester'];

/** Who may act, per action and status; anything not listed is refused. */
const ALLOWED: Record<RequestAction, Partial<Record<RequestStatus, Role[]>>> = {
  claim: { new: M },
  assign: { new: M, claimed: OL },
  ask: { new: M, claimed: M, in_progress: M },
  decline: { new: M, claimed: OL },
  start: { claimed: OL },
  deliver: { claimed: OL, in_progress: OL },
  unclaim: { claimed: OL },
  edit: { new: R, claimed: R, in_progress: R },
  cancel: { new: R, claimed: R, in_progress: R },
  close: { delivered: R },
  reopen: { delivered: R, closed: R },
};

const NOW = new Date('2026-11-24T10:00:00Z');

function requestIn(status: RequestStatus) {
  // Someone holds it once it has been claimed; 'new' has no owner.
  const owned = status !== 'new';
  return {
    status,
    requester_id: 'UREQ',
    owner_id: owned ? 'UM1' : null,
    delivered_at: status === 'delivered' || status === 'closed' ? new Date('2026-11-20T10:00:00Z') : null,
  };
}

const cases = ACTIONS.flatMap((action) =>
  STATUSES.flatMap((status) =>
    ROLES.map((role) => [action, status, role, (ALLOWED[action][status] ?? []).includes(role)] as const),
  ),
);

describe('the request policy', () => {
  it.each(cases)('%s on a %s request by the %s → allowed: %s', (action, status, role, allowed) => {
    expect(may(action, requestIn(status), ACTORS[role], NOW)).toBe(allowed);
  });

  it.each([
    ['pmo', 'new', ['claim', 'assign', 'ask', 'decline']],
    ['pmo', 'claimed', ['start', 'deliver', 'assign', 'ask', 'unclaim', 'decline']],
    ['pmo', 'in_progress', ['deliver', 'ask']],
    ['pmo', 'delivered', []],
    ['requester', 'new', ['edit', 'cancel']],
    ['requester', 'delivered', ['close', 'reopen']],
    ['requester', 'declined', []],
  ] as const)('the %s side of a %s request is offered %j', (side, status, steps) => {
    expect(stepsFor(side, status)).toEqual(steps);
  });

  it('offers each person only what they may do: the owner, another member, the requester', () => {
    const claimed = requestIn('claimed');
    expect(stepsOf(claimed, ACTORS.owner, NOW)).toEqual([
      'start',
      'deliver',
      'assign',
      'ask',
      'unclaim',
      'decline',
    ]);
    expect(stepsOf(claimed, ACTORS.member, NOW)).toEqual(['ask']);
    expect(stepsOf(claimed, ACTORS.requester, NOW)).toEqual(['edit', 'cancel']);
    const old = { ...requestIn('closed'), delivered_at: new Date(NOW.getTime() - 30 * 86_400_000) };
    expect(stepsOf(old, ACTORS.requester, NOW)).toEqual([]);
  });

  it('checks who before state, so an outsider learns nothing about the request', () => {
    expect(decide('cancel', requestIn('declined'), ACTORS.outsider, NOW)).toEqual({
      ok: false,
      reason: 'not_requester',
    });
    expect(decide('start', requestIn('closed'), ACTORS.requester, NOW)).toEqual({
      ok: false,
      reason: 'not_member',
    });
  });

  it.each([
    [REOPEN_WINDOW_DAYS * 24 - 1, true],
    [REOPEN_WINDOW_DAYS * 24, true],
    [REOPEN_WINDOW_DAYS * 24 + 1, false],
  ])('reopens a request delivered %i hours ago: %s', (hours, ok) => {
    const r = { ...requestIn('delivered'), delivered_at: new Date(NOW.getTime() - hours * 3_600_000) };
    expect(decide('reopen', r, ACTORS.requester, NOW)).toEqual(
      ok ? { ok: true } : { ok: false, reason: 'reopen_window' },
    );
  });

  it.each([
    ['claim', 'member', {}],
    ['decline', 'member', { ownerIn: [null, 'UM2'] }],
    ['decline', 'lead', {}],
    ['start', 'owner', { ownerIn: ['UM1'] }],
    ['deliver', 'lead', {}],
    ['cancel', 'requester', { requesterId: 'UREQ' }],
  ] as const)('%s by the %s adds %j to its UPDATE', (action, role, guard) => {
    expect(guardFor(action, ACTORS[role], NOW)).toEqual(guard);
  });

  it('adds the reopen window to the UPDATE', () => {
    const guard = guardFor('reopen', ACTORS.requester, NOW);
    expect(guard.requesterId).toBe('UREQ');
    expect(guard.deliveredSince).toEqual(new Date(NOW.getTime() - REOPEN_WINDOW_DAYS * 86_400_000));
  });
});
