-- An account's linked professional practises in one of the account's territories (docs/decisions/0006).
-- Checked whenever either side changes: the account's link or territories, a site's commune or professional.
-- Rows that already break the rule are left as they are (the service reports them at each start).

CREATE FUNCTION professional_in_territories(professional uuid, territories text[]) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM site s JOIN commune c ON c.insee = s.commune_insee
                 WHERE s.professional_id = professional AND c.territory_id = ANY (territories))
$$;

CREATE FUNCTION account_professional_in_territory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.professional_id IS NOT NULL AND NOT professional_in_territories(NEW.professional_id, NEW.territories) THEN
    RAISE EXCEPTION 'the linked professional practises in none of the account''s territories'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'account_professional_in_territory';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER account_professional_in_territory
  BEFORE INSERT OR UPDATE OF professional_id, territories ON account
  FOR EACH ROW EXECUTE FUNCTION account_professional_in_territory();

-- A site that moves or goes must not leave a linked account outside every territory of its professional
-- (accounts already outside before the change are the start-up report's business, not this check's).
CREATE FUNCTION site_keeps_accounts_in_territory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM account a
             JOIN commune old_c ON old_c.insee = OLD.commune_insee
             WHERE a.professional_id = OLD.professional_id AND old_c.territory_id = ANY (a.territories)
               AND NOT professional_in_territories(a.professional_id, a.territories)) THEN
    RAISE EXCEPTION 'an account linked to this professional would be left outside their territories'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'account_professional_in_territory';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER site_keeps_accounts_in_territory
  AFTER UPDATE OF commune_insee, professional_id OR DELETE ON site
  FOR EACH ROW EXECUTE FUNCTION site_keeps_accounts_in_territory();
