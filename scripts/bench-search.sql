-- The SQL of one slot search, statement for statement, for pgbench: the ceiling the HTTP search is compared with.
-- Parameters: the searches bench-booking.sh just measured through HTTP (bench_search), picked at random
-- (pgbench -D searches=N), passed as parameters of prepared statements (pgbench -M prepared) as the service's
-- pool passes them: place, profession, territories (text[] against commune.territory_id, a text column), window
-- (timestamptz), chord, kinds (text[]). The statements, as SlotSearchStore and DutyStore write them:
-- 1. the 32 nearest sites of the profession with their earliest free slot (3 sites per result asked for, 10 by
--    default). When they do not settle the top 10 the service reads 128, 512... sites: not replayed; the
--    statement counts printed by bench-booking.sh show how often the service needed it;
-- 2. the professionals on duty near the place (DutyStore.nearby);
-- 3. the overbooking candidates among the 2,048 nearest sites when fewer than 10 results were found.
-- Not replayed: the session lookup (cached 5 s by the service) and the search's audit row (batched, many requests
-- per commit); bench-booking.sh prints pg_stat_statements for both phases so the two lists can be compared.
-- The skill filter is written with a literal NULL (pgbench cannot pass a NULL parameter); the service passes NULL.
\set n random(1, :searches)
SELECT lat, lon, profession, territories, overbooking,
       now() + from_hours * interval '1 hour' + interval '15 minutes' AS from_at,
       now() + from_hours * interval '1 hour' + interval '24 hours' AS to_at,
       2 * 6378168.0 * sin(30000.0 / (2 * 6378168.0)) AS chord, 30000.0 AS metres, '{SNP}' AS kinds
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
    AND sl.start_at >= :from_at AND sl.start_at < :to_at AND sl.kind = ANY (:kinds::text[])
  ORDER BY sl.start_at LIMIT 1) x
WHERE c.territory_id = ANY (:territories::text[]) AND p.active AND p.profession = :profession
  AND (NULL::text IS NULL OR NULL::text = ANY (p.skills)) AND s.chord <= :chord;
SELECT pr.family_name, pr.given_name, pr.profession, pr.phone, si.name, si.address, si.commune_insee, si.lat,
       si.lon, earth_distance(ll_to_earth(:lat, :lon), si.position) AS metres, a.place_id, a.professional_id,
       m.status, b.label, a.booked, a.capacity, lower(p.during) AS s, upper(p.during) AS e, b.step_minutes,
       si.id AS site_id,
       ARRAY(SELECT sl.start_at FROM slot sl WHERE sl.duty_place_id = p.id AND sl.status <> 'cancelled'
             ORDER BY sl.start_at) AS taken
FROM rota_assignment a JOIN rota_place p ON p.id = a.place_id JOIN rota_month m ON m.id = p.month_id
JOIN rota_band b ON b.id = p.band_id JOIN rota_sector sec ON sec.id = p.sector_id
LEFT JOIN LATERAL (
  SELECT si.id, si.name, si.address, si.commune_insee, si.lat, si.lon, si.position
  FROM site si JOIN commune c ON c.insee = si.commune_insee
  WHERE si.professional_id = a.professional_id AND c.territory_id = sec.territory_id
  ORDER BY (si.commune_insee = ANY (sec.communes)) DESC, si.id LIMIT 1) si ON true
JOIN professional pr ON pr.id = a.professional_id
WHERE m.status = 'PUBLISHED' AND b.profession = :profession AND sec.territory_id = ANY (:territories::text[])
  AND pr.active AND (NULL::text IS NULL OR NULL::text = ANY (pr.skills)) AND a.booked < a.capacity
  AND p.during && tstzrange(:from_at, :to_at) AND si.id IS NOT NULL
  AND earth_distance(ll_to_earth(:lat, :lon), si.position) <= :metres;
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
