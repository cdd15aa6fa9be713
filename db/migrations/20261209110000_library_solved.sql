-- "This solved it": a request form closed without filing because a library entry it suggested
-- answered the need. One row per form (its Slack view id), so a double click counts once; the
-- day and the entry are what the counts are read by. Nobody is kept: not who clicked, nor what
-- they had typed.
CREATE TABLE library_solved (
  view_id text PRIMARY KEY,
  entry_id integer NOT NULL REFERENCES library_entries (id) ON DELETE CASCADE,
  day date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX library_solved_entry_day ON library_solved (entry_id, day);

-- The request form's suggestions and the claimer's list look entries up by service slug.
CREATE INDEX library_entries_services ON library_entries USING gin (services);
