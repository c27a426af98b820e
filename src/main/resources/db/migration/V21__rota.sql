-- The SNP duty rota (issue 22, docs/decisions/0020-duty-rota.md). Invariants live here: one holder per place, a
-- professional never on two places at once (exclusion on time ranges), never more patients than a duty's capacity.

CREATE TABLE rota_sector (
  id           uuid PRIMARY KEY,
  territory_id text NOT NULL REFERENCES territory (id),
  name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  is_default   boolean NOT NULL DEFAULT false,
  communes     text[] NOT NULL DEFAULT '{}',
  CONSTRAINT rota_sector_name_unique UNIQUE (territory_id, name),
  CONSTRAINT rota_sector_in_territory UNIQUE (id, territory_id)
);
-- One default sector per territory (the whole territory until sectors are drawn).
CREATE UNIQUE INDEX rota_sector_one_default ON rota_sector (territory_id) WHERE is_default;

CREATE TABLE rota_band (
  id           uuid PRIMARY KEY,
  sector_id    uuid NOT NULL REFERENCES rota_sector (id),
  label        text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 100),
  -- ISO days of the week, 1 = Monday; ignored for a holiday band
  days         smallint[] NOT NULL CHECK (days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  holidays     boolean NOT NULL DEFAULT false,
  starts       time NOT NULL,
  ends         time NOT NULL,
  profession   text NOT NULL,
  needed       integer NOT NULL CHECK (needed BETWEEN 1 AND 50),
  capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  step_minutes integer NOT NULL CHECK (step_minutes BETWEEN 5 AND 240),
  created_at   timestamptz NOT NULL
);
CREATE INDEX rota_band_sector_idx ON rota_band (sector_id);

CREATE TABLE rota_month (
  id           uuid PRIMARY KEY,
  territory_id text NOT NULL REFERENCES territory (id),
  month        date NOT NULL CHECK (extract(day FROM month) = 1),
  deadline     timestamptz NOT NULL,
  status       text NOT NULL CHECK (status IN ('OPEN', 'PROPOSED', 'PUBLISHED')),
  opened_at    timestamptz NOT NULL,
  published_at timestamptz,
  CONSTRAINT rota_month_unique UNIQUE (territory_id, month)
);

CREATE TABLE rota_availability (
  month_id        uuid NOT NULL REFERENCES rota_month (id),
  professional_id uuid NOT NULL REFERENCES professional (id),
  sector_id       uuid NOT NULL REFERENCES rota_sector (id),
  offered         integer NOT NULL CHECK (offered BETWEEN 0 AND 62),
  -- [{"day": "2027-05-06", "bandId": null | uuid}]
  impossible      jsonb NOT NULL DEFAULT '[]',
  preferred       jsonb NOT NULL DEFAULT '[]',
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (month_id, professional_id)
);

CREATE TABLE rota_place (
  id           uuid PRIMARY KEY,
  month_id     uuid NOT NULL REFERENCES rota_month (id),
  sector_id    uuid NOT NULL REFERENCES rota_sector (id),
  band_id      uuid NOT NULL REFERENCES rota_band (id),
  day          date NOT NULL,
  seat         integer NOT NULL CHECK (seat >= 0),
  during       tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  special      boolean NOT NULL,
  capacity     integer NOT NULL CHECK (capacity > 0),
  CONSTRAINT rota_place_seat_unique UNIQUE (band_id, day, seat),
  CONSTRAINT rota_place_shape UNIQUE (id, during, capacity)
);
CREATE INDEX rota_place_month_idx ON rota_place (month_id, day);
CREATE INDEX rota_place_during_idx ON rota_place USING gist (during);

CREATE TABLE rota_assignment (
  -- one holder per place
  place_id        uuid PRIMARY KEY,
  professional_id uuid NOT NULL REFERENCES professional (id),
  -- the place's range and capacity, copied and kept equal by the foreign key, so the constraints below can see them
  during          tstzrange NOT NULL,
  capacity        integer NOT NULL,
  reason          text NOT NULL CHECK (reason IN ('PREFERRED', 'ONLY_ONE_AVAILABLE', 'LEAST_LOADED', 'MANUAL')),
  given_away      boolean NOT NULL DEFAULT false,
  booked          integer NOT NULL DEFAULT 0,
  CONSTRAINT rota_assignment_place FOREIGN KEY (place_id, during, capacity)
    REFERENCES rota_place (id, during, capacity) ON DELETE CASCADE,
  CONSTRAINT rota_assignment_capacity CHECK (booked BETWEEN 0 AND capacity),
  CONSTRAINT rota_assignment_one_place_at_once EXCLUDE USING gist (professional_id WITH =, during WITH &&)
);
CREATE INDEX rota_assignment_professional_idx ON rota_assignment (professional_id);

-- Every change of the rota: who, when, why (append-only).
CREATE TABLE rota_history (
  id              bigserial PRIMARY KEY,
  month_id        uuid NOT NULL REFERENCES rota_month (id),
  place_id        uuid REFERENCES rota_place (id) ON DELETE SET NULL,
  at              timestamptz NOT NULL,
  account_id      uuid,
  action          text NOT NULL,
  professional_id uuid,
  previous_id     uuid,
  why             text NOT NULL
);
CREATE INDEX rota_history_month_idx ON rota_history (month_id, id);
