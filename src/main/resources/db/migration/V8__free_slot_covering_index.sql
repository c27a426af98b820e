-- The search looks up each nearby professional's earliest free slot; with the columns it returns carried in
-- the index, that lookup no longer visits the table (an index-only scan while the pages are all-visible).
-- Same key and predicate as the index it replaces, so every other reader of free slots keeps its index.
CREATE INDEX slot_free_search_idx ON slot (professional_id, start_at) INCLUDE (site_id, kind, end_at, id)
  WHERE status = 'free';
DROP INDEX slot_free_by_professional_idx;
