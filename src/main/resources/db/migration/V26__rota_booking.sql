-- Booking on a duty (issue 22, docs/decisions/0020-duty-rota.md, "Booking on a duty"). A patient booked on a duty
-- gets an ordinary appointment on a slot made for them at the chosen time (kind SNP, status booked), marked with the
-- duty's place: every reader of appointments (cancel, move, feeds, notifications, indicators, FHIR) keeps working.
-- The seat is the counter rota_assignment.booked, bounded by its CHECK (booked BETWEEN 0 AND capacity).

ALTER TABLE slot ADD COLUMN duty_place_id uuid REFERENCES rota_place (id);
CREATE INDEX slot_duty_place_idx ON slot (duty_place_id, start_at) WHERE duty_place_id IS NOT NULL;

-- A duty takes patients beyond the professional's own slots and several at once: its slots are left out of the
-- "no two live slots overlap" rule (the rota's own exclusion keeps one professional on one duty at a time).
ALTER TABLE slot DROP CONSTRAINT slot_no_overlap;
ALTER TABLE slot ADD CONSTRAINT slot_no_overlap EXCLUDE USING gist
  (professional_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'cancelled' AND duty_place_id IS NULL);

-- A duty's slot is never offered as a free (or blocked) slot: given back (its appointment cancelled or moved), it is cancelled.
CREATE FUNCTION rota_duty_slot_never_free() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.status := 'cancelled';
  RETURN NEW;
END $$;
CREATE TRIGGER rota_duty_slot_never_free BEFORE INSERT OR UPDATE OF status ON slot
  FOR EACH ROW WHEN (NEW.duty_place_id IS NOT NULL AND NEW.status IN ('free', 'blocked')) EXECUTE FUNCTION rota_duty_slot_never_free();

-- The seat comes back when the appointment on it is cancelled, in the same transaction, whoever cancels.
CREATE FUNCTION rota_duty_seat_back() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rota_assignment a SET booked = a.booked - 1
    FROM slot s WHERE s.id = NEW.slot_id AND s.duty_place_id IS NOT NULL AND a.place_id = s.duty_place_id
      AND a.booked > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER rota_duty_seat_back AFTER UPDATE OF status ON appointment
  FOR EACH ROW WHEN (OLD.status <> 'cancelled' AND NEW.status = 'cancelled') EXECUTE FUNCTION rota_duty_seat_back();
