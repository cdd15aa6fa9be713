-- How fast the app may call a Slack method, shared by every replica: Slack's limits are per
-- workspace, not per process. `paused_until` is Slack's last Retry-After, `spacing_ms` the gap
-- between two calls learnt from its 429s, `next_slot` the first moment no replica has reserved
-- yet. All three are in the database's time, which every replica shares and nobody moves.
CREATE TABLE slack_rate (
  method text PRIMARY KEY,
  paused_until timestamptz NOT NULL DEFAULT 'epoch',
  spacing_ms double precision NOT NULL DEFAULT 0,
  next_slot timestamptz NOT NULL DEFAULT 'epoch'
);
