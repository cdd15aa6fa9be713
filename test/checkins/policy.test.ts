import {
  type CheckinAction,
  type CheckinDecision,
  type CheckinKind,
  decideCheckin,
} from '../../src/features/checkins/policy';

/** Every check-in kind × status × action × role, against a table written out by hand. */

const STATUSES = ['scheduled', 'sent', 'reminded', 'answered', 'expired', 'cancelled'];
const KINDS: CheckinKind[] = ['delivery', 'coaching', 'followup'];
const ACTIONS: CheckinAction[] = ['rate', 'details', 'followup'];
const ok: CheckinDecision = { ok: true };
const no = (refusal: string) => ({ ok: false, refusal }) as CheckinDecision;

/** For the person asked; anyone else always gets `not_yours`. */
function expected(action: CheckinAction, kind: CheckinKind, status: string): CheckinDecision {
  const table: Record<CheckinAction, { kinds: CheckinKind[]; open: string[] }> = {
    rate: { kinds: ['delivery', 'coaching'], open: ['sent', 'reminded'] },
    details: { kinds: ['delivery', 'coaching'], open: ['answered'] },
    followup: { kinds: ['followup'], open: ['sent', 'reminded'] },
  };
  const rule = table[action];
  if (!rule.kinds.includes(kind)) return no('not_yours');
  if (rule.open.includes(status)) return ok;
  return no(status === 'answered' ? 'already' : 'closed');
}

const cases = ACTIONS.flatMap((action) =>
  KINDS.flatMap((kind) =>
    STATUSES.flatMap((status) =>
      (['asked', 'someone else'] as const).map(
        (who) =>
          [
            action,
            kind,
            status,
            who,
            who === 'asked' ? expected(action, kind, status) : no('not_yours'),
          ] as const,
      ),
    ),
  ),
);

describe('the check-in policy', () => {
  it.each(cases)(
    '%s a %s check-in that is %s, by the person %s → %j',
    (action, kind, status, who, decision) => {
      const userId = who === 'asked' ? 'UASKED' : 'UOTHER';
      expect(decideCheckin(action, { user_id: 'UASKED', kind, status }, userId)).toEqual(decision);
    },
  );

  it('the owner of the delivery cannot rate it for the requester', () => {
    expect(decideCheckin('rate', { user_id: 'UREQ', kind: 'delivery', status: 'sent' }, 'UOWNER')).toEqual(
      no('not_yours'),
    );
  });
});
