-- The workspace a request was filed from, as Slack's payload named it: in an Enterprise Grid
-- organisation people in several workspaces file requests into one PMO channel, and the triage
-- post says where each came from. Each column is null where no payload named it.
ALTER TABLE requests ADD COLUMN team_id text;
-- The workspace's name or domain, as the payload gave it (a label, not a key).
ALTER TABLE requests ADD COLUMN team_name text;
-- The organisation, when the payload came from Enterprise Grid: only then does the triage post
-- name the workspace (a single workspace needs no such line).
ALTER TABLE requests ADD COLUMN enterprise_id text;
