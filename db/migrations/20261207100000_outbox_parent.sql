-- A message may wait for a parent message (by its dedupe key): the sender sends it only once the
-- parent is sent, in the parent's thread. Replies already waiting for their parent are moved onto
-- it: the digest's thread reply (held far in the future until its post was out) and replies under
-- a triage post that was not posted yet.
ALTER TABLE outbox ADD COLUMN parent_key text;

UPDATE outbox
SET parent_key = regexp_replace(dedupe_key, '\.thread$', '.main'), not_before = now()
WHERE kind = 'digest.thread' AND status = 'pending' AND thread_ts IS NULL;

UPDATE outbox
SET parent_key = 'request.' || request_id || '.triage'
WHERE kind = 'request.thread' AND status = 'pending' AND thread_ts IS NULL AND request_id IS NOT NULL;
