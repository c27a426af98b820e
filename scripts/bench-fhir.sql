-- The SQL of one SAS slot search, as the service sends it (fhir.store.SasSlotStore, one statement since decision
-- 0031), for pgbench: the ceiling the FHIR search is compared with. Parameters: the searches bench-fhir.sh just
-- measured over FHIR (bench_fhir_search), picked at random (pgbench -D searches=N). Not replayed: the search's
-- audit row (written in groups, many requests per commit).
\set n random(1, :searches)
SELECT rpps, from_at, to_at FROM bench_fhir_search WHERE n = :n \gset
SELECT p.id AS professional_id, p.rpps, p.family_name, p.given_name, p.phone AS professional_phone,
       st.id AS site_id, st.name, st.address, st.commune_insee, st.lat, st.lon, st.phone,
       f.ids, f.kinds, f.starts, f.ends, f.sources, f.rules
FROM professional p
CROSS JOIN LATERAL (
  SELECT s.site_id, array_agg(s.id) AS ids, array_agg(s.kind) AS kinds, array_agg(s.start_at) AS starts,
         array_agg(s.end_at) AS ends, array_agg(s.source) AS sources, array_agg(s.rule_id) AS rules
  FROM slot s
  WHERE s.professional_id = p.id AND s.status = 'free' AND s.start_at >= :from_at AND s.start_at <= :to_at
    AND s.start_at > now() AND s.kind = ANY ('{SNP}')
  GROUP BY s.site_id) f
JOIN site st ON st.id = f.site_id
WHERE p.rpps = ANY (:rpps) AND p.active;
