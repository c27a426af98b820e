-- Notifications (issue 16): the patient's choices, the transactional outbox, each sending attempt, the local
-- journal (where messages go when no SMTP server or SMS gateway is configured), the professionals' choice to
-- receive booking e-mails, and the key that signs cancellation links.

ALTER TABLE patient
  ADD COLUMN email text CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  ADD COLUMN notification_channel text NOT NULL DEFAULT 'SMS' CHECK (notification_channel IN ('SMS', 'EMAIL', 'NONE')),
  ADD COLUMN notification_consent_at timestamptz;

-- Written in the same transaction as the booking or cancellation that causes it. One row per message: the
-- unique key makes "once per event" a constraint, whatever the number of instances.
CREATE TABLE notification (
  id              uuid PRIMARY KEY,
  appointment_id  uuid NOT NULL REFERENCES appointment (id),
  territory_id    text NOT NULL REFERENCES territory (id),
  kind            text NOT NULL CHECK (kind IN ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'PRO_BOOKING',
                                                'PRO_CANCELLATION')),
  channel         text NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  due_at          timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  -- a dispatcher's claim: others skip the row until then (an instance that dies mid-send loses it after this)
  claimed_until   timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  recipient       text,
  subject         text,
  body            text,
  sms_encoding    text CHECK (sms_encoding IN ('GSM-7', 'UCS-2')),
  sms_segments    integer,
  skip_reason     text,
  sent_at         timestamptz,
  created_at      timestamptz NOT NULL,
  CONSTRAINT notification_once_per_event UNIQUE (appointment_id, kind)
);
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'pending';

CREATE TABLE notification_attempt (
  notification_id uuid NOT NULL REFERENCES notification (id),
  number          integer NOT NULL CHECK (number > 0),
  at              timestamptz NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('sent', 'failed')),
  detail          text,
  PRIMARY KEY (notification_id, number)
);

-- What would have been sent, for a channel without a server (the demo): readable by the territory's staff.
CREATE TABLE notification_journal (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL,
  notification_id uuid REFERENCES notification (id),
  territory_id    text REFERENCES territory (id),
  channel         text NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
  recipient       text NOT NULL,
  subject         text,
  body            text NOT NULL,
  attachment      text
);
CREATE INDEX notification_journal_territory_idx ON notification_journal (territory_id, id);

CREATE TABLE professional_notification_settings (
  professional_id uuid PRIMARY KEY REFERENCES professional (id),
  email_bookings  boolean NOT NULL,
  updated_at      timestamptz NOT NULL
);

-- One row: the HMAC key of cancellation links, shared by every instance and kept across restarts.
CREATE TABLE notification_key (
  id         integer PRIMARY KEY CHECK (id = 1),
  link_key   bytea NOT NULL,
  created_at timestamptz NOT NULL
);
