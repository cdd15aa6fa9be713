-- Issue 12: a request can start from the message that raised it, from a global shortcut, from a
-- Workflow Builder step, or from a reaction in a channel that opted in.

-- Where a request came from: the message's channel and ts, and its permalink (shown on the
-- triage post). Null for requests filed from /pmo request, Home or the global shortcut.
ALTER TABLE requests ADD COLUMN origin_channel text;
ALTER TABLE requests ADD COLUMN origin_ts text;
ALTER TABLE requests ADD COLUMN origin_permalink text;

-- The message a request form was opened from, kept by the form's view id (the submission key):
-- the thread reply goes where the app saw the message, never where a payload says.
CREATE TABLE request_form_origins (
  view_id text PRIMARY KEY,
  user_id text NOT NULL,
  channel text NOT NULL,
  message_ts text NOT NULL,
  -- where a reply goes: the thread's parent, or the message itself
  thread_ts text NOT NULL,
  permalink text,
  created_at timestamptz NOT NULL
);
CREATE INDEX request_form_origins_created_idx ON request_form_origins (created_at);

-- Reaction intake, opt-in per channel: reacting with `emoji` on a message in `channel_id`
-- offers the reactor a button that opens the prefilled form.
CREATE TABLE intake_channels (
  channel_id text PRIMARY KEY,
  emoji text NOT NULL,
  set_by text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- "File this as a PMO request?" offered to someone who reacted: the button names this row, and
-- only that person can use it. The message's text is kept (shortened) to prefill the form, and
-- dropped with the row once the form was opened or after a day.
CREATE TABLE intake_offers (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL,
  channel text NOT NULL,
  message_ts text NOT NULL,
  thread_ts text NOT NULL,
  permalink text,
  need text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, channel, message_ts)
);

-- The wait estimate reads one service's requests of the last 90 days.
CREATE INDEX requests_service_created_idx ON requests (service_id, created_at);
