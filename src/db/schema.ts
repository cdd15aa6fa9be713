import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AlertKind,
  AlertTarget,
  CheckinKind,
  CheckinStatus,
  DeliveryState,
  DigestChartStatus,
  EngagementStatus,
  ErasureReason,
  ErasureStatus,
  Impact,
  InvitationCap,
  InvitationMode,
  InvitationStatus,
  JobRunStatus,
  LibraryKind,
  LibraryStatus,
  OutboxStatus,
  PersonLanguage,
  Realised,
  RequestStatus,
  Rsvp,
  SilenceAnswer,
} from './enums';

// The enum types are part of the table types' vocabulary: importers may name them from here.
export type * from './enums';

/**
 * Table types: the one place that mirrors db/migrations. Both drivers are configured (see
 * client.ts) so that int8/numeric come back as numbers and `date` as 'YYYY-MM-DD' strings.
 * Written by hand, so test/db/schema-drift.test.ts compares the tables, columns and nullability
 * here with a migrated database, and test/db/enum-checks.test.ts the columns typed by a list of
 * enums.ts with their CHECK constraints.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar date without a time zone, as 'YYYY-MM-DD'. */
type DateOnly = string;

export interface PeopleTable {
  slack_user_id: string;
  display_name: string | null;
  tz: string | null;
  /** Slack's locale for them (fr-FR); null until users.info was asked with include_locale. */
  locale: string | null;
  is_deleted: Generated<boolean>;
  refreshed_at: NullableTimestamp;
}

export interface ServicesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  sort_order: Generated<number>;
  retired_at: NullableTimestamp;
  created_at: Generated<Date>;
  /** Response targets in working days (20261201110000); null: the defaults. */
  first_response_days: ColumnType<number | null, number | null | undefined, number | null>;
  delivery_days: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface MembersTable {
  slack_user_id: string;
  weekly_capacity: Generated<number>;
  active: Generated<boolean>;
  added_by: string;
  created_at: Generated<Date>;
}

export interface MemberSkillsTable {
  member_id: string;
  service_id: number;
}

/** What the sender posts: a chat.postMessage body without the channel. */
export interface OutboxPayload {
  text: string;
  blocks?: unknown[];
  metadata?: unknown;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  dedupe_key: string;
  channel: string;
  thread_ts: string | null;
  /** The dedupe key of the message this one is a thread reply to: sent only after it. */
  parent_key: string | null;
  payload: ColumnType<OutboxPayload, string, string>;
  request_id: number | null;
  invitation_id: number | null;
  recipient_id: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  /** A moment in the app's time before which the message may not go; null: as soon as possible. */
  not_before: NullableTimestamp;
  /** The sender's backoff (429, 5xx), in the database's time. */
  retry_at: NullableTimestamp;
  claimed_at: NullableTimestamp;
  claimed_by: string | null;
  sent_at: NullableTimestamp;
  message_channel: string | null;
  message_ts: string | null;
  skip_reason: string | null;
  last_error: string | null;
  created_at: Generated<Date>;
}

