-- The PMO's library: templates, standards, playbooks, training material and lessons that people
-- find and take themselves. Topics and services are kept by slug, so an entry survives a topic
-- or service being renamed or retired.
CREATE TABLE library_entries (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('template', 'standard', 'playbook', 'training', 'lesson')),
  title text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  topics text[] NOT NULL DEFAULT '{}',
  services text[] NOT NULL DEFAULT '{}',
  owner_id text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  version integer NOT NULL DEFAULT 1,
  review_by date NOT NULL DEFAULT (now() + interval '6 months')::date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Ranked by full-text search: a word in the title counts more than one in the summary, which
  -- counts more than one in the body. The 'english' configuration is named so the column stays
  -- immutable (a generated column must be) whatever the server's default_text_search_config.
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, summary), 'B') ||
    setweight(to_tsvector('english'::regconfig, body), 'C')
  ) STORED
);
CREATE INDEX library_entries_search ON library_entries USING gin (search);
CREATE INDEX library_entries_status ON library_entries (status, kind);

-- "We use this": a voluntary adoption, by the team or project the person typed.
CREATE TABLE library_adoptions (
  id bigserial PRIMARY KEY,
  entry_id integer NOT NULL REFERENCES library_entries (id),
  user_id text NOT NULL,
  team_or_project text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX library_adoptions_entry ON library_adoptions (entry_id);

-- "Useful?": one answer per person and entry, changed by answering again.
CREATE TABLE library_ratings (
  id bigserial PRIMARY KEY,
  entry_id integer NOT NULL REFERENCES library_entries (id),
  user_id text NOT NULL,
  useful boolean NOT NULL,
  comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entry_id, user_id)
);

-- Searches that found nothing, counted by their words: a demand signal that keeps no person.
CREATE TABLE library_misses (
  words text PRIMARY KEY,
  count integer NOT NULL DEFAULT 1,
  last_at timestamptz NOT NULL DEFAULT now()
);
