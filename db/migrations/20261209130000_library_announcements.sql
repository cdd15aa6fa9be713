-- "New in the PMO library": what is news (a publish, or an edit that changes what an entry is),
-- and what each person was told, so a person hears of an entry's version once and gets at most
-- one such DM a week.
CREATE TABLE library_news (
  entry_id integer PRIMARY KEY REFERENCES library_entries (id),
  version integer NOT NULL,
  noted_at timestamptz NOT NULL
);
CREATE INDEX library_news_noted ON library_news (noted_at);

-- One DM per person and week (the ISO week in the PMO's time zone, e.g. '2026-W48'); its topics
-- are those it was sent for, which "Stop these" opts out of.
CREATE TABLE library_news_dms (
  id serial PRIMARY KEY,
  user_id text NOT NULL,
  week text NOT NULL,
  topic_ids integer[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, week)
);

-- Which version of which entry a DM carried.
CREATE TABLE library_news_items (
  dm_id integer NOT NULL REFERENCES library_news_dms (id) ON DELETE CASCADE,
  entry_id integer NOT NULL REFERENCES library_entries (id),
  version integer NOT NULL,
  PRIMARY KEY (dm_id, entry_id)
);
CREATE INDEX library_news_items_entry ON library_news_items (entry_id);

-- The library index in the PMO channel: a channel canvas, or (where canvases are unavailable) a
-- pinned message. `wanted` moves on every change in the change's transaction, `written` when
-- Slack has it: written < wanted means an update is owed (retried until it lands). `sections`
-- holds what each kind's section last said, so only a changed section is replaced.
CREATE TABLE library_index (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  channel text,
  canvas_id text,
  message_ts text,
  fallback_reason text,
  sections jsonb NOT NULL DEFAULT '{}',
  wanted integer NOT NULL DEFAULT 1,
  written integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  last_error text,
  updated_at timestamptz
);
