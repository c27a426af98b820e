-- Patients seeking a médecin traitant: requests, their history, proposals to GPs.

CREATE TABLE waitlist_request (
  id                uuid PRIMARY KEY,
  patient_id        uuid NOT NULL REFERENCES patient (id),
  territory_id      text NOT NULL REFERENCES territory (id),
  source            text NOT NULL CHECK (source IN ('PROFESSIONAL', 'PARTNER', 'PATIENT', 'ASSURANCE_MALADIE')),
  notes             text,
  reported_by       uuid NOT NULL REFERENCES account (id),
  status            text NOT NULL CHECK (status IN ('OPEN', 'PROPOSED', 'ASSIGNED', 'CLOSED')),
  close_reason      text CHECK (close_reason IN ('FOUND_OWN_MT', 'MOVED_AWAY', 'UNREACHABLE', 'DECLINED', 'DUPLICATE',
                                                 'DECEASED')),
  -- who the patient is, normalised (no case, no accents) to spot the same person reported twice
  identity_key      text NOT NULL,
  phone             text,
  fragility_points  integer NOT NULL,
  priority_reasons  text[] NOT NULL,
  assigned_to       uuid REFERENCES professional (id),
  assigned_at       timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK ((status = 'CLOSED') = (close_reason IS NOT NULL))
);
-- One open request per person, whatever the application does.
CREATE UNIQUE INDEX waitlist_one_open_per_identity ON waitlist_request (identity_key)
  WHERE status IN ('OPEN', 'PROPOSED');
CREATE UNIQUE INDEX waitlist_one_open_per_phone ON waitlist_request (phone)
  WHERE status IN ('OPEN', 'PROPOSED') AND phone IS NOT NULL;
CREATE INDEX waitlist_territory_status_idx ON waitlist_request (territory_id, status);

CREATE TABLE waitlist_history (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id  uuid NOT NULL REFERENCES waitlist_request (id),
  at          timestamptz NOT NULL,
  account_id  uuid,
  from_status text,
  to_status   text NOT NULL,
  reason      text
);
CREATE INDEX waitlist_history_request_idx ON waitlist_history (request_id, at);

CREATE TABLE mt_proposal (
  id              uuid PRIMARY KEY,
  request_id      uuid NOT NULL REFERENCES waitlist_request (id),
  professional_id uuid NOT NULL REFERENCES professional (id),
  status          text NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED')),
  gp_answer       text CHECK (gp_answer IN ('ACCEPTED', 'DECLINED')),
  gp_reason       text,
  patient_answer  text CHECK (patient_answer IN ('ACCEPTED', 'DECLINED')),
  patient_reason  text,
  notes_for_gp    text,
  created_by      uuid NOT NULL REFERENCES account (id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX mt_proposal_one_pending_per_request ON mt_proposal (request_id) WHERE status = 'PENDING';
CREATE INDEX mt_proposal_professional_idx ON mt_proposal (professional_id, status);
