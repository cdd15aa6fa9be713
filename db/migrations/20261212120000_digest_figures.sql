-- The digest's figures as last computed, one row per digest period (its first local day): what a
-- lead's Home shows, so a Home publish reads one row instead of recomputing the digest.
-- computing_until is a lease: the replica that holds it recomputes, the others show the row.

CREATE TABLE digest_figures (
  period_key text PRIMARY KEY,
  figures jsonb,
  computed_at timestamptz,
  computing_until timestamptz
);
