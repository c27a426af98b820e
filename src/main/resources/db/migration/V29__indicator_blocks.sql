-- Indicator rollups in a form PostgreSQL adds up itself (docs/decisions/0019, second design): per source, territory
-- and block (grain 'd': a Paris day; 'm': a Paris month, the union of its days), counts per piece and key
-- (sums of counts and share parts/bases under key ''; breakdown keys), the members of distinct counts, and the
-- exact values a measure's percentile is taken over (float8, the type percentile_cont sorts). A report sums,
-- counts distinct and takes percentile_cont over the blocks of each period in SQL; nothing is parsed in Java.
-- Month blocks are rebuilt from their day blocks by the refresher, in the transaction that rewrites the days.
-- indicator_change and its triggers (V18_1) are unchanged; the JSON day tallies of V18_1 go.
CREATE TABLE indicator_count (
  source       text NOT NULL,
  territory_id text NOT NULL,
  grain        text NOT NULL CHECK (grain IN ('d', 'm')),
  day          date NOT NULL,
  piece        text NOT NULL,
  key          text NOT NULL,
  n            bigint NOT NULL,
  PRIMARY KEY (source, territory_id, grain, day, piece, key)
);

CREATE TABLE indicator_member (
  source       text NOT NULL,
  territory_id text NOT NULL,
  grain        text NOT NULL CHECK (grain IN ('d', 'm')),
  day          date NOT NULL,
  piece        text NOT NULL,
  member       text NOT NULL,
  PRIMARY KEY (source, territory_id, grain, day, piece, member)
);

CREATE TABLE indicator_measure (
  source       text NOT NULL,
  territory_id text NOT NULL,
  grain        text NOT NULL CHECK (grain IN ('d', 'm')),
  day          date NOT NULL,
  piece        text NOT NULL,
  vals         float8[] NOT NULL,
  PRIMARY KEY (source, territory_id, grain, day, piece)
);

DROP TABLE indicator_rollup;

-- every day of the existing records is pending again: the refresher builds the day and month blocks
INSERT INTO indicator_change (source, territory_id, day)
SELECT DISTINCT 'calls', territory_id, indicator_paris_day(coalesce(ringing_at, answered_at, created_at))
FROM call WHERE territory_id IS NOT NULL
UNION
SELECT s.source, territory_id, indicator_paris_day(created_at)
FROM triage_assessment CROSS JOIN (VALUES ('triage'), ('snp')) AS s (source)
UNION
SELECT 'agenda', cm.territory_id, indicator_paris_day(s.start_at)
FROM slot s JOIN site si ON si.id = s.site_id JOIN commune cm ON cm.insee = si.commune_insee;
