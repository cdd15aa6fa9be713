import {
  type CoachingAction,
  type CoachingDecision,
  decideCoaching,
  type EngagementFacts,
} from '../../src/features/coaching/policy';

/** Every engagement state × action × role, against a table written out by hand. */

type Role = 'coachee' | 'proposedCoach' | 'coach' | 'passedCoach' | 'member' | 'outsider';
const ID: Record<Role, string> = {
  coachee: 'UCOACHEE',
  proposedCoach: 'UPROPOSED',
  coach: 'UCOACH',
  passedCoach: 'UPASSED',
  member: 'UMEMBER',
  outsider: 'UOUT',
};

const STATES: Record<string, EngagementFacts> = {
  proposed: {
    status: 'proposed',
    coachee_id: ID.coachee,
    coach_id: null,
    proposed_to: ID.proposedCoach,
    passed_by: [ID.passedCoach],
  },
  active: {
    status: 'active',
    coachee_id: ID.coachee,
    coach_id: ID.coach,
    proposed_to: ID.coach,
    passed_by: [ID.passedCoach],
  },
  ended: {
    status: 'ended',
    coachee_id: ID.coachee,
    coach_id: ID.coach,
    proposed_to: ID.coach,
    passed_by: [ID.passedCoach],
  },
  unmatched: {
    status: 'unmatched',
    coachee_id: ID.coachee,
    coach_id: null,
    proposed_to: null,
    passed_by: [ID.passedCoach],
  },
};

const ok: CoachingDecision = { ok: true };
const no = (refusal: string) => ({ ok: false, refusal }) as CoachingDecision;

const EXPECTED: Record<CoachingAction, Record<string, Partial<Record<Role, CoachingDecision>>>> = {
  accept: {
    proposed: { proposedCoach: ok, passedCoach: no('passed') },
    active: { coach: no('accepted'), passedCoach: no('passed') },
    ended: { coach: no('closed'), passedCoach: no('passed') },
    unmatched: { passedCoach: no('passed') },
  },
  pass: {
    proposed: { proposedCoach: ok, passedCoach: no('passed') },
    active: { coach: no('accepted'), passedCoach: no('passed') },
    ended: { coach: no('closed'), passedCoach: no('passed') },
    unmatched: { passedCoach: no('passed') },
  },
  end: {
    proposed: { coachee: ok },
    active: { coachee: ok, coach: ok },
    ended: { coachee: no('closed'), coach: no('closed') },
    unmatched: { coachee: no('closed') },
  },
};

const cases = (Object.keys(EXPECTED) as CoachingAction[]).flatMap((action) =>
  Object.keys(STATES).flatMap((state) =>
    (Object.keys(ID) as Role[]).map(
      (role) => [action, state, role, EXPECTED[action][state]?.[role] ?? no('not_yours')] as const,
    ),
  ),
);

describe('the coaching policy', () => {
  it.each(cases)('%s on a %s engagement by the %s → %j', (action, state, role, expected) => {
    expect(decideCoaching(action, STATES[state], ID[role])).toEqual(expected);
  });

  it('says nothing about an engagement that does not exist', () => {
    expect(decideCoaching('end', undefined, ID.coachee)).toEqual(no('not_yours'));
  });
});
