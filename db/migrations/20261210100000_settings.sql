-- The PMO's settings as its leads chose them in Slack (/pmo settings), over the environment's
-- defaults: one row, each column null while the environment's value applies. `version` grows
-- with every save, so each replica notices a change by reading one integer.
CREATE TABLE pmo_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  -- Leads added in Slack; PMO_LEAD_IDS's leads are leads whatever this holds.
  lead_ids text[],
  channel_id text,
  timezone text,
  -- Hours as "9-17" and days as "1-5" (ISO weekdays), the environment's own notation.
  working_hours text,
  working_days text,
  -- A holiday region such as FR or US-CA; '' means no public holidays.
  holidays text,
  checkin_after_days integer,
  checkin_hours text,
  checkin_days text,
  digest_cron text,
  retention_days integer,
  version integer NOT NULL DEFAULT 0,
  updated_by text,
  updated_at timestamptz
);

INSERT INTO pmo_settings (id) VALUES (true);
