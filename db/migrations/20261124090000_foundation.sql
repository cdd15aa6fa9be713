-- Foundation: people we know from Slack, the PMO team, the service catalogue, the durable
-- outbox every outgoing message goes through, job runs (one run per schedule slot across
-- replicas) and processed Events API deliveries (Slack retries them).

CREATE TABLE people (
  slack_user_id text PRIMARY KEY,
  display_name text,
  tz text,
  is_deleted boolean NOT NULL DEFAULT false,
  refreshed_at timestamptz
);

CREATE TABLE services (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  slack_user_id text PRIMARY KEY,
  weekly_capacity integer NOT NULL DEFAULT 5 CHECK (weekly_capacity >= 0),
  active boolean NOT NULL DEFAULT true,
  added_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member_skills (
  member_id text NOT NULL REFERENCES members (slack_user_id) ON DELETE CASCADE,
  service_id integer NOT NULL REFERENCES services (id),
  PRIMARY KEY (member_id, service_id)
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  -- what the message is: 'request.requester_dm', 'request.triage_post', 'invitation.dm', …
  kind text NOT NULL,
  -- the same logical message is enqueued at most once, whatever retries happen upstream
  dedupe_key text NOT NULL UNIQUE,
  -- a user id (DM by user id, no conversations.open) or a channel id
  channel text NOT NULL,
  thread_ts text,
  payload jsonb NOT NULL,
  -- optional links back to the domain, so senders can re-check consent or record the ts
  request_id bigint,
  invitation_id bigint,
  recipient_id text,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  claimed_by text,
  sent_at timestamptz,
  message_channel text,
  message_ts text,
  skip_reason text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due_idx ON outbox (not_before, id) WHERE status = 'pending';
CREATE INDEX outbox_sending_idx ON outbox (claimed_at) WHERE status = 'sending';
CREATE INDEX outbox_invitation_idx ON outbox (invitation_id) WHERE invitation_id IS NOT NULL;

CREATE TABLE job_runs (
  job text NOT NULL,
  -- the schedule slot, e.g. '2026-11-23T09:00' for a digest: a second replica finds it taken
  run_key text NOT NULL,
  instance_id text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  detail jsonb,
  PRIMARY KEY (job, run_key)
);

CREATE TABLE processed_events (
  event_id text PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now()
);
