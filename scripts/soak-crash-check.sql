-- scripts/soak-crash.sh's check, against the soak's database (psql run from the repository's root).
CREATE TEMP TABLE acked (key text, appointment_id uuid);
CREATE TEMP TABLE cancel_acked (appointment_id uuid);
CREATE TEMP TABLE cancel_unknown (appointment_id uuid);
\copy acked FROM 'target/soak-crash/booked.csv' WITH (FORMAT csv)
\copy cancel_acked FROM 'target/soak-crash/cancelled.csv' WITH (FORMAT csv)
\copy cancel_unknown FROM 'target/soak-crash/cancel-unknown.csv' WITH (FORMAT csv)
SELECT 'bookings_acknowledged', count(DISTINCT appointment_id) FROM acked;
SELECT 'cancellations_acknowledged', count(DISTINCT appointment_id) FROM cancel_acked;
SELECT 'cancellations_unanswered', count(DISTINCT appointment_id) FROM cancel_unknown;
SELECT 'lost', count(*) FROM acked k LEFT JOIN appointment a ON a.id = k.appointment_id WHERE a.id IS NULL;
SELECT 'wrong_state_booked', count(*) FROM acked k JOIN appointment a ON a.id = k.appointment_id
  WHERE a.status <> 'booked' AND k.appointment_id NOT IN (SELECT appointment_id FROM cancel_acked)
    AND k.appointment_id NOT IN (SELECT appointment_id FROM cancel_unknown);
SELECT 'wrong_state_cancelled', count(*) FROM cancel_acked c JOIN appointment a ON a.id = c.appointment_id
  WHERE a.status <> 'cancelled';
SELECT 'slots_with_two_live_appointments', count(*) FROM
  (SELECT slot_id FROM appointment WHERE status <> 'cancelled' GROUP BY slot_id HAVING count(*) > 1) d;
SELECT 'live_appointment_on_unbooked_slot', count(*) FROM appointment a JOIN slot s ON s.id = a.slot_id
  WHERE a.status = 'booked' AND s.status <> 'booked';
SELECT 'keys_answered_with_two_appointments', count(*) FROM (SELECT key FROM acked GROUP BY key
  HAVING count(DISTINCT appointment_id) > 1) d;
SELECT 'key_not_pointing_to_acknowledged_booking', count(*) FROM acked k
  LEFT JOIN idempotency_key i ON i.key = k.key WHERE i.response_body->>'id' IS DISTINCT FROM k.appointment_id::text;
SELECT 'appointments_without_their_key', count(*) FROM appointment a
  WHERE a.reason = 'soak' AND NOT EXISTS (SELECT 1 FROM idempotency_key i WHERE i.response_body->>'id' = a.id::text);
SELECT 'bookings_in_database', count(*) FROM appointment WHERE reason = 'soak';
