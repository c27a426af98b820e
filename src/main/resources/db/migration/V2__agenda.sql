-- Shared agenda: recurring availability rules, materialised slots, absences.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE availability_rule (
  id                  uuid PRIMARY KEY,
  professional_id     uuid NOT NULL REFERENCES professional (id),
  site_id             uuid NOT NULL REFERENCES site (id),
  kind                text NOT NULL CHECK (kind IN ('SNP', 'MT_FIRST_VISIT', 'PUBLIC', 'PRO')),
  rrule               text NOT NULL,
  start_time          time NOT NULL,
  end_time            time NOT NULL,
  slot_minutes        integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 720),
  valid_from          date NOT NULL,
  valid_until         date,
  exdates             date[] NOT NULL DEFAULT '{}',
  active              boolean NOT NULL DEFAULT true,
  -- slots exist up to here; the horizon job extends from it
  materialised_until  timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  CHECK (end_time > start_time),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX availability_rule_professional_idx ON availability_rule (professional_id);

CREATE TABLE slot (
  id              uuid PRIMARY KEY,
  professional_id uuid NOT NULL REFERENCES professional (id),
  site_id         uuid NOT NULL REFERENCES site (id),
  kind            text NOT NULL CHECK (kind IN ('SNP', 'MT_FIRST_VISIT', 'PUBLIC', 'PRO')),
  status          text NOT NULL CHECK (status IN ('free', 'booked', 'blocked', 'cancelled')),
  start_at        timestamptz NOT NULL,
  end_at          timestamptz NOT NULL,
  source          text NOT NULL CHECK (source IN ('MANUAL', 'RULE', 'IMPORT')),
  rule_id         uuid REFERENCES availability_rule (id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  CHECK (end_at > start_at),
  -- A professional never has two live slots that overlap, whatever the site.
  CONSTRAINT slot_no_overlap EXCLUDE USING gist (professional_id WITH =, tstzrange(start_at, end_at) WITH &&)
    WHERE (status <> 'cancelled')
);
CREATE INDEX slot_free_start_idx ON slot (start_at) WHERE status = 'free';
CREATE INDEX slot_professional_start_idx ON slot (professional_id, start_at);
CREATE INDEX slot_rule_idx ON slot (rule_id) WHERE rule_id IS NOT NULL;

CREATE TABLE absence (
  id              uuid PRIMARY KEY,
  professional_id uuid NOT NULL REFERENCES professional (id),
  from_at         timestamptz NOT NULL,
  to_at           timestamptz NOT NULL,
  reason          text,
  created_by      uuid,
  created_at      timestamptz NOT NULL,
  CHECK (to_at > from_at)
);
CREATE INDEX absence_professional_idx ON absence (professional_id, from_at);
