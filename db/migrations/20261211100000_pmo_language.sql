-- The PMO's language, chosen in Slack: what channel posts (triage, the digest) are written in.
-- Null while PMO_LANGUAGE (English by default) applies. A two-letter code: en, fr, de, es.
ALTER TABLE pmo_settings ADD COLUMN language text;
