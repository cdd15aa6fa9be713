import type { Database } from '../db/client';
import type { OutboxPayload, OutboxRow } from '../db/schema';

/** What a kind's last check before posting decides. */
export type BeforeSendResult =
  | { skip: string }
  /** Not now (outside the recipient's working hours, away): the row waits until `defer`, no attempt spent. */
  | { defer: Date; reason: string }
  /** `channel`: post somewhere decided at send time (e.g. a group DM opened just now). */
  | { payload?: OutboxPayload; threadTs?: string | null; channel?: string }
  | undefined;

export interface Posted {
  channel: string;
  ts: string;
}

/**
 * A kind's part in delivery, offered by its feature's manifest. The `record…` hooks are
 * database bookkeeping and get the transaction that changes the row's status: a crash can then
 * never leave the outbox saying "sent" while, say, the invitation's recipient still says
 * "queued". Slack calls do not belong there (they would hold the transaction open); they go in
 * `afterSent`, which runs after the commit, best effort.
 */
export interface OutboxHooks {
  /** Last check before posting (consent, deactivated people) or a late render. */
  beforeSend?(row: OutboxRow): Promise<BeforeSendResult>;
  /** Record where the message landed (e.g. the triage post's ts). */
  recordSent?(trx: Database, row: OutboxRow, posted: Posted): Promise<void>;
  /**
   * `recordSent` for several rows of the kind at once, in the one transaction that settles a
   * batch of posts; without it, `recordSent` is called for each.
   */
  recordSentAll?(trx: Database, sent: ReadonlyArray<{ row: OutboxRow; posted: Posted }>): Promise<void>;
  recordSkipped?(trx: Database, row: OutboxRow, reason: string): Promise<void>;
  /** The message will not be delivered (a final Slack error, or too many attempts). */
  recordFailed?(trx: Database, row: OutboxRow, error: string): Promise<void>;
  /** Follow-up Slack work once the send is recorded (e.g. bring a queued post up to date). */
  afterSent?(row: OutboxRow, posted: Posted): Promise<void>;
}
