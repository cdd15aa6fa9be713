-- Trust (issue 14): who changed what (the audit log), erasures of a person (asked for, by a lead,
-- or scheduled after Slack deactivated the account), and whether Slack still lets the app work
-- in this workspace (app_uninstalled / tokens_revoked).

-- Every change made by a member or a lead. `target_user_id` is the person it was about, if any,
-- kept apart from `subject` so an erasure can replace it; `detail` never holds free text.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  actor_id text NOT NULL,
  action text NOT NULL,
  target_user_id text,
  subject text,
  detail jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, created_at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_user_id, created_at DESC)
  WHERE target_user_id IS NOT NULL;

-- One row per erasure. While scheduled, user_id is the person's id; once done it is their
-- anonymous marker (ERASED-…), the same marker every table got, one per person.
CREATE TABLE erasures (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  marker text NOT NULL UNIQUE,
  reason text NOT NULL CHECK (reason IN ('self', 'lead', 'deactivated')),
  requested_by text,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'cancelled')),
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX erasures_scheduled_idx ON erasures (user_id) WHERE status = 'scheduled';
CREATE INDEX erasures_due_idx ON erasures (due_at) WHERE status = 'scheduled';

-- Set when Slack says the app was uninstalled or its tokens revoked: no replica sends again
-- until an operator restarts it with a fresh token (which clears it).
CREATE TABLE slack_installation (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  stopped_at timestamptz,
  stopped_reason text
);

-- Erasure looks rows up by the person on every table that holds an id; these were missing.
CREATE INDEX request_events_actor_idx ON request_events (actor_id);
CREATE INDEX request_questions_asked_by_idx ON request_questions (asked_by);
CREATE INDEX coaching_coachee_idx ON coaching_engagements (coachee_id);
CREATE INDEX coaching_coach_idx ON coaching_engagements (coach_id) WHERE coach_id IS NOT NULL;
CREATE INDEX outbox_recipient_idx ON outbox (recipient_id) WHERE recipient_id IS NOT NULL;
CREATE INDEX outbox_channel_idx ON outbox (channel);
CREATE INDEX outbox_request_idx ON outbox (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX invitations_created_by_idx ON invitations (created_by);
CREATE INDEX checkins_request_idx ON checkins (request_id) WHERE request_id IS NOT NULL;
