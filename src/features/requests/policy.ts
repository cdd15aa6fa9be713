import type { RequestStatus } from '../../db/schema';

/**
 * The request lifecycle and who may take each step — the one place it is written. Views ask it
 * which buttons to show, listeners which modal applies, and the service turns each rule into
 * its conditional UPDATE (the `from` statuses and the owner/requester conditions), so a forged
 * or stale click is refused by the same rule that hid its button.
 *
 *   new → claimed → in_progress → delivered → closed
 *   new | claimed | in_progress → declined (PMO) | cancelled (requester)
 *   delivered | closed → in_progress (requester, within REOPEN_WINDOW_DAYS of delivery)
 */

export const REOPEN_WINDOW_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export const OPEN_STATUSES: RequestStatus[] = ['new', 'claimed', 'in_progress'];

export type RequestAction =
  | 'claim'
  | 'assign'
  | 'ask'
  | 'decline'
  | 'start'
  | 'deliver'
  | 'unclaim'
  | 'edit'
  | 'cancel'
  | 'close'
  | 'reopen';

/**
 * Who may take a step:
 * - member: any PMO member (leads are members);
 * - holder: a member, and if someone holds the request, only they (or a lead);
 * - owner: only the member who holds it (or a lead);
 * - requester: only the person who asked.
 */
export type Who = 'member' | 'holder' | 'owner' | 'requester';

export interface Rule {
  from: RequestStatus[];
  /** The status it moves to; none for steps that open a conversation (ask) or edit in place. */
  to?: RequestStatus;
  who: Who;
}

export const RULES: Record<RequestAction, Rule> = {
  claim: { from: ['new'], to: 'claimed', who: 'member' },
  assign: { from: ['new', 'claimed'], to: 'claimed', who: 'holder' },
  ask: { from: ['new', 'claimed', 'in_progress'], who: 'member' },
  decline: { from: ['new', 'claimed'], to: 'declined', who: 'holder' },
  start: { from: ['claimed'], to: 'in_progress', who: 'owner' },
  deliver: { from: ['claimed', 'in_progress'], to: 'delivered', who: 'owner' },
  unclaim: { from: ['claimed'], to: 'new', who: 'owner' },
  edit: { from: OPEN_STATUSES, who: 'requester' },
  cancel: { from: OPEN_STATUSES, to: 'cancelled', who: 'requester' },
  close: { from: ['delivered'], to: 'closed', who: 'requester' },
  reopen: { from: ['delivered', 'closed'], to: 'in_progress', who: 'requester' },
};

export interface Actor {
  id: string;
  lead: boolean;
  /** A PMO member (leads are members too). */
  member: boolean;
}

export interface RequestFacts {
  status: RequestStatus;
  requester_id: string;
  owner_id: string | null;
  delivered_at: Date | null;
}

export type Refusal = 'not_member' | 'not_owner' | 'not_requester' | 'state' | 'reopen_window';
export type Decision = { ok: true } | { ok: false; reason: Refusal };

/** The earliest delivery a reopen still accepts at `now`. */
export const reopenSince = (now: Date): Date => new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY_MS);

/** May `actor` take `action` on `r` now? Who is checked first: nobody learns state they may not act on. */
export function decide(action: RequestAction, r: RequestFacts, actor: Actor, now: Date): Decision {
  const rule = RULES[action];
  switch (rule.who) {
    case 'requester':
      if (r.requester_id !== actor.id) return { ok: false, reason: 'not_requester' };
      break;
    case 'member':
      if (!actor.member) return { ok: false, reason: 'not_member' };
      break;
    case 'holder':
    case 'owner':
      if (!actor.member) return { ok: false, reason: 'not_member' };
      if (!actor.lead && r.owner_id !== null && r.owner_id !== actor.id)
        return { ok: false, reason: 'not_owner' };
      if (rule.who === 'owner' && !actor.lead && r.owner_id === null)
        return { ok: false, reason: 'not_owner' };
      break;
  }
  if (!rule.from.includes(r.status)) return { ok: false, reason: 'state' };
  if (action === 'reopen' && (!r.delivered_at || r.delivered_at < reopenSince(now)))
    return { ok: false, reason: 'reopen_window' };
  return { ok: true };
}

export const may = (action: RequestAction, r: RequestFacts, actor: Actor, now: Date): boolean =>
  decide(action, r, actor, now).ok;

/** Every step, in the order buttons show them. */
export const ACTIONS = Object.keys(RULES) as RequestAction[];
const DISPLAY_ORDER: RequestAction[] = [
  'claim',
  'start',
  'deliver',
  'assign',
  'ask',
  'unclaim',
  'decline',
  'edit',
  'cancel',
  'close',
  'reopen',
];

/**
 * The steps open on a request in `status` for one side of it — the PMO's or the requester's —
 * whoever holds it: what a shared surface (the triage post) offers. Per person, use `may`.
 */
export function stepsFor(side: 'pmo' | 'requester', status: RequestStatus): RequestAction[] {
  return DISPLAY_ORDER.filter(
    (a) => RULES[a].from.includes(status) && (RULES[a].who === 'requester') === (side === 'requester'),
  );
}

/** The requester, as the policy sees them on their own request. */
export const asRequester = (r: RequestFacts): Actor => ({ id: r.requester_id, lead: false, member: false });

/** The steps `actor` may take on `r` now, in display order: what their own surface offers. */
export function stepsOf(r: RequestFacts, actor: Actor, now: Date, among: RequestAction[] = DISPLAY_ORDER) {
  return DISPLAY_ORDER.filter((a) => among.includes(a) && may(a, r, actor, now));
}

/**
 * The conditions a rule adds to its UPDATE, so the database enforces it against the row as it
 * is at that instant (another click may have changed it since it was read).
 */
export interface RowGuard {
  requesterId?: string;
  /** The owner is one of these (null: nobody holds it). */
  ownerIn?: (string | null)[];
  deliveredSince?: Date;
}

export function guardFor(action: RequestAction, actor: Actor, now: Date): RowGuard {
  const rule = RULES[action];
  const guard: RowGuard = {};
  if (rule.who === 'requester') guard.requesterId = actor.id;
  if (rule.who === 'holder' && !actor.lead) guard.ownerIn = [null, actor.id];
  if (rule.who === 'owner' && !actor.lead) guard.ownerIn = [actor.id];
  if (action === 'reopen') guard.deliveredSince = reopenSince(now);
  return guard;
}
