-- EXPLAIN (ANALYZE, BUFFERS) of the SAS search's statement (as the service sends it, planned as on its search
-- pool: a generic plan) with the first search bench-fhir.sh measured. Run by bench-fhir.sh; psql only.
SET plan_cache_mode = force_generic_plan;
SELECT rpps, from_at, to_at FROM bench_fhir_search WHERE n = 1 \gset
PREPARE search AS SELECT p.id AS professional_id, p.rpps, p.family_name, p.given_name, p.phone AS professional_phone,
       st.id AS site_id, st.name, st.address, st.commune_insee, st.lat, st.lon, st.phone,
       f.ids, f.kinds, f.starts, f.ends, f.sources, f.rules
FROM professional p
CROSS JOIN LATERAL (
  SELECT s.site_id, array_agg(s.id) AS ids, array_agg(s.kind) AS kinds, array_agg(s.start_at) AS starts,
         array_agg(s.end_at) AS ends, array_agg(s.source) AS sources, array_agg(s.rule_id) AS rules
  FROM slot s
  WHERE s.professional_id = p.id AND s.status = 'free' AND s.start_at >= $2 AND s.start_at <= $3
    AND s.start_at > $4 AND s.kind = ANY ($5)
  GROUP BY s.site_id) f
JOIN site st ON st.id = f.site_id
WHERE p.rpps = ANY ($1) AND p.active;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search(:'rpps', :'from_at', :'to_at', now(), '{SNP}');
