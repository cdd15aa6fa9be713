-- Leads see the value (issue 15): benefits realised on the follow-up, the digest's chart shared
-- once, and "you said, we did" actions per service and period.

-- The follow-up's answer to "You expected: …. Did it happen?"
ALTER TABLE checkins ADD COLUMN realised text
  CHECK (realised IN ('yes', 'partly', 'not_yet', 'no'));

-- The digest's chart, one per digest period: drawn when the digest is enqueued (its figures and
-- image frozen with the text), shared once the digest is posted, attempted once
-- (pending → sharing → shared | failed), never retried.
CREATE TABLE digest_charts (
  run_key text PRIMARY KEY,
  chart jsonb NOT NULL,
  png bytea,
  alt_text text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sharing', 'shared', 'failed')),
  file_id text,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- "You said, we did": what the PMO did about a service's feedback in one digest period. One
-- action per service and period, so the people who gave that feedback are told once.
CREATE TABLE service_actions (
  id bigserial PRIMARY KEY,
  service_id integer NOT NULL REFERENCES services (id),
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  action text NOT NULL,
  recorded_by text NOT NULL,
  recipients integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, period_start)
);
