-- App Home: who has opened the Home tab at least once. Home is re-published after changes
-- only for these people, so a fan-out or a digest never publishes to thousands who never look.

CREATE TABLE home_views (
  user_id text PRIMARY KEY,
  first_opened_at timestamptz NOT NULL,
  published_at timestamptz
);
