-- A measure block's values sorted, with a count per unit bucket (docs/decisions/0030): vals is now in ascending
-- order, and bk / bn / bo give, per bucket floor(v) present in the block (seconds, hours or days: the measure's own
-- unit), its key, how many values it holds and where they start in vals (1-based). A report of several blocks adds
-- up the buckets' counts, finds the bucket holding each percentile's rank, and reads the values of that bucket only
-- (a slice of each block's vals): the same exact percentile_cont, without sorting a year of values.
CREATE FUNCTION indicator_buckets(sorted float8[], OUT bk float8[], OUT bn int4[], OUT bo int4[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(h.k ORDER BY h.k), '{}'), coalesce(array_agg(h.n ORDER BY h.k), '{}'),
         coalesce(array_agg(h.o ORDER BY h.k), '{}')
  FROM (SELECT floor(u.v) AS k, count(*)::int4 AS n, min(u.i)::int4 AS o
        FROM unnest(sorted) WITH ORDINALITY AS u (v, i) GROUP BY floor(u.v)) h
$$;

ALTER TABLE indicator_measure ADD COLUMN bk float8[], ADD COLUMN bn int4[], ADD COLUMN bo int4[];

UPDATE indicator_measure SET vals = (SELECT coalesce(array_agg(v ORDER BY v), '{}') FROM unnest(vals) AS v);
UPDATE indicator_measure SET (bk, bn, bo) = (SELECT h.bk, h.bn, h.bo FROM indicator_buckets(vals) h);

ALTER TABLE indicator_measure ALTER COLUMN bk SET NOT NULL, ALTER COLUMN bn SET NOT NULL,
  ALTER COLUMN bo SET NOT NULL;
