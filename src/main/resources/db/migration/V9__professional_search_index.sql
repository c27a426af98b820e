-- The search joins each nearby site to its professional for the filter (active, profession, skill) and the
-- answer (names, phone). Carried in an index on the key, those columns are read without visiting the table
-- (index-only while its pages are all-visible; the directory changes rarely).
CREATE INDEX professional_search_idx ON professional (id)
  INCLUDE (active, profession, skills, family_name, given_name, phone);
