-- Each entry's adoptions and 👍/👎, kept by the database itself. Search results and the request
-- form's suggestions rank and show these counts for hundreds of entries at a time; counting each
-- entry's rows per query cost a lookup per entry. Triggers keep the counts true whatever writes
-- the rows (adopting, rating, erasure, retention), so no caller can forget one. The counts have a
-- narrow table of their own: a rating then rewrites a few bytes, not the entry with its text and
-- search vector (which PGlite, having no autovacuum, would leave behind as dead rows).
CREATE TABLE library_entry_counts (
  entry_id integer PRIMARY KEY REFERENCES library_entries (id),
  adoptions integer NOT NULL DEFAULT 0,
  useful integer NOT NULL DEFAULT 0,
  not_useful integer NOT NULL DEFAULT 0
);

INSERT INTO library_entry_counts (entry_id, adoptions, useful, not_useful)
SELECT e.id,
  (SELECT count(*) FROM library_adoptions a WHERE a.entry_id = e.id),
  (SELECT count(*) FROM library_ratings r WHERE r.entry_id = e.id AND r.useful),
  (SELECT count(*) FROM library_ratings r WHERE r.entry_id = e.id AND NOT r.useful)
FROM library_entries e;

CREATE FUNCTION library_count(entry integer, adoptions integer, useful integer, not_useful integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO library_entry_counts AS c (entry_id, adoptions, useful, not_useful)
  VALUES (entry, adoptions, useful, not_useful)
  ON CONFLICT (entry_id) DO UPDATE SET
    adoptions = c.adoptions + excluded.adoptions,
    useful = c.useful + excluded.useful,
    not_useful = c.not_useful + excluded.not_useful
$$;

CREATE FUNCTION library_count_adoptions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM library_count(OLD.entry_id, -1, 0, 0);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM library_count(NEW.entry_id, 1, 0, 0);
  END IF;
  RETURN NULL;
END $$;

-- An update that leaves the entry alone (an erasure blanking the team or project) changes nothing.
CREATE TRIGGER library_adoptions_count
  AFTER INSERT OR DELETE OR UPDATE OF entry_id ON library_adoptions
  FOR EACH ROW EXECUTE FUNCTION library_count_adoptions();

CREATE FUNCTION library_count_ratings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM library_count(OLD.entry_id, 0, -(OLD.useful::int), -((NOT OLD.useful)::int));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM library_count(NEW.entry_id, 0, NEW.useful::int, (NOT NEW.useful)::int);
  END IF;
  RETURN NULL;
END $$;

-- Changing one's answer (👎 to 👍) moves one count to the other; a comment edit changes nothing.
CREATE TRIGGER library_ratings_count
  AFTER INSERT OR DELETE OR UPDATE OF entry_id, useful ON library_ratings
  FOR EACH ROW EXECUTE FUNCTION library_count_ratings();
