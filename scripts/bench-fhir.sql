-- The SQL of one SAS slot search, statement for statement as the service sends it (ProfessionalStore.findByRpps
-- and withSites, SlotStore.findFree), for pgbench: the ceiling the FHIR search is compared with. Parameters: the
-- searches bench-fhir.sh just measured over FHIR (bench_fhir_search), picked at random (pgbench -D searches=N);
-- ids = the professionals the identifiers name, as the first statement returns them. Not replayed: the search's
-- audit row (written in groups, many requests per commit).
\set n random(1, :searches)
SELECT rpps, ids, from_at, to_at FROM bench_fhir_search WHERE n = :n \gset
SELECT p.id, p.rpps, p.family_name, p.given_name, p.profession, p.specialty, p.skills, p.phone, p.email,
       p.accepts_snp, p.accepts_overbooking, p.mt_capacity, p.active,
       ARRAY(SELECT DISTINCT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee
             WHERE s.professional_id = p.id ORDER BY 1) AS territories
FROM professional p WHERE p.rpps = ANY (:rpps);
SELECT id, professional_id, name, address, commune_insee, lat, lon, phone FROM site
WHERE professional_id = ANY (:ids) ORDER BY name, id;
SELECT id, professional_id, site_id, kind, 'free' AS status, start_at, end_at, source, rule_id FROM slot
WHERE professional_id = ANY (:ids) AND status = 'free' AND start_at >= :from_at AND start_at <= :to_at
  AND start_at > now() AND kind = ANY ('{SNP}') ORDER BY start_at, id;
