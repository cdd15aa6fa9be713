import type { RequestRow, RequestStatus } from '../../../db/schema';
import { IMPACT_LABELS, type ImpactValue } from '../form';

/** What views need to show a request: its row and the service's name. */
export type RequestWithService = RequestRow & { service_name: string };

export { reference } from '../../../lib/request-reference';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  new: 'New — waiting for a PMO member',
  claimed: 'Claimed',
  in_progress: 'In progress',
  delivered: 'Delivered',
  closed: 'Closed',
  declined: 'Declined',
  cancelled: 'Cancelled',
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

export const impactLabel = (impact: string): string => IMPACT_LABELS[impact as ImpactValue] ?? impact;

export { OPEN_STATUSES } from '../policy';

/** "3 days", "5 hours", "just now": how long ago, for people. */
export function ageOf(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 2) return 'just now';
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
