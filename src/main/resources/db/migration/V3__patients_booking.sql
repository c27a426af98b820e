-- Patients (minimal), appointments, idempotency keys, the event log, and what the slot search needs.

CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE patient (
  id            uuid PRIMARY KEY,
  family_name   text NOT NULL,
  given_name    text NOT NULL,
  birth_date    date NOT NULL,
  phone         text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  commune_insee char(5) NOT NULL REFERENCES commune (insee),
  sex           char(1) CHECK (sex IN ('F', 'M')),
  fragility     text[] NOT NULL DEFAULT '{}'
                  CHECK (fragility <@ ARRAY['ALD', 'CSS', 'AME', 'PRECARITY', 'DISABILITY']),
  has_mt        boolean,
  created_by    uuid,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX patient_phone_idx ON patient (phone);

CREATE TABLE appointment (
  id              uuid PRIMARY KEY,
  slot_id         uuid NOT NULL REFERENCES slot (id),
  professional_id uuid NOT NULL REFERENCES professional (id),
  -- copied from the slot at booking (a booked slot's time and place never change)
  site_id         uuid NOT NULL REFERENCES site (id),
  territory_id    text NOT NULL REFERENCES territory (id),
  kind            text NOT NULL,
  start_at        timestamptz NOT NULL,
  end_at          timestamptz NOT NULL,
  patient_id      uuid NOT NULL REFERENCES patient (id),
  reason          text NOT NULL,
  call_id         uuid,
  triage_id       uuid,
  booked_by       uuid NOT NULL REFERENCES account (id),
  status          text NOT NULL CHECK (status IN ('booked', 'cancelled', 'honoured', 'no_show')),
  cancel_reason   text,
  -- bumped on every change (iCalendar SEQUENCE)
  version         integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
-- At most one live appointment per slot, whatever the application does.
CREATE UNIQUE INDEX appointment_one_live_per_slot ON appointment (slot_id) WHERE status <> 'cancelled';
CREATE INDEX appointment_patient_idx ON appointment (patient_id);
CREATE INDEX appointment_professional_idx ON appointment (professional_id, start_at);
CREATE INDEX appointment_territory_idx ON appointment (territory_id, start_at);
CREATE INDEX appointment_booked_by_idx ON appointment (booked_by);

CREATE TABLE idempotency_key (
  account_id      uuid NOT NULL,
  key             text NOT NULL,
  request_hash    bytea NOT NULL,
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (account_id, key)
);

-- Events other instances and reconnecting screens may need (slot.booked, slot.freed, call.*).
CREATE TABLE domain_event (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  type         text NOT NULL,
  territory_id text,
  payload      jsonb NOT NULL
);
CREATE INDEX domain_event_at_idx ON domain_event (at);

-- Nearest-first search: sites by position (a point on earthdistance's sphere, computed once), a
-- professional's free slots by time.
ALTER TABLE site ADD COLUMN position cube GENERATED ALWAYS AS (ll_to_earth(lat, lon)) STORED;
CREATE INDEX site_position_idx ON site USING gist (position);
CREATE INDEX slot_free_by_professional_idx ON slot (professional_id, start_at) WHERE status = 'free';
