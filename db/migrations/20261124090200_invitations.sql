-- Invitation, never mandate: topics, per-topic consent with its history, personal caps and
-- pauses, invitations with RSVPs, and coaching engagements.

CREATE TABLE topics (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  sort_order integer NOT NULL DEFAULT 0,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Current consent per person and topic. No row, or opted_in = false: never invited.
CREATE TABLE consents (
  user_id text NOT NULL,
  topic_id integer NOT NULL REFERENCES topics (id),
  opted_in boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, topic_id)
);
CREATE INDEX consents_topic_idx ON consents (topic_id) WHERE opted_in;

-- Every consent change, with when and where it came from (modal, command, button, home).
CREATE TABLE consent_events (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  topic_id integer REFERENCES topics (id),
  action text NOT NULL,
  detail jsonb,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_events_user_idx ON consent_events (user_id, created_at);
CREATE INDEX consent_events_created_idx ON consent_events (created_at);

CREATE TABLE invitation_prefs (
  user_id text PRIMARY KEY,
  cap text NOT NULL DEFAULT 'two_per_month'
    CHECK (cap IN ('one_per_week', 'two_per_month', 'one_per_month')),
  paused_until date,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invitations (
  id bigserial PRIMARY KEY,
  submission_key text NOT NULL UNIQUE,
  created_by text NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  event_date date,
  link text,
  seats integer CHECK (seats IS NULL OR seats > 0),
  rsvp_deadline date,
  mode text NOT NULL CHECK (mode IN ('dm', 'channel')),
  announce_channel text,
  summary_channel text,
  summary_ts text,
  status text NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_created_idx ON invitations (created_at);

CREATE TABLE invitation_topics (
  invitation_id bigint NOT NULL REFERENCES invitations (id),
  topic_id integer NOT NULL REFERENCES topics (id),
  PRIMARY KEY (invitation_id, topic_id)
);

-- One row per invitation and person: the unique key is what makes "at most once" hold.
CREATE TABLE invitation_recipients (
  invitation_id bigint NOT NULL REFERENCES invitations (id),
  user_id text NOT NULL,
  -- the topic whose consent made this person a recipient (said in the DM)
  topic_id integer NOT NULL REFERENCES topics (id),
  delivery text NOT NULL DEFAULT 'queued'
    CHECK (delivery IN ('queued', 'delivered', 'skipped')),
  skip_reason text,
  delivered_at timestamptz,
  rsvp text CHECK (rsvp IN ('going', 'waitlist', 'declined')),
  rsvp_at timestamptz,
  message_channel text,
  message_ts text,
  PRIMARY KEY (invitation_id, user_id)
);
CREATE INDEX invitation_recipients_user_idx ON invitation_recipients (user_id, delivered_at);

CREATE TABLE coaching_engagements (
  id bigserial PRIMARY KEY,
  coachee_id text NOT NULL,
  coach_id text,
  focus_service_ids integer[] NOT NULL DEFAULT '{}',
  goals text NOT NULL,
  cadence text NOT NULL,
  status text NOT NULL DEFAULT 'proposed'
    CHECK (status IN ('proposed', 'active', 'ended', 'unmatched')),
  proposed_to text,
  passed_by text[] NOT NULL DEFAULT '{}',
  intro_channel text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  ended_at timestamptz,
  ended_by text,
  end_reason text
);
-- one open engagement per coachee
CREATE UNIQUE INDEX coaching_open_idx ON coaching_engagements (coachee_id)
  WHERE status IN ('proposed', 'active');
