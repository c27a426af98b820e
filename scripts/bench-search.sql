-- The SQL of one slot search (SlotSearchStore), statement for statement, for pgbench: the ceiling the HTTP
-- search is compared with. Parameters: the searches bench-booking.sh just measured through HTTP (bench_search),
-- picked at random (pgbench -D searches=N). The service reads the 32 nearest sites of the profession (3 per
-- result asked for, 10 by default), and the overbooking candidates among the 2,048 nearest when fewer than 10
-- sites had a free slot. Not replayed: a second, wider read when the 32 nearest do not settle the top 10 (rare
-- on this data set); the session lookup (cached for 5 s by the service) and the search's audit row (written in
-- batches, many requests per commit).
\set n random(1, :searches)
SELECT lat, lon, profession, territories, overbooking,
       now() + from_hours * interval '1 hour' + interval '15 minutes' AS from_at,
       now() + from_hours * interval '1 hour' + interval '15 minutes' + interval '24 hours' AS to_at,
       2 * 6378168.0 * sin(30000.0 / (2 * 6378168.0)) AS chord
  FROM bench_search WHERE n = :n \gset
WITH nearby AS MATERIALIZED (
  SELECT s.id, s.professional_id, s.name, s.address, s.commune_insee, s.lat, s.lon,
         s.position <-> (SELECT ll_to_earth(:lat, :lon)) AS chord
  FROM site s
  WHERE s.profession = :profession
  ORDER BY s.position <-> (SELECT ll_to_earth(:lat, :lon))
  LIMIT 32)
SELECT p.id AS pid, p.family_name, p.given_name, p.profession, p.phone,
       s.id AS site_id, s.name, s.address, s.commune_insee, s.lat, s.lon, s.chord,
       x.id AS slot_id, x.start_at, x.end_at, x.kind,
       (SELECT count(*) FROM nearby) AS sites, (SELECT max(chord) FROM nearby) AS reach
FROM nearby s
JOIN commune c ON c.insee = s.commune_insee
JOIN professional p ON p.id = s.professional_id
CROSS JOIN LATERAL (
  SELECT sl.id, sl.start_at, sl.end_at, sl.kind FROM slot sl
  WHERE sl.professional_id = p.id AND sl.site_id = s.id AND sl.status = 'free'
    AND sl.start_at >= :from_at AND sl.start_at < :to_at AND sl.kind = ANY ('{SNP}'::text[])
  ORDER BY sl.start_at LIMIT 1) x
WHERE c.territory_id = ANY (:territories::text[]) AND p.active AND p.profession = :profession
  AND (NULL::text IS NULL OR NULL::text = ANY (p.skills)) AND s.chord <= :chord;
\if :overbooking
WITH nearby AS MATERIALIZED (
  SELECT s.id, s.professional_id, s.name, s.address, s.commune_insee, s.lat, s.lon,
         s.position <-> (SELECT ll_to_earth(:lat, :lon)) AS chord
  FROM site s
  WHERE s.profession = :profession
  ORDER BY s.position <-> (SELECT ll_to_earth(:lat, :lon))
  LIMIT 2048)
SELECT p.id AS pid, p.family_name, p.given_name, p.profession, p.phone,
       s.id AS site_id, s.name, s.address, s.commune_insee, s.lat, s.lon, s.chord
FROM nearby s
JOIN commune c ON c.insee = s.commune_insee
JOIN professional p ON p.id = s.professional_id
WHERE p.accepts_overbooking AND c.territory_id = ANY (:territories::text[]) AND p.active
  AND p.profession = :profession AND (NULL::text IS NULL OR NULL::text = ANY (p.skills)) AND s.chord <= :chord
ORDER BY s.chord;
\endif
