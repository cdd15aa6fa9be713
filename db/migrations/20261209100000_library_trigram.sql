-- Typo-tolerant library search: when full-text search finds nothing ("risk regster"), the
-- library falls back to trigram word similarity with the title (pg_trgm, which PGlite ships as
-- an extension the client loads). A GiST index, not GIN: it hands back the nearest titles first
-- (ORDER BY words <<-> title), so the fallback reads a few index pages, where a GIN scan had to
-- recheck every candidate and lost to a sequential scan at 10,000 entries.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX library_entries_title_trigram ON library_entries USING gist (title gist_trgm_ops);
-- The latest entries (a search with no words, the browse modal as it opens), without sorting all.
CREATE INDEX library_entries_latest ON library_entries (updated_at DESC, id DESC);
-- An entry's 👍 and 👎 counted from the index alone (the unique (entry_id, user_id) index had to
-- visit every rating's row to read its answer): search results and suggestions count them per entry.
CREATE INDEX library_ratings_entry_useful ON library_ratings (entry_id, useful);
