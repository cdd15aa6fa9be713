/**
 * Where the app keeps a person: ONE declarative list of every table holding a Slack user id or
 * free text a person typed, read by the erasure (forget-me, a lead's erase, a deactivated
 * account) and checked by test/privacy/erase.test.ts, which walks every text, varchar, jsonb and
 * array column of every table: a column added later and forgotten here fails that test.
 *
 * How a person is erased, table by table, in this order:
 *   1. `scrub`: on the rows that are theirs, free text is cleared (and, say, a pending message
 *      skipped) while their id still finds the rows;
 *   2. `deleteWhere`: rows that are only about them (preferences, Home cache) go;
 *   3. `ids` and `idArrays`: their id becomes their marker (ERASED-…), one per person, so
 *      counts of distinct people (the digest's) do not change;
 *   4. `mentions`: text that embeds their id ("assigned to U123") gets the marker instead.
 */

/** Which rows are the person's. */
export type Rows =
  | { column: string }
  /** Rows of a request they asked for: `column` holds a request id. */
  | { requestOf: string }
  /** Rows whose text (jsonb included) mentions their id anywhere. */
  | { mentions: string }
  | { anyOf: Rows[] };

export interface Scrub {
  rows: Rows;
  /** Column → value it gets (null, '', a replacement jsonb, a status). */
  set: Record<string, string | boolean | null | { now: true }>;
  /** Only rows also matching this plain SQL condition (e.g. still pending). */
  onlyIf?: string;
}

export interface PersonalTable {
  table: string;
  ids?: string[];
  idArrays?: string[];
  scrub?: Scrub[];
  deleteWhere?: string;
  mentions?: string[];
  /**
   * A cache of figures that may quote anyone's words or id (unattributed comments, who is away):
   * emptied at every erasure and computed again when next read.
   */
  emptied?: true;
}

const ERASED_PAYLOAD = JSON.stringify({ text: '(erased)' });

