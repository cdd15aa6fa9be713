import type { RequestRow, RequestStatus } from '../../../db/schema';
import { slackDate, type Translator, translatorFor } from '../../../i18n';
import { requestsText } from '../messages';

/** What views need to show a request: its row and the service's name. */
export type RequestWithService = RequestRow & { service_name: string };

export { reference } from '../../../lib/request-reference';

const EN = translatorFor('en');

/** A status as a label ("In progress"), in `tr`'s language. */
export const statusLabel = (tr: Translator, status: RequestStatus): string =>
  tr.t(requestsText, 'status', { status });

/** A status inside a sentence ("… is in progress"). */
export const statusInSentence = (tr: Translator, status: RequestStatus): string =>
  tr.t(requestsText, 'statusInSentence', { status });

/** The statuses in English, for other features that have no translator yet. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  new: statusLabel(EN, 'new'),
  claimed: statusLabel(EN, 'claimed'),
  in_progress: statusLabel(EN, 'in_progress'),
  delivered: statusLabel(EN, 'delivered'),
  closed: statusLabel(EN, 'closed'),
  declined: statusLabel(EN, 'declined'),
  cancelled: statusLabel(EN, 'cancelled'),
};

export const STATUS_EMOJI: Record<RequestStatus, string> = {
  new: ':new:',
  claimed: ':raised_hand:',
  in_progress: ':hammer_and_wrench:',
  delivered: ':package:',
  closed: ':white_check_mark:',
  declined: ':no_entry_sign:',
  cancelled: ':heavy_multiplication_x:',
};

export const impactLabel = (tr: Translator, impact: string): string =>
  tr.t(requestsText, 'impact', { impact });

export { OPEN_STATUSES } from '../policy';

/** "opened 3 days ago", "opened just now": how long ago, for people. */
export function openedAgo(tr: Translator, since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  const t = tr.of(requestsText);
  if (minutes < 2) return t('opened', { unit: 'now', n: 0 });
  if (minutes < 120) return t('opened', { unit: 'minutes', n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('opened', { unit: 'hours', n: hours });
  return t('opened', { unit: 'days', n: Math.floor(hours / 24) });
}

/**
 * A needed-by day ('2027-03-01') in mrkdwn: a Slack date token, which every viewer sees in their
 * own language. Noon UTC, so the day is the same one in any time zone a person works in.
 */
export function neededByDate(tr: Translator, day: string | null): string {
  if (!day) return tr.t(requestsText, 'notSaid');
  const at = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? day : slackDate(at, tr.locale, 'UTC', 'date');
}
