-- Value check-ins after deliveries and during coaching, and their answers.

CREATE TABLE checkins (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('delivery', 'coaching', 'followup')),
  request_id bigint REFERENCES requests (id),
  engagement_id bigint REFERENCES coaching_engagements (id),
  -- coaching check-ins repeat: the sequence number keeps each one unique
  sequence integer NOT NULL DEFAULT 1,
  user_id text NOT NULL,
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled'
    CHECK (status IN ('scheduled', 'sent', 'reminded', 'answered', 'expired', 'cancelled')),
  sent_at timestamptz,
  reminded_at timestamptz,
  message_channel text,
  message_ts text,
  rating integer CHECK (rating BETWEEN 1 AND 5),
  what_changed text,
  could_be_better text,
  outcome_tags text[],
  followup_agreed boolean,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX checkins_unique_idx
  ON checkins (kind, coalesce(request_id, 0), coalesce(engagement_id, 0), sequence);
CREATE INDEX checkins_due_idx ON checkins (due_at) WHERE status IN ('scheduled', 'sent');
CREATE INDEX checkins_answered_idx ON checkins (answered_at) WHERE answered_at IS NOT NULL;
CREATE INDEX checkins_user_idx ON checkins (user_id, status);
