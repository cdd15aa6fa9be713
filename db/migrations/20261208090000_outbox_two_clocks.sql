-- Two kinds of "not yet", each compared with its own clock. `not_before` is a moment in the
-- app's time (someone's working hours, their return from leave): NULL means as soon as
-- possible, and the sender compares it with the app's clock, which tests and the sandbox move.
-- `retry_at` is the sender's own backoff after a 429 or a 5xx, in the database's time, which
-- every replica shares and nobody moves.
ALTER TABLE outbox ALTER COLUMN not_before DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN not_before DROP DEFAULT;
ALTER TABLE outbox ADD COLUMN retry_at timestamptz;

DROP INDEX outbox_due_idx;
CREATE INDEX outbox_due_idx ON outbox (not_before NULLS FIRST, id) WHERE status = 'pending';
