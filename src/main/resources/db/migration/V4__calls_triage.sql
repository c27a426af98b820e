-- Telephony: calls and the provider events that built them; triage assessments.

CREATE TABLE call (
  id               uuid PRIMARY KEY,
  provider_call_id text CONSTRAINT call_provider_id_unique UNIQUE,
  line             text,
  territory_id     text NOT NULL REFERENCES territory (id),
  caller_e164      text,
  caller_raw       text,
  status           text NOT NULL CHECK (status IN ('ringing', 'answered', 'ended', 'missed')),
  ringing_at       timestamptz,
  answered_at      timestamptz,
  ended_at         timestamptz,
  agent            text,
  operator_id      uuid REFERENCES account (id),
  patient_id       uuid REFERENCES patient (id),
  outcome          text CHECK (outcome IN ('BOOKED', 'ADVICE_GIVEN', 'REDIRECTED_15', 'REDIRECTED_OUT_OF_HOURS',
                                           'REDIRECTED_OTHER', 'NO_SOLUTION', 'ABANDONED')),
  note             text,
  source           text NOT NULL CHECK (source IN ('TELEPHONY', 'MANUAL')),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX call_territory_created_idx ON call (territory_id, created_at);

-- One row per (call, event): a replayed webhook is recognised by the primary key.
CREATE TABLE call_event (
  provider_call_id text NOT NULL,
  event            text NOT NULL CHECK (event IN ('ringing', 'answered', 'ended', 'missed')),
  at               timestamptz NOT NULL,
  received_at      timestamptz NOT NULL,
  PRIMARY KEY (provider_call_id, event)
);

CREATE TABLE triage_assessment (
  id                   uuid PRIMARY KEY,
  call_id              uuid REFERENCES call (id),
  patient_id           uuid REFERENCES patient (id),
  territory_id         text,
  age                  numeric(5, 2) NOT NULL,
  sex                  char(1) NOT NULL CHECK (sex IN ('F', 'M')),
  complaint            text NOT NULL,
  red_flags            text[] NOT NULL,
  answers              jsonb NOT NULL,
  rules_version        text NOT NULL,
  decided_by           text NOT NULL,
  urgency              text NOT NULL,
  orientation          jsonb,
  out_of_hours         boolean NOT NULL,
  advice               text,
  override_urgency     text,
  override_orientation jsonb,
  override_reason      text,
  overridden_by        uuid REFERENCES account (id),
  overridden_at        timestamptz,
  created_by           uuid NOT NULL REFERENCES account (id),
  created_at           timestamptz NOT NULL,
  CHECK ((override_urgency IS NULL) = (override_reason IS NULL))
);

-- What else an audit row must say (e.g. the triage rules version).
ALTER TABLE audit_event ADD COLUMN detail text;
