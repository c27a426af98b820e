-- The nearest-first slot search asks for one profession; reading every nearby site and dropping the
-- other professions afterwards cost most of its time. Each site now carries its professional's
-- profession, kept equal by the two triggers below (the database holds the rule, not the Java code), and
-- the position index is keyed by profession first, so the search reads only the sites it can use.

ALTER TABLE site ADD COLUMN profession text;
UPDATE site s SET profession = p.profession FROM professional p WHERE p.id = s.professional_id;
ALTER TABLE site ALTER COLUMN profession SET NOT NULL;

-- Whatever a writer puts in site.profession, the site takes its professional's.
CREATE FUNCTION site_takes_profession() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.profession INTO NEW.profession FROM professional p WHERE p.id = NEW.professional_id;
  RETURN NEW;
END $$;

CREATE TRIGGER site_takes_profession BEFORE INSERT OR UPDATE OF professional_id, profession ON site
  FOR EACH ROW EXECUTE FUNCTION site_takes_profession();

-- A professional whose profession is corrected carries their sites along.
CREATE FUNCTION professional_profession_to_sites() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE site SET profession = NEW.profession WHERE professional_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER professional_profession_to_sites AFTER UPDATE OF profession ON professional
  FOR EACH ROW WHEN (OLD.profession IS DISTINCT FROM NEW.profession)
  EXECUTE FUNCTION professional_profession_to_sites();

CREATE INDEX site_profession_position_idx ON site USING gist (profession, position);
DROP INDEX site_position_idx;
