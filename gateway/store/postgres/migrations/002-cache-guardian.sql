-- Cached records of a guardian (their own record), for the retention purge (issue 15).
ALTER TABLE cache_entries ADD COLUMN guardian_id text;
CREATE INDEX cache_entries_guardian_idx ON cache_entries (school_id, guardian_id) WHERE guardian_id IS NOT NULL;
