-- Claims on documents (the outbox shared by several instances, DocumentRepo.claim): only pending
-- and delivering documents can be claimed, a small part of a collection that keeps what it delivered.
CREATE INDEX documents_claimable_idx ON documents (school_id, collection)
  WHERE doc->>'status' IN ('pending', 'delivering');
