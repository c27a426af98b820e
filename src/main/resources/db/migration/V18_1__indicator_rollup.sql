-- Daily rollups of the indicators (docs/decisions/0019). indicator_rollup keeps, per source, territory and Paris day,
-- the mergeable tallies a report adds up (counts, and exact value histograms for medians). It is never trusted
-- blindly: every write to the records a day's figures rest on appends that (source, territory, day) to
-- indicator_change in the writer's own transaction (statement triggers below: append-only, so writers never wait on
-- each other), and a report reads the rollup only for days without a pending change, recomputing the others from the
-- records. The service's refresher consumes the changes and rewrites those days.
CREATE TABLE indicator_rollup (
  source       text NOT NULL,
  territory_id text NOT NULL,
  day          date NOT NULL,
  tally        jsonb NOT NULL,
  PRIMARY KEY (source, territory_id, day)
);

CREATE TABLE indicator_change (
  id           bigserial PRIMARY KEY,
  source       text NOT NULL,
  territory_id text NOT NULL,
  day          date NOT NULL
);
CREATE INDEX indicator_change_key_idx ON indicator_change (source, territory_id, day);

CREATE FUNCTION indicator_paris_day(t timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (t AT TIME ZONE 'Europe/Paris')::date $$;

-- calls: the day of the call's ringing; the assessments of a call whose ringing time moves (snp reads it)
CREATE FUNCTION indicator_call_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'calls', n.territory_id, indicator_paris_day(coalesce(n.ringing_at, n.answered_at, n.created_at))
    FROM new_rows n WHERE n.territory_id IS NOT NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'calls', o.territory_id, indicator_paris_day(coalesce(o.ringing_at, o.answered_at, o.created_at))
    FROM old_rows o WHERE o.territory_id IS NOT NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'snp', a.territory_id, indicator_paris_day(a.created_at)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN triage_assessment a ON a.call_id = n.id
    WHERE coalesce(n.ringing_at, n.answered_at) IS DISTINCT FROM coalesce(o.ringing_at, o.answered_at);
  END IF;
  RETURN NULL;
END $$;

-- assessments: their creation day, for triage and snp
CREATE FUNCTION indicator_triage_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT s.source, n.territory_id, indicator_paris_day(n.created_at)
    FROM new_rows n CROSS JOIN (VALUES ('triage'), ('snp')) AS s (source);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT s.source, o.territory_id, indicator_paris_day(o.created_at)
    FROM old_rows o CROSS JOIN (VALUES ('triage'), ('snp')) AS s (source);
  END IF;
  RETURN NULL;
END $$;

-- appointments: the day of the assessment they were booked for (snp)
CREATE FUNCTION indicator_appointment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'snp', a.territory_id, indicator_paris_day(a.created_at)
    FROM new_rows n JOIN triage_assessment a ON a.id = n.triage_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'snp', a.territory_id, indicator_paris_day(a.created_at)
    FROM old_rows o JOIN triage_assessment a ON a.id = o.triage_id;
  END IF;
  RETURN NULL;
END $$;

-- slots: their start day, in the territory of their site's commune (agenda)
CREATE FUNCTION indicator_slot_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'agenda', cm.territory_id, indicator_paris_day(n.start_at)
    FROM new_rows n JOIN site si ON si.id = n.site_id JOIN commune cm ON cm.insee = si.commune_insee;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO indicator_change (source, territory_id, day)
    SELECT DISTINCT 'agenda', cm.territory_id, indicator_paris_day(o.start_at)
    FROM old_rows o JOIN site si ON si.id = o.site_id JOIN commune cm ON cm.insee = si.commune_insee;
  END IF;
  RETURN NULL;
END $$;

-- a site moving to another commune moves its slots (agenda, both territories)
CREATE FUNCTION indicator_site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_change (source, territory_id, day)
  SELECT DISTINCT 'agenda', cm.territory_id, indicator_paris_day(s.start_at)
  FROM (SELECT n.id, n.commune_insee FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.commune_insee IS DISTINCT FROM o.commune_insee
        UNION ALL
        SELECT o.id, o.commune_insee FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.commune_insee IS DISTINCT FROM o.commune_insee) AS moved
  JOIN commune cm ON cm.insee = moved.commune_insee
  JOIN slot s ON s.site_id = moved.id;
  RETURN NULL;
END $$;

CREATE TRIGGER call_indicator_insert AFTER INSERT ON call REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_call_changed();
CREATE TRIGGER call_indicator_update AFTER UPDATE ON call REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_call_changed();
CREATE TRIGGER call_indicator_delete AFTER DELETE ON call REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_call_changed();

CREATE TRIGGER triage_indicator_insert AFTER INSERT ON triage_assessment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_triage_changed();
CREATE TRIGGER triage_indicator_update AFTER UPDATE ON triage_assessment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_triage_changed();
CREATE TRIGGER triage_indicator_delete AFTER DELETE ON triage_assessment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_triage_changed();

CREATE TRIGGER appointment_indicator_insert AFTER INSERT ON appointment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_appointment_changed();
CREATE TRIGGER appointment_indicator_update AFTER UPDATE ON appointment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_appointment_changed();
CREATE TRIGGER appointment_indicator_delete AFTER DELETE ON appointment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_appointment_changed();

CREATE TRIGGER slot_indicator_insert AFTER INSERT ON slot REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_slot_changed();
CREATE TRIGGER slot_indicator_update AFTER UPDATE ON slot REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_slot_changed();
CREATE TRIGGER slot_indicator_delete AFTER DELETE ON slot REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_slot_changed();

CREATE TRIGGER site_indicator_update AFTER UPDATE ON site REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_site_changed();

-- the call an assessment answers is looked up when its ringing time changes
CREATE INDEX IF NOT EXISTS triage_assessment_call_idx ON triage_assessment (call_id) WHERE call_id IS NOT NULL;

-- records written before this migration: every day they touch is pending, the refresher builds its rollup
INSERT INTO indicator_change (source, territory_id, day)
SELECT DISTINCT 'calls', territory_id, indicator_paris_day(coalesce(ringing_at, answered_at, created_at))
FROM call WHERE territory_id IS NOT NULL
UNION
SELECT s.source, territory_id, indicator_paris_day(created_at)
FROM triage_assessment CROSS JOIN (VALUES ('triage'), ('snp')) AS s (source)
UNION
SELECT 'agenda', cm.territory_id, indicator_paris_day(s.start_at)
FROM slot s JOIN site si ON si.id = s.site_id JOIN commune cm ON cm.insee = si.commune_insee;
