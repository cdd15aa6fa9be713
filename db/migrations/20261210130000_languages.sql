-- Each person's Slack locale (users.info with include_locale), cached beside their time zone,
-- and the language they chose with /pmo language, which wins over it.
ALTER TABLE people ADD COLUMN locale text;

CREATE TABLE person_languages (
  slack_user_id text PRIMARY KEY,
  language text NOT NULL CHECK (language IN ('en', 'fr', 'de', 'es')),
  chosen_at timestamptz NOT NULL DEFAULT now()
);
