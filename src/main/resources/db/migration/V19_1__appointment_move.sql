-- Moving an appointment (issue 16): in one transaction the old appointment is cancelled (its slot freed) and a new
-- one is booked; the new one names the one it replaces. ON DELETE SET NULL: retention may purge the older one first.
ALTER TABLE appointment ADD COLUMN moved_from uuid REFERENCES appointment (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX appointment_moved_from_once ON appointment (moved_from) WHERE moved_from IS NOT NULL;

-- The patient's "moved" message: its own kind, once per (new) appointment like every other.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN ('CONFIRMATION', 'REMINDER',
  'CANCELLATION', 'PRO_BOOKING', 'PRO_CANCELLATION', 'MOVED'));
