-- The app's installations when Slack installs it through OAuth: one row per workspace install,
-- or one per organisation for an org-wide (Enterprise Grid) install, which then serves every
-- workspace of that organisation. `install_key` names it: 'E:<enterprise id>' for an org-wide
-- install, 'T:<team id>' for a workspace. With token rotation on, the bot token expires
-- (`bot_token_expires_at`) and is renewed with the single-use `bot_refresh_token`; replicas
-- refresh under a row lock so the refresh token is used once. Single-token deployments
-- (SLACK_BOT_TOKEN) leave the table empty. It holds no person: the installer's id is not kept.
CREATE TABLE installations (
  install_key text PRIMARY KEY,
  enterprise_id text,
  enterprise_name text,
  team_id text,
  team_name text,
  is_enterprise_install boolean NOT NULL,
  app_id text,
  bot_id text NOT NULL,
  bot_user_id text NOT NULL,
  bot_token text NOT NULL,
  bot_scopes text NOT NULL DEFAULT '',
  bot_refresh_token text,
  bot_token_expires_at timestamptz,
  installed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (is_enterprise_install = (enterprise_id IS NOT NULL AND team_id IS NULL)),
  CHECK (enterprise_id IS NOT NULL OR team_id IS NOT NULL)
);
-- The deployment's installation is the org-wide one, else the first workspace installed.
CREATE INDEX installations_installed_idx ON installations (installed_at, install_key);
