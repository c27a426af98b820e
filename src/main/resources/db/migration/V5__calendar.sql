-- iCalendar: private feed tokens (hash only), each professional's feed settings, calendar subscriptions.

CREATE TABLE calendar_feed (
  professional_id uuid PRIMARY KEY REFERENCES professional (id),
  token_hash      bytea NOT NULL CONSTRAINT calendar_feed_token_unique UNIQUE,
  created_at      timestamptz NOT NULL
);

CREATE TABLE calendar_settings (
  professional_id uuid PRIMARY KEY REFERENCES professional (id),
  privacy         text NOT NULL DEFAULT 'none' CHECK (privacy IN ('none', 'initials', 'full')),
  show_free_slots boolean NOT NULL DEFAULT false,
  updated_at      timestamptz NOT NULL
);

CREATE TABLE calendar_subscription (
  professional_id uuid PRIMARY KEY REFERENCES professional (id),
  url             text NOT NULL,
  site_id         uuid NOT NULL REFERENCES site (id),
  slot_minutes    integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 720),
  last_fetch_at   timestamptz,
  last_status     text,
  last_error      text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
