-- Messages another module composes for professionals, outside the appointments' outbox (issue 22: a duty given away
-- is told to the sector's other volunteers; docs/decisions/0027-rota-notify-indicators.md). Written in the
-- transaction of the act, sent through issue 16's channels: e-mail when the professional chose e-mails and has an
-- address, else SMS. One message per act and professional.
CREATE TABLE direct_notice (
  id              uuid PRIMARY KEY,
  topic           text NOT NULL CHECK (length(topic) BETWEEN 1 AND 60),
  -- the act the message tells of (one per act: a second queueing of the same act adds nothing)
  ref             uuid NOT NULL,
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
  CONSTRAINT direct_notice_once UNIQUE (topic, ref, professional_id)
);
CREATE INDEX direct_notice_pending_idx ON direct_notice (created_at) WHERE status = 'pending';
