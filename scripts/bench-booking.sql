-- The booking of POST /api/v1/appointments, statement for statement, for pgbench: the ceiling the HTTP service is
-- compared with. Before the transaction, the service looks up the session of the bearer token (then cached) and the
-- scope guard reads the territories of the ids in the body (the patient's commune and appointments, the slot's site).
-- The n-th booking takes the n-th prepared slot and the patient (n mod 1000), as BookingBench does over HTTP.
SELECT nextval('bench_seq') AS n \gset
SELECT a.id FROM session s JOIN account a ON a.id = s.account_id
  WHERE s.token_hash = '\x00'::bytea AND s.revoked_at IS NULL AND s.expires_at > now() AND a.active;
SELECT ARRAY[c.territory_id] FROM patient p JOIN commune c ON c.insee = p.commune_insee
  WHERE p.id = (SELECT patient_id FROM bench_patient WHERE i = :n % 1000);
SELECT ARRAY(SELECT DISTINCT territory_id FROM appointment
  WHERE patient_id = (SELECT patient_id FROM bench_patient WHERE i = :n % 1000));
SELECT ARRAY[c.territory_id] FROM slot sl JOIN site s ON s.id = sl.site_id JOIN commune c ON c.insee = s.commune_insee
  WHERE sl.id = (SELECT id FROM bench_slot WHERE n = :n);
BEGIN;
SELECT p.id, p.family_name, p.given_name, p.birth_date, p.phone, p.commune_insee, p.sex, p.fragility, p.has_mt,
       p.created_by, c.territory_id
  FROM patient p JOIN commune c ON c.insee = p.commune_insee
  WHERE p.id = (SELECT patient_id FROM bench_patient WHERE i = :n % 1000);
INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome)
  SELECT now(), b.account_id, 'patient.read', 'patient', p.patient_id::text, 'bassin-de-thau', '127.0.0.1', 'SUCCESS'
  FROM bench_ids b, bench_patient p WHERE p.i = :n % 1000;
UPDATE slot SET status = 'booked', updated_at = now()
  WHERE id = (SELECT id FROM bench_slot WHERE n = :n) AND status = 'free' AND start_at > now()
  RETURNING id, professional_id, site_id, kind, status, start_at, end_at, source, rule_id;
SELECT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee
  WHERE s.id = (SELECT site_id FROM slot WHERE id = (SELECT id FROM bench_slot WHERE n = :n));
INSERT INTO appointment (id, status, slot_id, site_id, kind, start_at, end_at, professional_id, patient_id, reason,
                         booked_by, territory_id, version, created_at, updated_at)
  SELECT gen_random_uuid(), 'booked', sl.id, sl.site_id, sl.kind, sl.start_at, sl.end_at, sl.professional_id,
         p.patient_id, 'banc d''essai', b.account_id, 'bassin-de-thau', 0, now(), now()
  FROM slot sl, bench_ids b, bench_patient p
  WHERE sl.id = (SELECT id FROM bench_slot WHERE n = :n) AND sl.status = 'booked' AND p.i = :n % 1000;
WITH e AS (INSERT INTO domain_event (at, type, territory_id, payload)
           VALUES (now(), 'slot.booked', 'bassin-de-thau', jsonb_build_object('slotId', :n::bigint))
           RETURNING id, at, type, territory_id, payload)
SELECT id, pg_notify('aiguillage_events', json_build_object('id', id, 'type', type, 'payload', payload)::text) FROM e;
INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome)
  SELECT now(), account_id, 'appointment.book', 'appointment', NULL, 'bassin-de-thau', '127.0.0.1', 'SUCCESS'
  FROM bench_ids;
-- the outbox: the patient's consent to notices, the professional's e-mail setting (no message: none consented)
SELECT p.id, p.family_name, p.given_name, p.birth_date, p.phone, p.commune_insee, p.sex, p.fragility, p.has_mt,
       p.created_by, c.territory_id
  FROM patient p JOIN commune c ON c.insee = p.commune_insee
  WHERE p.id = (SELECT patient_id FROM bench_patient WHERE i = :n % 1000);
SELECT email_bookings FROM professional_notification_settings
  WHERE professional_id = (SELECT professional_id FROM slot WHERE id = (SELECT id FROM bench_slot WHERE n = :n));
COMMIT;
