-- Value-driven service requests and their history.

CREATE TABLE requests (
  id bigserial PRIMARY KEY, -- shown to people as PMO-<id>
  -- one modal submission makes one request: Slack retries and double clicks reuse the key
  submission_key text NOT NULL UNIQUE,
  requester_id text NOT NULL,
  service_id integer NOT NULL REFERENCES services (id),
  project text NOT NULL,
  need text NOT NULL,
  expected_value text NOT NULL,
  needed_by date,
  impact text NOT NULL CHECK (impact IN ('blocking', 'important', 'nice_to_have')),
  link text,
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'claimed', 'in_progress', 'delivered', 'closed', 'declined', 'cancelled')),
  owner_id text,
  triage_channel text,
  triage_ts text,
  delivery_note text,
  delivery_links text,
  decline_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  started_at timestamptz,
  delivered_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX requests_requester_idx ON requests (requester_id, created_at DESC);
CREATE INDEX requests_status_idx ON requests (status, created_at);
CREATE INDEX requests_owner_idx ON requests (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX requests_created_idx ON requests (created_at);
CREATE INDEX requests_delivered_idx ON requests (delivered_at) WHERE delivered_at IS NOT NULL;

CREATE TABLE request_events (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES requests (id),
  actor_id text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_events_request_idx ON request_events (request_id, created_at);
CREATE INDEX request_events_created_idx ON request_events (created_at, to_status);

-- "Ask a question": the question goes to the requester by DM, the answer is threaded under
-- the triage post.
CREATE TABLE request_questions (
  id bigserial PRIMARY KEY,
  request_id bigint NOT NULL REFERENCES requests (id),
  asked_by text NOT NULL,
  question text NOT NULL,
  answer text,
  asked_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz
);
CREATE INDEX request_questions_request_idx ON request_questions (request_id);
