-- The SAS slot search (issue 17, docs/decisions/0026-fhir-search-speed.md) reads every column of the free slots of
-- up to 25 professionals in a 48-hour window. Carrying source and rule_id as well, the free-slot index answers it
-- alone (an index-only scan while the pages are all-visible), as it already did for the booking search (V8).
-- Same key and predicate as the index it replaces: every other reader of free slots keeps its index.
CREATE INDEX slot_free_read_idx ON slot (professional_id, start_at) INCLUDE (site_id, kind, end_at, id, source, rule_id)
  WHERE status = 'free';
DROP INDEX slot_free_search_idx;
ALTER INDEX slot_free_read_idx RENAME TO slot_free_search_idx;