export const PERSONAL_DATA: PersonalTable[] = [
  // Slack's profile copy: name and time zone.
  { table: 'people', deleteWhere: 'slack_user_id' },
  // The language they chose with /pmo language.
  { table: 'person_languages', deleteWhere: 'slack_user_id' },
  // The digest's figures as last computed (a lead's Home): their comments and id may be in them.
  { table: 'digest_figures', emptied: true },
  // Skills go first: member_skills references members by id.
  { table: 'member_skills', deleteWhere: 'member_id' },
  {
    table: 'members',
    ids: ['slack_user_id', 'added_by'],
    scrub: [{ rows: { column: 'slack_user_id' }, set: { active: false } }],
  },
  {
    table: 'requests',
    ids: ['requester_id', 'owner_id'],
    scrub: [
      {
        rows: { column: 'requester_id' },
        set: {
          project: '',
          need: '',
          expected_value: '',
          link: null,
          delivery_note: null,
          delivery_links: null,
          decline_reason: null,
          // The message a shortcut or a reaction filed it from: a link to their words.
          origin_channel: null,
          origin_ts: null,
          origin_permalink: null,
        },
      },
      // What they wrote as the member who handled someone else's request.
      {
        rows: { column: 'owner_id' },
        set: { delivery_note: null, delivery_links: null, decline_reason: null },
      },
    ],
  },
  {
    table: 'request_events',
    ids: ['actor_id'],
    scrub: [{ rows: { anyOf: [{ requestOf: 'request_id' }, { column: 'actor_id' }] }, set: { note: null } }],
    mentions: ['note'],
  },
  {
    table: 'request_questions',
    ids: ['asked_by'],
    scrub: [
      { rows: { requestOf: 'request_id' }, set: { question: '', answer: null } },
      { rows: { column: 'asked_by' }, set: { question: '' } },
    ],
  },
  { table: 'consents', deleteWhere: 'user_id' },
  // Consent history stays as figures (opt-ins and opt-outs per week), under the marker.
  { table: 'consent_events', ids: ['user_id'], mentions: ['detail'] },
  { table: 'invitation_prefs', deleteWhere: 'user_id' },
  { table: 'invitation_drafts', deleteWhere: 'created_by' },
  {
    table: 'invitations',
    ids: ['created_by'],
    scrub: [{ rows: { column: 'created_by' }, set: { title: '', message: '', link: null } }],
  },
  {
    table: 'invitation_recipients',
    ids: ['user_id'],
    scrub: [
      { rows: { column: 'user_id' }, set: { message_channel: null, message_ts: null } },
      {
        rows: { column: 'user_id' },
        set: { delivery: 'skipped', skip_reason: 'erased' },
        onlyIf: "delivery = 'queued'",
      },
    ],
  },
  {
    table: 'coaching_engagements',
    ids: ['coachee_id', 'coach_id', 'proposed_to', 'ended_by'],
    idArrays: ['passed_by'],
    scrub: [
      { rows: { column: 'coachee_id' }, set: { goals: '', end_reason: null, intro_channel: null } },
      { rows: { column: 'coach_id' }, set: { intro_channel: null } },
      { rows: { column: 'ended_by' }, set: { end_reason: null } },
      // Nobody is left to coach or be coached.
      {
        rows: { anyOf: [{ column: 'coachee_id' }, { column: 'coach_id' }] },
        set: { status: 'ended', ended_at: { now: true } },
        onlyIf: "status IN ('proposed', 'active')",
      },
    ],
  },
  {
    table: 'checkins',
    ids: ['user_id'],
    scrub: [
      {
        rows: { column: 'user_id' },
        set: { what_changed: null, could_be_better: null, message_channel: null, message_ts: null },
      },
      {
        rows: { column: 'user_id' },
        set: { status: 'cancelled' },
        onlyIf: "status IN ('scheduled', 'sent', 'reminded')",
      },
    ],
  },
  {
    table: 'outbox',
    ids: ['channel', 'recipient_id'],
    scrub: [
      {
        rows: {
          anyOf: [
            { column: 'channel' },
            { column: 'recipient_id' },
            { requestOf: 'request_id' },
            { mentions: 'payload' },
          ],
        },
        set: { payload: ERASED_PAYLOAD },
      },
      {
        rows: { anyOf: [{ column: 'channel' }, { column: 'recipient_id' }] },
        set: { message_channel: null, last_error: null },
      },
      {
        rows: { anyOf: [{ column: 'channel' }, { column: 'recipient_id' }] },
        set: { status: 'skipped', skip_reason: 'erased' },
        onlyIf: "status = 'pending'",
      },
    ],
    // Keys such as `invitation.12.U123`: the marker keeps them unique.
    mentions: ['dedupe_key'],
  },
  { table: 'home_views', deleteWhere: 'user_id' },
  // Intake: the message a form was opened from, a reaction's offer, a channel's set-up.
  { table: 'request_form_origins', deleteWhere: 'user_id' },
  { table: 'intake_offers', deleteWhere: 'user_id' },
  { table: 'intake_channels', ids: ['set_by'] },
  // Calendar: their time away, the "Still interested?" asks, nudges and escalations.
  { table: 'away_periods', deleteWhere: 'user_id', ids: ['set_by'] },
  { table: 'silence_checks', deleteWhere: 'user_id' },
  {
    table: 'request_alerts',
    ids: ['user_id'],
    // A nudge or escalation still to come is not sent to nobody.
    scrub: [
      {
        rows: { column: 'user_id' },
        set: { skipped: 'erased' },
        onlyIf: 'sent_at IS NULL AND skipped IS NULL',
      },
    ],
  },
  // "You said, we did": what a lead recorded as done for a service.
  {
    table: 'service_actions',
    ids: ['recorded_by'],
    scrub: [{ rows: { column: 'recorded_by' }, set: { action: '' } }],
  },
  {
    table: 'pmo_closures',
    ids: ['added_by'],
    scrub: [{ rows: { column: 'added_by' }, set: { reason: '' } }],
  },
  // The library: an entry keeps its content (the PMO's, not the owner's); what a person typed
  // about their own use of it goes.
  { table: 'library_entries', ids: ['owner_id'] },
  {
    table: 'library_adoptions',
    ids: ['user_id'],
    scrub: [{ rows: { column: 'user_id' }, set: { team_or_project: '' } }],
  },
  {
    table: 'library_ratings',
    ids: ['user_id'],
    scrub: [{ rows: { column: 'user_id' }, set: { comment: null } }],
  },
  // "New in the PMO library" notes: only about the person (which entries they were told of).
  { table: 'library_news_dms', deleteWhere: 'user_id' },
  { table: 'audit_log', ids: ['actor_id', 'target_user_id'], mentions: ['subject', 'detail'] },
  { table: 'erasures', ids: ['user_id', 'requested_by'] },
  // The settings leads chose: the leads they added and who saved last.
  { table: 'pmo_settings', ids: ['updated_by'], idArrays: ['lead_ids'] },
];

/** Tables that hold no person at all (checked by the same test, so a new table is a decision). */
export const NOT_PERSONAL = [
  'services',
  // The digest's chart: figures for the whole PMO, no person.
  'digest_charts',
  'topics',
  'invitation_topics',
  // Searches that found nothing: their words and a count, never who searched.
  'library_misses',
  // "This solved it": an entry, a day and the form's view id, never who clicked.
  'library_solved',
  // Each entry's counts of adoptions and 👍/👎: numbers, no person.
  'library_entry_counts',
  // News is an entry and its version; a note's items point at a note, not a person; the
  // channel's index holds what the PMO publishes.
  'library_news',
  'library_news_items',
  'library_index',
  'job_runs',
  // How fast each Slack method may be called: method names and times.
  'slack_rate',
  'processed_events',
  'slack_installation',
  // OAuth installations: workspaces, organisations and the bot's tokens; the installer is not kept.
  'installations',
  'kysely_migration',
  'kysely_migration_lock',
];
