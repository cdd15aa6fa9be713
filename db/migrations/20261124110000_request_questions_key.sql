-- One "Ask a question" modal submission makes one question, like one request form makes one
-- request: Slack re-sends the same view id when a person double-submits.
ALTER TABLE request_questions ADD COLUMN submission_key text;
CREATE UNIQUE INDEX request_questions_submission_idx ON request_questions (submission_key);
