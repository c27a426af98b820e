-- Push requests (issue 23, docs/decisions/0021-push-requests.md): when no slot fits, the request goes out in rings
-- to the professionals who take requests; the first acceptance wins. Invariants live here: one acceptance per
-- request (status moves from OPEN once, by a conditional UPDATE), an accepted request names its appointment,
-- one recipient row per (request, professional), link tokens unique and stored hashed only.

CREATE TABLE push_settings (
  professional_id uuid PRIMARY KEY REFERENCES professional (id),
  takes_requests  boolean NOT NULL,
  -- [{"days": [1..7], "start": "08:00", "end": "19:00"}], Europe/Paris; empty = at any hour
  hours           jsonb NOT NULL DEFAULT '[]',
  updated_at      timestamptz NOT NULL
);

CREATE TABLE push_request (
  id                 uuid PRIMARY KEY,
  territory_id       text NOT NULL REFERENCES territory (id),
  triage_id          uuid NOT NULL REFERENCES triage_assessment (id),
  call_id            uuid REFERENCES call (id),
  patient_id         uuid NOT NULL REFERENCES patient (id),
  mt_professional_id uuid REFERENCES professional (id),
  profession         text NOT NULL,
  skill              text,
  urgency            text NOT NULL,
  deadline           timestamptz NOT NULL,
  commune_insee      char(5) NOT NULL,
  age_band           text NOT NULL,
  sex                char(1) NOT NULL,
  complaint          text NOT NULL,
  note               text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  status             text NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'EXPIRED', 'WITHDRAWN')),
  current_ring       integer NOT NULL CHECK (current_ring BETWEEN 0 AND 3),
  next_ring_at       timestamptz,
  alert_at           timestamptz NOT NULL,
  sent_by            uuid NOT NULL REFERENCES account (id),
  idempotency_key    text,
  request_hash       bytea,
  created_at         timestamptz NOT NULL,
  ended_at           timestamptz,
  end_reason         text,
  accepted_by        uuid REFERENCES professional (id),
  accepted_ring      integer,
  accepted_at        timestamptz,
  -- checked at commit: the acceptance's UPDATE comes first (it is what serialises concurrent accepts)
  appointment_id     uuid REFERENCES appointment (id) DEFERRABLE INITIALLY DEFERRED,
  CHECK ((status = 'ACCEPTED') = (appointment_id IS NOT NULL AND accepted_by IS NOT NULL)),
  CHECK ((status = 'OPEN') = (ended_at IS NULL)),
  CONSTRAINT push_request_idempotency UNIQUE (sent_by, idempotency_key)
);
CREATE INDEX push_request_due_idx ON push_request (least(next_ring_at, alert_at)) WHERE status = 'OPEN';
CREATE INDEX push_request_territory_idx ON push_request (territory_id, created_at);

CREATE TABLE push_recipient (
  request_id      uuid NOT NULL REFERENCES push_request (id),
  professional_id uuid NOT NULL REFERENCES professional (id),
  ring            integer NOT NULL CHECK (ring BETWEEN 0 AND 3),
  on_duty         boolean NOT NULL DEFAULT false,
  asked_at        timestamptz NOT NULL,
  seen_at         timestamptz,
  declined_at     timestamptz,
  decline_reason  text CHECK (length(decline_reason) <= 500),
  -- SHA-256 of the link's token; the token itself is only ever in the message
  token_hash      bytea NOT NULL CONSTRAINT push_recipient_token_unique UNIQUE,
  PRIMARY KEY (request_id, professional_id)
);
CREATE INDEX push_recipient_professional_idx ON push_recipient (professional_id, asked_at);

-- The messages carrying the links, written in the transaction that asks (outbox), sent through issue 16's channels.
CREATE TABLE push_notice (
  id              uuid PRIMARY KEY,
  request_id      uuid NOT NULL REFERENCES push_request (id),
  professional_id uuid NOT NULL REFERENCES professional (id),
  territory_id    text NOT NULL REFERENCES territory (id),
  channel         text NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
  recipient       text NOT NULL,
  subject         text,
  body            text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  CONSTRAINT push_notice_once UNIQUE (request_id, professional_id)
);
CREATE INDEX push_notice_pending_idx ON push_notice (created_at) WHERE status = 'pending';
