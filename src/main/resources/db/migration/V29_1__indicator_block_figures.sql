-- Each block also keeps the figures it gives alone (docs/decisions/0019): a measure's percentiles at the catalogue's
-- quantiles (pcts, in the order of RollupCatalog.QUANTILES) and, in indicator_count under key '', the number of
-- distinct members of each distinct count. A period made of one block of one territory (a day by day, a whole
-- month by month) reads them instead of unnesting values and members. The blocks are rebuilt from the records.
DELETE FROM indicator_count;
DELETE FROM indicator_member;
DELETE FROM indicator_measure;
ALTER TABLE indicator_measure ADD COLUMN pcts float8[] NOT NULL;

INSERT INTO indicator_change (source, territory_id, day)
SELECT DISTINCT 'calls', territory_id, indicator_paris_day(coalesce(ringing_at, answered_at, created_at))
FROM call WHERE territory_id IS NOT NULL
UNION
SELECT s.source, territory_id, indicator_paris_day(created_at)
FROM triage_assessment CROSS JOIN (VALUES ('triage'), ('snp')) AS s (source)
UNION
SELECT 'agenda', cm.territory_id, indicator_paris_day(s.start_at)
FROM slot s JOIN site si ON si.id = s.site_id JOIN commune cm ON cm.insee = si.commune_insee;
