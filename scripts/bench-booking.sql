-- The booking of POST /api/v1/appointments, statement for statement, for pgbench: the ceiling the HTTP service is
-- compared with. The n-th booking takes the n-th prepared slot and the patient (n mod 1000), as BookingBench does over
-- HTTP; their ids are read once, first, and passed as parameters as the service passes them (the statements used to
-- read them again in sub-selects, 13 index probes and a bearer-token lookup a booking that the service does not
-- make, so the ceiling did more work than the service: decision 0042). Not replayed: the session lookup of the bearer
-- token, cached 5 s by the service (0.007 a booking measured). The scope guard reads the territories of the ids in
-- the body (the patient's commune and appointments, the slot's site) before the transaction, one statement each.
SELECT q.n, s.id AS slot, p.patient_id AS patient, b.account_id AS account
  FROM (SELECT nextval('bench_seq') AS n) q JOIN bench_slot s ON s.n = q.n JOIN bench_patient p ON p.i = q.n % 1000
  CROSS JOIN bench_ids b \gset
SELECT ARRAY[c.territory_id] FROM patient p JOIN commune c ON c.insee = p.commune_insee WHERE p.id = :patient;
SELECT ARRAY(SELECT DISTINCT territory_id FROM appointment WHERE patient_id = :patient);
SELECT ARRAY[c.territory_id] FROM slot sl JOIN site s ON s.id = sl.site_id JOIN commune c ON c.insee = s.commune_insee
  WHERE sl.id = :slot;
BEGIN;
SELECT p.id, p.family_name, p.given_name, p.birth_date, p.phone, p.commune_insee, p.sex, p.fragility, p.has_mt,
       p.created_by, c.territory_id
  FROM patient p JOIN commune c ON c.insee = p.commune_insee
  WHERE p.id = :patient;
INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome)
  VALUES (now(), :account, 'patient.read', 'patient', :patient, 'bassin-de-thau', '127.0.0.1', 'SUCCESS');
UPDATE slot SET status = 'booked', updated_at = now()
  WHERE id = :slot AND status = 'free' AND start_at > now()
  RETURNING id, professional_id, site_id, kind, status, start_at, end_at, source, rule_id \gset booked_
SELECT c.territory_id FROM site s JOIN commune c ON c.insee = s.commune_insee WHERE s.id = :booked_site_id;
INSERT INTO appointment (id, status, slot_id, site_id, kind, start_at, end_at, professional_id, patient_id, reason,
                         booked_by, territory_id, version, created_at, updated_at)
  VALUES (gen_random_uuid(), 'booked', :slot, :booked_site_id, :booked_kind, :booked_start_at, :booked_end_at,
          :booked_professional_id, :patient, 'banc d''essai', :account, 'bassin-de-thau', 0, now(), now());
WITH e AS (INSERT INTO domain_event (at, type, territory_id, payload)
           VALUES (now(), 'slot.booked', 'bassin-de-thau', jsonb_build_object('slotId', :n::bigint))
           RETURNING id, at, type, territory_id, payload)
SELECT id, pg_notify('aiguillage_events', json_build_object('id', id, 'type', type, 'payload', payload)::text) FROM e;
INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome)
  VALUES (now(), :account, 'appointment.book', 'appointment', NULL, 'bassin-de-thau', '127.0.0.1', 'SUCCESS');
-- the outbox: the patient's consent to notices, the professional's e-mail setting (no message: none consented)
SELECT p.id, p.family_name, p.given_name, p.birth_date, p.phone, p.commune_insee, p.sex, p.fragility, p.has_mt,
       p.created_by, c.territory_id
  FROM patient p JOIN commune c ON c.insee = p.commune_insee
  WHERE p.id = :patient;
SELECT email_bookings FROM professional_notification_settings WHERE professional_id = :booked_professional_id;
COMMIT;
