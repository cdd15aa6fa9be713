-- An entry saved from a delivered request remembers which one, so the PMO can see what a piece
-- of work gave back to others. SET NULL: erasing or removing a request keeps the entry, which is
-- the PMO's content.
ALTER TABLE library_entries
  ADD COLUMN from_request_id bigint REFERENCES requests (id) ON DELETE SET NULL;

-- The review-by date the owner was last asked about: the review DM goes out once per review
-- cycle (when review_by moves on, a new cycle starts), however many times the daily job runs.
ALTER TABLE library_entries ADD COLUMN review_asked_for date;

CREATE INDEX library_entries_review_due ON library_entries (review_by) WHERE status = 'published';
