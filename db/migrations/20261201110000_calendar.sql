-- Issue 13: the PMO's working calendar, response targets, nudges and escalations, time away,
-- and quiet after silence.

-- Days the PMO is closed beyond public holidays (added by leads with /pmo calendar).
CREATE TABLE pmo_closures (
  day date PRIMARY KEY,
  reason text NOT NULL DEFAULT '',
  added_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Response targets per service, in working days; NULL: the defaults (1 and 10).
ALTER TABLE services ADD COLUMN first_response_days integer
  CHECK (first_response_days BETWEEN 1 AND 60);
ALTER TABLE services ADD COLUMN delivery_days integer CHECK (delivery_days BETWEEN 1 AND 250);

-- Each request's targets, fixed when it is filed (working time in the PMO's calendar), and when
-- the PMO first answered it (a claim, an assignment or a question to the requester).
ALTER TABLE requests ADD COLUMN first_response_due timestamptz;
ALTER TABLE requests ADD COLUMN nudge_at timestamptz;
ALTER TABLE requests ADD COLUMN delivery_due timestamptz;
ALTER TABLE requests ADD COLUMN first_response_at timestamptz;

-- The nudge/escalation job reads only waiting requests, by their next moment.
CREATE INDEX requests_nudge_due_idx ON requests (nudge_at)
  WHERE status = 'new' AND first_response_at IS NULL;
CREATE INDEX requests_first_response_due_idx ON requests (first_response_due)
  WHERE status = 'new' AND first_response_at IS NULL;
CREATE INDEX requests_delivery_due_idx ON requests (delivery_due)
  WHERE status IN ('claimed', 'in_progress');
-- The digest's on-target rates: answered in a period, or due in it.
CREATE INDEX requests_first_response_at_idx ON requests (first_response_at)
  WHERE first_response_at IS NOT NULL;
CREATE INDEX requests_first_response_target_idx ON requests (first_response_due)
  WHERE first_response_due IS NOT NULL;

-- One nudge and one escalation per request, target and person: the primary key is what makes
-- it once across replicas. A planned alert waits for its person's working hours (not_before),
-- then one conditional update sends it through the outbox. user_id '' marks a round planned
-- for nobody (no suggested member available), so the request is not planned again.
CREATE TABLE request_alerts (
  request_id integer NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
  target text NOT NULL CHECK (target IN ('first_response', 'delivery')),
  kind text NOT NULL CHECK (kind IN ('nudge', 'escalation')),
  user_id text NOT NULL,
  not_before timestamptz NOT NULL,
  sent_at timestamptz,
  skipped text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, target, kind, user_id)
);
CREATE INDEX request_alerts_due_idx ON request_alerts (not_before)
  WHERE sent_at IS NULL AND skipped IS NULL;

-- Time away: one period per person (the latest set replaces the one before).
CREATE TABLE away_periods (
  user_id text PRIMARY KEY,
  first_day date NOT NULL,
  last_day date NOT NULL,
  set_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (last_day >= first_day)
);
CREATE INDEX away_periods_last_day_idx ON away_periods (last_day);

-- An invitation held back while its recipient is away: sent again from this moment (the first
-- working day after they are back, one a day), never dropped.
ALTER TABLE invitation_recipients ADD COLUMN deferred_until timestamptz;
CREATE INDEX invitation_recipients_deferred_idx ON invitation_recipients (deferred_until)
  WHERE deferred_until IS NOT NULL;

-- "Still interested?": asked once after three ignored invitations; no invitations meanwhile.
CREATE TABLE silence_checks (
  id serial PRIMARY KEY,
  user_id text NOT NULL,
  asked_at timestamptz NOT NULL,
  answered_at timestamptz,
  answer text CHECK (answer IN ('keep', 'pause', 'optout'))
);
-- At most one open question per person.
CREATE UNIQUE INDEX silence_checks_open_idx ON silence_checks (user_id) WHERE answered_at IS NULL;
CREATE INDEX silence_checks_user_idx ON silence_checks (user_id, asked_at DESC);
