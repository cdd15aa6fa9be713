-- Each entry's adoptions and 👍/👎, kept on the entry by the database itself. Search results and
-- the request form's suggestions rank and show these counts for hundreds of entries at a time;
-- counting the rows of each entry per query cost a lookup per entry. Triggers keep the counts true
-- whatever writes the rows (adopting, rating, erasure, retention), so no caller can forget one.
ALTER TABLE library_entries
  ADD COLUMN adoption_count integer NOT NULL DEFAULT 0,
  ADD COLUMN useful_count integer NOT NULL DEFAULT 0,
  ADD COLUMN not_useful_count integer NOT NULL DEFAULT 0;

UPDATE library_entries e SET
  adoption_count = (SELECT count(*) FROM library_adoptions a WHERE a.entry_id = e.id),
  useful_count = (SELECT count(*) FROM library_ratings r WHERE r.entry_id = e.id AND r.useful),
  not_useful_count = (SELECT count(*) FROM library_ratings r WHERE r.entry_id = e.id AND NOT r.useful);

CREATE FUNCTION library_count_adoptions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE library_entries SET adoption_count = adoption_count - 1 WHERE id = OLD.entry_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE library_entries SET adoption_count = adoption_count + 1 WHERE id = NEW.entry_id;
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
    UPDATE library_entries SET
      useful_count = useful_count - (CASE WHEN OLD.useful THEN 1 ELSE 0 END),
      not_useful_count = not_useful_count - (CASE WHEN OLD.useful THEN 0 ELSE 1 END)
    WHERE id = OLD.entry_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE library_entries SET
      useful_count = useful_count + (CASE WHEN NEW.useful THEN 1 ELSE 0 END),
      not_useful_count = not_useful_count + (CASE WHEN NEW.useful THEN 0 ELSE 1 END)
    WHERE id = NEW.entry_id;
  END IF;
  RETURN NULL;
END $$;

-- Changing one's answer (👎 to 👍) moves one count to the other; a comment edit changes nothing.
CREATE TRIGGER library_ratings_count
  AFTER INSERT OR DELETE OR UPDATE OF entry_id, useful ON library_ratings
  FOR EACH ROW EXECUTE FUNCTION library_count_ratings();
