/**
 * The values a text column may hold, one list per CHECK (col IN (…)) in db/migrations. The column
 * types in schema.ts, the services and the forms' options all come from these lists, and
 * test/db/enum-checks.test.ts compares each one with the constraint in a migrated database: a
 * value added on one side only fails there, not at run time as a constraint violation.
 *
 * A change to a list goes with a migration that changes its CHECK: the migrations are plain SQL,
 * frozen in time, and never read these. The order is the migrations'; a form that offers the
 * values in another order keeps its own labels keyed by the type.
 */

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export const REQUEST_STATUSES = [
  'new',
  'claimed',
  'in_progress',
  'delivered',
  'closed',
  'declined',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** A request someone is working on: what counts against a member's weekly capacity. */
export const OPEN_WORK_STATUSES = ['claimed', 'in_progress'] as const satisfies readonly RequestStatus[];

export const IMPACTS = ['blocking', 'important', 'nice_to_have'] as const;
export type Impact = (typeof IMPACTS)[number];

export const INVITATION_CAPS = ['one_per_week', 'two_per_month', 'one_per_month'] as const;
export type InvitationCap = (typeof INVITATION_CAPS)[number];

export const INVITATION_MODES = ['dm', 'channel'] as const;
export type InvitationMode = (typeof INVITATION_MODES)[number];

export const INVITATION_STATUSES = ['sending', 'sent', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Where one recipient's invitation DM stands. */
export const DELIVERY_STATES = ['queued', 'delivered', 'skipped'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const RSVP_ANSWERS = ['going', 'waitlist', 'declined'] as const;
export type Rsvp = (typeof RSVP_ANSWERS)[number];

export const ENGAGEMENT_STATUSES = ['proposed', 'active', 'ended', 'unmatched'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const CHECKIN_KINDS = ['delivery', 'coaching', 'followup'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];

export const CHECKIN_STATUSES = [
  'scheduled',
  'sent',
  'reminded',
  'answered',
  'expired',
  'cancelled',
] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

/** The follow-up's "Did it happen?" (benefits realised). */
export const REALISED_VALUES = ['yes', 'partly', 'not_yet', 'no'] as const;
export type Realised = (typeof REALISED_VALUES)[number];

export const ALERT_TARGETS = ['first_response', 'delivery'] as const;
export type AlertTarget = (typeof ALERT_TARGETS)[number];

export const ALERT_KINDS = ['nudge', 'escalation'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** "Still interested?" after silence. */
export const SILENCE_ANSWERS = ['keep', 'pause', 'optout'] as const;
export type SilenceAnswer = (typeof SILENCE_ANSWERS)[number];

export const ERASURE_REASONS = ['self', 'lead', 'deactivated'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export const ERASURE_STATUSES = ['scheduled', 'done', 'cancelled'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

export const DIGEST_CHART_STATUSES = ['pending', 'sharing', 'shared', 'failed'] as const;
export type DigestChartStatus = (typeof DIGEST_CHART_STATUSES)[number];

export const LIBRARY_KINDS = ['template', 'standard', 'playbook', 'training', 'lesson'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export const LIBRARY_STATUSES = ['draft', 'published', 'retired'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

/** The languages a person may choose (/pmo language): the app's own list, kept in src/i18n. */
export { LANGUAGES as PERSON_LANGUAGES, type Language as PersonLanguage } from '../i18n/languages';
