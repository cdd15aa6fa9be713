/**
 * Every kind of message the outbox sends, in one typed list. A kind is how the sender finds its
 * send-time checks (an invitation's consent re-check, a check-in still open…): the features'
 * manifests (their `outbox` hooks) must name every kind here, and enqueueing takes only these,
 * so a typo cannot slip a message past its check.
 */
export const OUTBOX_KINDS = {
  request: {
    requesterDm: 'request.requester_dm',
    triagePost: 'request.triage_post',
    /** A reply under the triage post (questions, answers); thread_ts filled before sending. */
    thread: 'request.thread',
    /** A DM to a PMO member about a request (assigned to you, reopened, cancelled). */
    memberDm: 'request.member_dm',
    /** "Filed as PMO-42" under the message a request came from, when its author chose it. */
    originReply: 'request.origin_reply',
  },
  invitation: {
    dm: 'invitation.dm',
    summary: 'invitation.summary',
    announcement: 'invitation.announcement',
    announcementFailed: 'invitation.announcement_failed',
    rsvpPromoted: 'rsvp.promoted',
  },
  coaching: {
    proposal: 'coaching.proposal',
    intro: 'coaching.intro',
    unmatched: 'coaching.unmatched',
    ended: 'coaching.ended',
  },
  checkin: {
    ask: 'checkin.dm',
    remind: 'checkin.remind',
    followup: 'checkin.followup',
    owner: 'checkin.owner',
  },
  digest: { main: 'digest.post', thread: 'digest.thread' },
  calendar: {
    /** A suggested member's one nudge before a request's first-response target. */
    nudge: 'calendar.nudge',
    /** A lead's one escalation when a target passes. */
    escalation: 'calendar.escalation',
    /** "Still interested?" after three ignored invitations. */
    stillInterested: 'calendar.still_interested',
  },
  /** "You said, we did": one DM per feedback giver when a lead records an action. */
  value: { youSaid: 'value.you_said_we_did' },
  library: {
    /** An entry's owner asked, once per review cycle, to keep, edit or retire it. */
    review: 'library.review',
    /** "New in the PMO library": at most one a week to each person opted in to an entry's topic. */
    news: 'library.news',
  },
} as const;

type Values<T> = T[keyof T];
type Kinds = typeof OUTBOX_KINDS;

/** The kinds one feature sends. */
export type KindsOf<F extends keyof Kinds> = Values<Kinds[F]>;
export type OutboxKind = Values<{ [F in keyof Kinds]: KindsOf<F> }>;

/** Every kind, as a list (start-up checks that each has its hooks). */
export const OUTBOX_KIND_LIST: readonly OutboxKind[] = Object.values(OUTBOX_KINDS).flatMap(
  (group) => Object.values(group) as OutboxKind[],
);
