-- Privacy (issue 19): an audit trail chained by hashes, retention with kept counts, first-sign-in password change.

-- 1. The audit hash chain. Rows are spread over 16 chains ("partitions" of the chain): a transaction takes the
-- head of a free chain (row lock, SKIP LOCKED) and keeps it until it commits, so a chain's order is its commit
-- order and concurrent writers do not queue behind one lock. Each row's hash covers the previous row's hash and
-- every column of the row; GET /api/v1/audit/verify recomputes them (docs/decisions/0012).
ALTER TABLE audit_event
  ADD COLUMN chain     smallint,
  ADD COLUMN chain_seq bigint,
  ADD COLUMN prev_hash bytea,
  ADD COLUMN hash      bytea;
CREATE UNIQUE INDEX audit_event_chain_idx ON audit_event (chain, chain_seq);

CREATE TABLE audit_chain (
  chain smallint PRIMARY KEY,
  seq   bigint NOT NULL,
  hash  bytea NOT NULL
);
-- Where each chain starts once retention has removed its oldest rows: the last removed row's position and hash.
CREATE TABLE audit_chain_anchor (
  chain smallint PRIMARY KEY REFERENCES audit_chain (chain),
  seq   bigint NOT NULL,
  hash  bytea NOT NULL
);
INSERT INTO audit_chain (chain, seq, hash)
SELECT n, 0, sha256(convert_to('aiguillage-audit-chain-' || n, 'UTF8')) FROM generate_series(0, 15) AS n;
INSERT INTO audit_chain_anchor (chain, seq, hash) SELECT chain, seq, hash FROM audit_chain;