export interface JobRunsTable {
  job: string;
  run_key: string;
  instance_id: string;
  started_at: Generated<Date>;
  finished_at: NullableTimestamp;
  status: Generated<JobRunStatus>;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ProcessedEventsTable {
  event_id: string;
  received_at: Generated<Date>;
}

// --- requests ---------------------------------------------------------------------------

export interface RequestsTable {
  id: Generated<number>;
  submission_key: string;
  requester_id: string;
  service_id: number;
  project: string;
  need: string;
  expected_value: string;
  needed_by: DateOnly | null;
  impact: Impact;
  link: string | null;
  status: Generated<RequestStatus>;
  owner_id: string | null;
  triage_channel: string | null;
  triage_ts: string | null;
  delivery_note: string | null;
  delivery_links: string | null;
  decline_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  claimed_at: NullableTimestamp;
  started_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  /** Where it came from (20261201100000): the message of a shortcut or a reaction. */
  origin_channel: ColumnType<string | null, string | null | undefined, string | null>;
  origin_ts: ColumnType<string | null, string | null | undefined, string | null>;
  origin_permalink: ColumnType<string | null, string | null | undefined, string | null>;
  /** Targets fixed when filed, and the first answer (20261201110000). */
  first_response_due: NullableTimestamp;
  nudge_at: NullableTimestamp;
  delivery_due: NullableTimestamp;
  first_response_at: NullableTimestamp;
  /** The workspace it was filed from, and its organisation on Enterprise Grid (20261210120000). */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  team_name: ColumnType<string | null, string | null | undefined, string | null>;
  enterprise_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  actor_id: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus;
  note: string | null;
  created_at: Timestamp;
}

export interface RequestQuestionsTable {
  id: Generated<number>;
  request_id: number;
  asked_by: string;
  question: string;
  answer: string | null;
  asked_at: Timestamp;
  answered_at: NullableTimestamp;
  /** The Ask modal's view id (20261124110000): a double submit makes one question. */
  submission_key: string | null;
}

// --- invitations, consent, coaching ------------------------------------------------------

export interface TopicsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  sort_order: Generated<number>;
  retired_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface ConsentsTable {
  user_id: string;
  topic_id: number;
  opted_in: boolean;
  updated_at: Timestamp;
}

export interface ConsentEventsTable {
  id: Generated<number>;
  user_id: string;
  topic_id: number | null;
  action: string;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
  source: string;
  created_at: Timestamp;
}

export interface InvitationPrefsTable {
  user_id: string;
  cap: Generated<InvitationCap>;
  paused_until: DateOnly | null;
  updated_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<number>;
  submission_key: string;
  created_by: string;
  title: string;
  message: string;
  event_date: DateOnly | null;
  link: string | null;
  seats: number | null;
  rsvp_deadline: DateOnly | null;
  mode: InvitationMode;
  announce_channel: string | null;
  summary_channel: string | null;
  summary_ts: string | null;
  status: Generated<InvitationStatus>;
  created_at: Timestamp;
}

export interface InvitationTopicsTable {
  invitation_id: number;
  topic_id: number;
}

export interface InvitationRecipientsTable {
  invitation_id: number;
  user_id: string;
  topic_id: number;
  delivery: Generated<DeliveryState>;
  skip_reason: string | null;
  delivered_at: NullableTimestamp;
  rsvp: Rsvp | null;
  rsvp_at: NullableTimestamp;
  message_channel: string | null;
  message_ts: string | null;
  /** Set when the send-time check lets the invitation through; counts against the cap. */
  cap_reserved_at: NullableTimestamp;
  /** Held back while the recipient is away, until this moment (20261201110000). */
  deferred_until: NullableTimestamp;
}

/** A composed invitation waiting for its audience preview to be confirmed. */
export interface InvitationDraftsTable {
  id: Generated<number>;
  created_by: string;
  draft: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface CoachingEngagementsTable {
  id: Generated<number>;
  coachee_id: string;
  coach_id: string | null;
  focus_service_ids: ColumnType<number[], number[] | undefined, number[]>;
  goals: string;
  cadence: string;
  status: Generated<EngagementStatus>;
  proposed_to: string | null;
  passed_by: ColumnType<string[], string[] | undefined, string[]>;
  intro_channel: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  ended_by: string | null;
  end_reason: string | null;
}

// --- check-ins ----------------------------------------------------------------------------

export interface CheckinsTable {
  id: Generated<number>;
  kind: CheckinKind;
  request_id: number | null;
  engagement_id: number | null;
  sequence: Generated<number>;
  user_id: string;
  due_at: Timestamp;
  status: Generated<CheckinStatus>;
  sent_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  message_channel: string | null;
  message_ts: string | null;
  rating: number | null;
  what_changed: string | null;
  could_be_better: string | null;
  outcome_tags: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  followup_agreed: boolean | null;
  /** The follow-up's "Did it happen?" (benefits realised). */
  realised: Realised | null;
  answered_at: NullableTimestamp;
  created_at: Timestamp;
}

// --- App Home ---------------------------------------------------------------------
export interface HomeViewsTable {
  user_id: string;
  first_opened_at: Timestamp;
  published_at: NullableTimestamp;
}

// --- intake -----------------------------------------------------------------------
/** The message a request form was opened from, by the form's view id. */
export interface RequestFormOriginsTable {
  view_id: string;
  user_id: string;
  channel: string;
  message_ts: string;
  thread_ts: string;
  permalink: string | null;
  created_at: Timestamp;
}

/** "File this as a PMO request?" offered to the person who reacted. */
export interface IntakeOffersTable {
  id: Generated<number>;
  user_id: string;
  channel: string;
  message_ts: string;
  thread_ts: string;
  permalink: string | null;
  need: string;
  created_at: Timestamp;
}

/** Channels where a reaction offers to file a request. */
export interface IntakeChannelsTable {
  channel_id: string;
  emoji: string;
  set_by: string;
  updated_at: Timestamp;
}

// --- working calendar, targets, away, quiet after silence -------------------------
export interface PmoClosuresTable {
  day: DateOnly;
  reason: Generated<string>;
  added_by: string;
  created_at: Generated<Date>;
}

export interface RequestAlertsTable {
  request_id: number;
  target: AlertTarget;
  kind: AlertKind;
  /** '' marks a round planned for nobody. */
  user_id: string;
  not_before: Timestamp;
  sent_at: NullableTimestamp;
  skipped: string | null;
  created_at: Generated<Date>;
}

export interface AwayPeriodsTable {
  user_id: string;
  first_day: DateOnly;
  last_day: DateOnly;
  set_by: string;
  created_at: Generated<Date>;
}

export interface SilenceChecksTable {
  id: Generated<number>;
  user_id: string;
  asked_at: Timestamp;
  answered_at: NullableTimestamp;
  answer: SilenceAnswer | null;
}

// --- privacy and audit -----------------------------------------------------------
export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string;
  action: string;
  target_user_id: string | null;
  subject: string | null;
  detail: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface ErasuresTable {
  id: Generated<number>;
  user_id: string;
  marker: string;
  reason: ErasureReason;
  requested_by: string | null;
  due_at: Timestamp;
  status: Generated<ErasureStatus>;
  done_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface SlackInstallationTable {
  id: Generated<boolean>;
  stopped_at: NullableTimestamp;
  stopped_reason: string | null;
}

/** The settings leads chose in Slack, over the environment's (db/migrations/20261210100000_settings.sql). */
export interface PmoSettingsTable {
  id: Generated<boolean>;
  lead_ids: string[] | null;
  channel_id: string | null;
  timezone: string | null;
  working_hours: string | null;
  working_days: string | null;
  holidays: string | null;
  checkin_after_days: number | null;
  checkin_hours: string | null;
  checkin_days: string | null;
  digest_cron: string | null;
  retention_days: number | null;
  language: string | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: NullableTimestamp;
}

/** An OAuth installation (db/migrations/20261210110000_installations.sql). */
export interface InstallationsTable {
  install_key: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  team_id: string | null;
  team_name: string | null;
  is_enterprise_install: boolean;
  app_id: string | null;
  bot_id: string;
  bot_user_id: string;
  bot_token: string;
  bot_scopes: Generated<string>;
  bot_refresh_token: string | null;
  bot_token_expires_at: NullableTimestamp;
  installed_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DigestChartsTable {
  run_key: string;
  chart: ColumnType<unknown, string, string>;
  /** Null when drawing failed (then status is 'failed'). */
  png: Buffer | Uint8Array | null;
  alt_text: string;
  status: Generated<DigestChartStatus>;
  file_id: string | null;
  error: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ServiceActionsTable {
  id: Generated<number>;
  service_id: number;
  period_start: Timestamp;
  period_end: Timestamp;
  action: string;
  recorded_by: string;
  recipients: Generated<number>;
  created_at: Generated<Date>;
}

export interface DB {
  people: PeopleTable;
  services: ServicesTable;
  members: MembersTable;
  member_skills: MemberSkillsTable;
  outbox: OutboxTable;
  job_runs: JobRunsTable;
  processed_events: ProcessedEventsTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  request_questions: RequestQuestionsTable;
  topics: TopicsTable;
  consents: ConsentsTable;
  consent_events: ConsentEventsTable;
  invitation_prefs: InvitationPrefsTable;
  invitations: InvitationsTable;
  invitation_topics: InvitationTopicsTable;
  invitation_recipients: InvitationRecipientsTable;
  invitation_drafts: InvitationDraftsTable;
  coaching_engagements: CoachingEngagementsTable;
  checkins: CheckinsTable;
  home_views: HomeViewsTable;
  request_form_origins: RequestFormOriginsTable;
  intake_channels: IntakeChannelsTable;
  intake_offers: IntakeOffersTable;
  pmo_closures: PmoClosuresTable;
  request_alerts: RequestAlertsTable;
  away_periods: AwayPeriodsTable;
  silence_checks: SilenceChecksTable;
  audit_log: AuditLogTable;
  erasures: ErasuresTable;
  slack_installation: SlackInstallationTable;
  pmo_settings: PmoSettingsTable;
  installations: InstallationsTable;
  digest_charts: DigestChartsTable;
  service_actions: ServiceActionsTable;
}

export type Service = Selectable<ServicesTable>;
export type RequestRow = Selectable<RequestsTable>;
export type NewRequest = Insertable<RequestsTable>;
export type RequestUpdate = Updateable<RequestsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type Topic = Selectable<TopicsTable>;

/** The PMO's library (20261206100000). */
export interface LibraryEntriesTable {
  id: Generated<number>;
  kind: LibraryKind;
  title: string;
  summary: string;
  body: Generated<string>;
  link: string | null;
  /** Topic and service slugs. */
  topics: Generated<string[]>;
  services: Generated<string[]>;
  owner_id: string;
  status: Generated<LibraryStatus>;
  version: Generated<number>;
  review_by: Generated<DateOnly>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /**
   * Generated by the database from title, summary and body; never written. Never null in
   * practice (its inputs are NOT NULL), but a generated column carries no NOT NULL of its own.
   */
  search: ColumnType<string | null, never, never>;
  /** The delivered request it was saved from, if any (20261209120000). */
  from_request_id: number | null;
  /** The review-by date its owner was last asked about: one review DM per review cycle. */
  review_asked_for: DateOnly | null;
}

export interface LibraryAdoptionsTable {
  id: Generated<number>;
  entry_id: number;
  user_id: string;
  team_or_project: string;
  created_at: Generated<Date>;
}

export interface LibraryRatingsTable {
  id: Generated<number>;
  entry_id: number;
  user_id: string;
  useful: boolean;
  comment: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LibraryMissesTable {
  words: string;
  count: Generated<number>;
  last_at: Generated<Date>;
}

/** "This solved it" in the request form, one row per form (20261209110000). */
export interface LibrarySolvedTable {
  /** The Slack view id of the form: the key that makes a double click count once. */
  view_id: string;
  entry_id: number;
  day: DateOnly;
  created_at: Generated<Date>;
}

// Merged into DB above (interfaces with one name are one type): the library's tables.
export interface DB {
  library_entries: LibraryEntriesTable;
  library_adoptions: LibraryAdoptionsTable;
  library_ratings: LibraryRatingsTable;
  library_misses: LibraryMissesTable;
  library_solved: LibrarySolvedTable;
  library_entry_counts: LibraryEntryCountsTable;
}

/** An entry's adoptions and 👍/👎, kept by triggers on library_adoptions and library_ratings; never written. */
export interface LibraryEntryCountsTable {
  entry_id: ColumnType<number, never, never>;
  adoptions: ColumnType<number, never, never>;
  useful: ColumnType<number, never, never>;
  not_useful: ColumnType<number, never, never>;
}

/** "New in the PMO library" and the library index (20261209130000). */
export interface LibraryNewsTable {
  entry_id: number;
  version: number;
  noted_at: Date;
}

export interface LibraryNewsDmsTable {
  id: Generated<number>;
  user_id: string;
  /** The ISO week, in the PMO's time zone: '2026-W48'. */
  week: string;
  topic_ids: Generated<number[]>;
  created_at: Date;
}

export interface LibraryNewsItemsTable {
  dm_id: number;
  entry_id: number;
  version: number;
}

export interface LibraryIndexTable {
  id: Generated<number>;
  channel: string | null;
  canvas_id: string | null;
  message_ts: string | null;
  fallback_reason: string | null;
  /** Kind → the markdown its section last held. */
  sections: ColumnType<Record<string, string>, string | undefined, string>;
  wanted: Generated<number>;
  written: Generated<number>;
  lease_until: Date | null;
  last_error: string | null;
  updated_at: Date | null;
}

// Merged into DB above: the library's announcements and index.
export interface DB {
  library_news: LibraryNewsTable;
  library_news_dms: LibraryNewsDmsTable;
  library_news_items: LibraryNewsItemsTable;
  library_index: LibraryIndexTable;
}

/** The language a person chose with /pmo language; without a row their Slack locale decides. */
export interface PersonLanguagesTable {
  slack_user_id: string;
  language: PersonLanguage;
  chosen_at: Generated<Date>;
}

// Merged into DB above: the languages people chose.
export interface DB {
  person_languages: PersonLanguagesTable;
}

/**
 * The digest's figures as last computed, one row per digest period: what a lead's Home shows.
 * `figures` is JSON text with its dates tagged (features/digest/figures.ts); `computing_until` is
 * the lease of the replica recomputing them.
 */
export interface DigestFiguresTable {
  period_key: string;
  figures: string | null;
  computed_at: Date | null;
  computing_until: Date | null;
}

// Merged into DB above: the digest's figures as last computed.
export interface DB {
  digest_figures: DigestFiguresTable;
}

/**
 * How fast the app may call a Slack method, shared by every replica (outbox/pacer.ts): Slack's
 * last Retry-After, the spacing learnt from its 429s and the first slot nobody reserved, all in
 * the database's time. Written with raw SQL by the pacer; declared for the schema check.
 */
export interface SlackRateTable {
  method: string;
  paused_until: Generated<Date>;
  spacing_ms: Generated<number>;
  next_slot: Generated<Date>;
}

// Merged into DB above: the Slack call pacing every replica shares.
export interface DB {
  slack_rate: SlackRateTable;
}
