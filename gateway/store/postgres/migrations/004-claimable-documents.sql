-- Claims on documents (the outbox shared by several instances, DocumentRepo.claim). The fields a
-- claim looks at are copied out of `doc` into columns on every write, because json's ->> fails on
-- a document holding a NUL character anywhere (\u0000), which one stored document must not turn
-- into a failure of every claim. Only pending and delivering documents can be claimed: the index
-- holds those, a small part of a collection that keeps what it delivered.
ALTER TABLE documents
  ADD COLUMN status          text,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN claimed_by      text,
  ADD COLUMN lease_until     timestamptz;

-- Documents already stored. One holding a NUL is read without it (the fields claims look at are
-- ids, statuses and instants); one that cannot be read even so is left for its next write.
DO $$
DECLARE
  r record;
  d json;
BEGIN
  FOR r IN SELECT school_id, collection, id, doc::text AS text FROM documents LOOP
    BEGIN
      d := replace(r.text, '\u0000', '')::json;
      IF json_typeof(d) = 'object' THEN
        UPDATE documents SET
          status = d->>'status',
          next_attempt_at = CASE WHEN d->>'nextAttemptAt' ~ '^\d{4}-\d\d-\d\dT' THEN (d->>'nextAttemptAt')::timestamptz END,
          claimed_by = d->>'claimedBy',
          lease_until = CASE WHEN d->>'leaseUntil' ~ '^\d{4}-\d\d-\d\dT' THEN (d->>'leaseUntil')::timestamptz END
        WHERE school_id = r.school_id AND collection = r.collection AND id = r.id;
      END IF;
    EXCEPTION WHEN others THEN
      NULL;
    END;
  END LOOP;
END $$;

CREATE INDEX documents_claimable_idx ON documents (school_id, collection, next_attempt_at)
  WHERE status IN ('pending', 'delivering');
