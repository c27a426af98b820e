-- The directory's version, for the SAS search's cache of professionals and their sites (decision 0041): a change
-- to what the SAS shows of a professional (identity, phone, active) or of a site moves it on, in the transaction
-- that makes the change. The search reads this row in the same statement, and so the same snapshot, as the slots:
-- a cached listing is used only when the version it was read at is the one the slots were read at.
CREATE TABLE directory_version (
  id         int PRIMARY KEY CHECK (id = 1),
  version    bigint NOT NULL,
  changed_by xid8            -- the last transaction that moved it: once a transaction is enough
);
INSERT INTO directory_version VALUES (1, 1, NULL);

CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE directory_version SET version = version + 1, changed_by = pg_current_xact_id()
  WHERE id = 1 AND changed_by IS DISTINCT FROM pg_current_xact_id();
  RETURN NULL;
END $$;

-- Deferred to the commit: the version row is locked only for the end of a directory change, after every other lock
-- the transaction takes, so two directory changes cannot deadlock on it. A waiting list's capacity
-- (professional.mt_capacity) and a site's profession (V7) are not shown to the SAS and do not move it.
CREATE CONSTRAINT TRIGGER professional_directory_changed
  AFTER INSERT OR DELETE OR UPDATE OF rpps, family_name, given_name, phone, active ON professional
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed();
CREATE CONSTRAINT TRIGGER site_directory_changed
  AFTER INSERT OR DELETE OR UPDATE OF professional_id, name, address, commune_insee, lat, lon, phone ON site
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_changed();
CREATE TRIGGER professional_directory_truncated AFTER TRUNCATE ON professional
  FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
CREATE TRIGGER site_directory_truncated AFTER TRUNCATE ON site
  FOR EACH STATEMENT EXECUTE FUNCTION directory_changed();
