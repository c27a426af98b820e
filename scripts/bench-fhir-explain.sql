-- EXPLAIN (ANALYZE, BUFFERS) of the SAS search's statements (as the service sends them, planned as on its search
-- pool: generic plans) with the first search bench-fhir.sh measured. Run by bench-fhir.sh; psql only.
SET plan_cache_mode = force_generic_plan;
SELECT rpps, ids, from_at, to_at FROM bench_fhir_search WHERE n = 1 \gset
PREPARE pros AS SELECT p.id, p.rpps, p.family_name, p.given_name, p.profession, p.specialty, p.skills, p.phone,
       p.email, p.accepts_snp, p.accepts_overbooking, p.mt_capacity, p.active,
       ARRAY(SELECT DISTINCT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee
             WHERE s.professional_id = p.id ORDER BY 1) AS territories
FROM professional p WHERE p.rpps = ANY ($1);
PREPARE sites AS SELECT id, professional_id, name, address, commune_insee, lat, lon, phone FROM site
WHERE professional_id = ANY ($1) ORDER BY name, id;
PREPARE slots AS SELECT id, professional_id, site_id, kind, 'free' AS status, start_at, end_at, source, rule_id
FROM slot WHERE professional_id = ANY ($1) AND status = 'free' AND start_at >= $2 AND start_at <= $3
  AND start_at > $4 AND kind = ANY ($5) ORDER BY start_at, id;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE pros(:'rpps');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE sites(:'ids');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE slots(:'ids', :'from_at', :'to_at', now(), '{SNP}');
