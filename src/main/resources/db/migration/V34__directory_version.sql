-- The directory's version, for the SAS search's cache of professionals and their sites (decision 0041): a change
-- to what the SAS shows of a professional (identity, phone, active) or of a site draws a new stamp, in the
-- transaction that makes the change. The search reads this row in the same statement, and so the same snapshot, as
-- the slots: a cached listing is used only when the stamp it was read at is the one the slots were read at.
CREATE TABLE directory_version (
  id      int PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL, -- how many changes: for people and tests
  stamp   uuid NOT NULL    -- what the cache compares: a restored database may count to the same number again,
                           -- it does not draw the same stamp
);
INSERT INTO directory_version VALUES (1, 1, gen_random_uuid());

-- Once a transaction (a setting local to it, undone with it): a bulk change moves the version once.
CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('aiguillage.directory_changed', true) IS DISTINCT FROM 'yes' THEN
    UPDATE directory_version SET version = version + 1, stamp = gen_random_uuid() WHERE id = 1;
    PERFORM set_config('aiguillage.directory_changed', 'yes', true);
  END IF;
  RETURN NULL;
END $$;

-- Deferred to the commit: the version row is locked only for the end of a directory change, after every other lock
-- the transaction takes, so two directory changes cannot deadlock on it. An update moves it only when a column the
-- SAS shows changed: a waiting list's capacity (professional.mt_capacity), a PATCH that rewrites the same values
-- and a site's copied profession (V7) do not.
CREATE CONSTRAINT TRIGGER professional_directory_added_or_removed AFTER INSERT OR DELETE ON professional
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed();
CREATE CONSTRAINT TRIGGER professional_directory_changed AFTER UPDATE ON professional
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.id, OLD.rpps, OLD.family_name, OLD.given_name, OLD.phone, OLD.active)
        IS DISTINCT FROM (NEW.id, NEW.rpps, NEW.family_name, NEW.given_name, NEW.phone, NEW.active))
  EXECUTE FUNCTION directory_changed();
CREATE CONSTRAINT TRIGGER site_directory_added_or_removed AFTER INSERT OR DELETE ON site
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed();
CREATE CONSTRAINT TRIGGER site_directory_changed AFTER UPDATE ON site
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.id, OLD.professional_id, OLD.name, OLD.address, OLD.commune_insee, OLD.lat, OLD.lon, OLD.phone)
        IS DISTINCT FROM (NEW.id, NEW.professional_id, NEW.name, NEW.address, NEW.commune_insee, NEW.lat, NEW.lon,
                          NEW.phone))
  EXECUTE FUNCTION directory_changed();
CREATE TRIGGER professional_directory_truncated AFTER TRUNCATE ON professional
  FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER site_directory_truncated AFTER TRUNCATE ON site
  FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();

-- The row is never removed: without it every search would find nobody.
CREATE FUNCTION directory_version_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'directory_version keeps its one row (the SAS search reads it)';
END $$;
CREATE TRIGGER directory_version_kept BEFORE DELETE OR TRUNCATE ON directory_version
  FOR EACH STATEMENT EXECUTE FUNCTION directory_version_kept();