-- The hash of one row: SHA-256 of the previous hash followed by the row as a JSON array (times in UTC, so the
-- session's time zone cannot change the text).
CREATE FUNCTION audit_event_digest(prev bytea, e audit_event) RETURNS bytea
  LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(prev || convert_to(json_build_array(e.id, e.chain, e.chain_seq,
      to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.account_id, e.action, e.entity_type,
      e.entity_id, e.territory_id, e.client_ip, e.outcome, e.detail)::text, 'UTF8'))
$$;

CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  held text := current_setting('aiguillage.audit_chain', true);
  head audit_chain%ROWTYPE;
BEGIN
  IF held IS NOT NULL AND held <> '' THEN
    -- this transaction already holds a chain: its rows stay together
    SELECT * INTO head FROM audit_chain WHERE chain = held::smallint FOR UPDATE;
  ELSE
    SELECT * INTO head FROM audit_chain ORDER BY (chain + pg_backend_pid()) % 16 LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
      -- every chain is held by a transaction in progress: wait for one
      SELECT * INTO head FROM audit_chain WHERE chain = pg_backend_pid() % 16 FOR UPDATE;
    END IF;
    PERFORM set_config('aiguillage.audit_chain', head.chain::text, true);
  END IF;
  NEW.chain := head.chain;
  NEW.chain_seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_event_digest(head.hash, NEW);
  UPDATE audit_chain SET seq = NEW.chain_seq, hash = NEW.hash WHERE chain = head.chain;
  RETURN NEW;
END
$$;

-- Rows written before this migration join chain 0, oldest first.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete;
DO $$
DECLARE
  r audit_event%ROWTYPE;
  h bytea := (SELECT hash FROM audit_chain WHERE chain = 0);
  s bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
    s := s + 1;
    r.chain := 0;
    r.chain_seq := s;
    r.prev_hash := h;
    h := audit_event_digest(h, r);
    UPDATE audit_event SET chain = 0, chain_seq = s, prev_hash = r.prev_hash, hash = h WHERE id = r.id;
  END LOOP;
  UPDATE audit_chain SET seq = s, hash = h WHERE chain = 0;
END
$$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete;
ALTER TABLE audit_event ALTER COLUMN chain SET NOT NULL, ALTER COLUMN chain_seq SET NOT NULL,
  ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Still append-only, with one exception: the retention purge below (run as the owner of this function, with
-- its flag set for its own transaction) removes the oldest rows of a chain, never a row in the middle.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('aiguillage.audit_purge', true) = 'on'
     AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'audit_event'::regclass) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Removes, per chain, at most max_rows of the oldest rows written before cutoff (a prefix of the chain, so what
-- remains still verifies from the new anchor). Returns what it removed per Paris day and territory.
CREATE FUNCTION audit_event_purge(cutoff timestamptz, max_rows integer)
  RETURNS TABLE (day date, territory_id text, removed bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  a audit_chain_anchor%ROWTYPE;
  last_seq bigint;
BEGIN
  PERFORM set_config('aiguillage.audit_purge', 'on', true);
  FOR a IN SELECT * FROM audit_chain_anchor ORDER BY chain FOR UPDATE SKIP LOCKED LOOP
    SELECT max(e.chain_seq) INTO last_seq FROM (
      SELECT x.chain_seq FROM audit_event x
      WHERE x.chain = a.chain AND x.chain_seq > a.seq ORDER BY x.chain_seq LIMIT max_rows) e
    WHERE e.chain_seq < coalesce((SELECT min(y.chain_seq) FROM audit_event y
                                  WHERE y.chain = a.chain AND y.chain_seq > a.seq AND y.at >= cutoff),
                                 9223372036854775807);
    IF last_seq IS NOT NULL THEN
      UPDATE audit_chain_anchor SET seq = last_seq,
        hash = (SELECT x.hash FROM audit_event x WHERE x.chain = a.chain AND x.chain_seq = last_seq)
      WHERE chain = a.chain;
      RETURN QUERY
        WITH gone AS (
          DELETE FROM audit_event x WHERE x.chain = a.chain AND x.chain_seq > a.seq AND x.chain_seq <= last_seq
          RETURNING (x.at AT TIME ZONE 'Europe/Paris')::date AS gone_day, x.territory_id AS gone_territory)
        SELECT g.gone_day, g.gone_territory, count(*) FROM gone g GROUP BY 1, 2;
    END IF;
  END LOOP;
  PERFORM set_config('aiguillage.audit_purge', 'off', true);
END
$$;

-- The application's role may add and read audit rows, never change or remove them. Where the service runs as
-- a role of its own (docs/privacy.md: aiguillage_app), it is granted exactly that; the trigger above holds for
-- every role, the owner included.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_chain_anchor FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_event_purge(timestamptz, integer) FROM PUBLIC;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aiguillage_app') THEN
    EXECUTE 'GRANT SELECT, INSERT ON audit_event TO aiguillage_app';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_chain_anchor FROM aiguillage_app';
    EXECUTE 'GRANT SELECT, UPDATE ON audit_chain TO aiguillage_app';
    EXECUTE 'GRANT SELECT ON audit_chain_anchor TO aiguillage_app';
    EXECUTE 'GRANT EXECUTE ON FUNCTION audit_event_purge(timestamptz, integer) TO aiguillage_app';
  END IF;
END
$$;

-- 2. Retention: what each run removed, per Paris day, territory, kind and category (e.g. a call's outcome, a
-- triage's urgency), so that the indicators keep their counts once the detail is gone.
CREATE TABLE retention_count (
  day          date NOT NULL,
  territory_id text NOT NULL,
  kind         text NOT NULL,
  category     text NOT NULL,
  removed      bigint NOT NULL,
  PRIMARY KEY (day, territory_id, kind, category)
);

-- The retention job and the patient export look records up by age and by patient.
CREATE INDEX call_created_idx ON call (created_at);
CREATE INDEX call_patient_idx ON call (patient_id);
CREATE INDEX call_event_received_idx ON call_event (received_at);
CREATE INDEX triage_created_idx ON triage_assessment (created_at);
CREATE INDEX triage_call_idx ON triage_assessment (call_id);
CREATE INDEX triage_patient_idx ON triage_assessment (patient_id);
CREATE INDEX appointment_end_idx ON appointment (end_at);
CREATE INDEX waitlist_closed_idx ON waitlist_request (updated_at) WHERE status = 'CLOSED';
CREATE INDEX waitlist_patient_idx ON waitlist_request (patient_id);
CREATE INDEX patient_updated_idx ON patient (updated_at);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id);

-- 3. Erasure: a patient whose identity was removed keeps its id (records kept under a duty still point to it).
ALTER TABLE patient ADD COLUMN erased_at timestamptz;

-- 4. Accounts created by someone else must change their password at first sign-in.
ALTER TABLE account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
