-- Foundation: territories, directory of professionals, accounts, sessions, audit trail.

CREATE TABLE territory (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  department text NOT NULL
);

CREATE TABLE commune (
  insee        char(5) PRIMARY KEY,
  territory_id text NOT NULL REFERENCES territory (id),
  name         text NOT NULL,
  postcode     char(5) NOT NULL,
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon          double precision NOT NULL CHECK (lon BETWEEN -180 AND 180)
);
CREATE INDEX commune_territory_idx ON commune (territory_id);

CREATE TABLE professional (
  id                  uuid PRIMARY KEY,
  rpps                char(11) NOT NULL CONSTRAINT professional_rpps_unique UNIQUE,
  family_name         text NOT NULL,
  given_name          text NOT NULL,
  profession          text NOT NULL CHECK (profession IN ('GENERAL_PRACTITIONER', 'SPECIALIST', 'NURSE',
                        'PHARMACIST', 'PHYSIOTHERAPIST', 'MIDWIFE', 'DENTIST')),
  specialty           text,
  skills              text[] NOT NULL DEFAULT '{}',
  phone               text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  email               text,
  accepts_snp         boolean NOT NULL,
  accepts_overbooking boolean NOT NULL,
  mt_capacity         integer NOT NULL CHECK (mt_capacity >= 0),
  active              boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX professional_profession_idx ON professional (profession) WHERE active;

CREATE TABLE site (
  id              uuid PRIMARY KEY,
  professional_id uuid NOT NULL REFERENCES professional (id),
  name            text NOT NULL,
  address         text NOT NULL,
  commune_insee   char(5) NOT NULL REFERENCES commune (insee),
  lat             double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon             double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  phone           text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$')
);
CREATE INDEX site_professional_idx ON site (professional_id);
CREATE INDEX site_commune_idx ON site (commune_insee);

CREATE TABLE account (
  id              uuid PRIMARY KEY,
  login           text NOT NULL CONSTRAINT account_login_unique UNIQUE,
  password_hash   text NOT NULL,
  roles           text[] NOT NULL CHECK (cardinality(roles) > 0
                    AND roles <@ ARRAY['ADMIN', 'COORDINATOR', 'OPERATOR', 'PROFESSIONAL', 'ORIENTER']),
  territories     text[] NOT NULL,
  professional_id uuid REFERENCES professional (id),
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL
);

CREATE TABLE session (
  token_hash  bytea PRIMARY KEY,
  account_id  uuid NOT NULL REFERENCES account (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX session_account_idx ON session (account_id);

-- Failed logins per login name (sliding window), and the logins locked because of them.
CREATE TABLE login_failure (
  login text NOT NULL,
  at    timestamptz NOT NULL
);
CREATE INDEX login_failure_login_at_idx ON login_failure (login, at);

CREATE TABLE login_lock (
  login        text PRIMARY KEY,
  locked_until timestamptz NOT NULL
);

CREATE TABLE audit_event (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  account_id   uuid,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  territory_id text,
  client_ip    text,
  outcome      text NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILURE'))
);
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- The audit trail is append-only: the database refuses to change or remove a row.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
