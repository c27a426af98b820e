-- The booking transaction of BookSlot, in SQL, for pgbench: the ceiling the HTTP service is compared with.
-- Reads before the transaction (slot, professional with sites, patient) as the service does them.
\set n random(1, 10000)
SELECT id, professional_id, site_id, kind, status, start_at, end_at, source, rule_id FROM slot
  WHERE id = (SELECT id FROM bench_slot WHERE n = :n);
SELECT p.id, p.rpps, p.family_name, p.profession, p.skills, p.phone, s.id, s.commune_insee FROM professional p
  JOIN site s ON s.professional_id = p.id
  WHERE p.id = (SELECT professional_id FROM slot WHERE id = (SELECT id FROM bench_slot WHERE n = :n));
SELECT p.id, p.family_name FROM patient p JOIN commune c ON c.insee = p.commune_insee
  WHERE p.id = (SELECT patient_id FROM bench_ids);
INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome)
  SELECT now(), account_id, 'patient.read', 'patient', patient_id::text, 'bassin-de-thau', '127.0.0.1', 'SUCCESS'
  FROM bench_ids;
BEGIN;
WITH pick AS (SELECT id FROM bench_slot WHERE n = (SELECT nextval('bench_seq'))),
     claimed AS (UPDATE slot SET status = 'booked', updated_at = now()
                 WHERE id = (SELECT id FROM pick) AND status = 'free' AND start_at > now()
                 RETURNING id, professional_id, site_id, kind, start_at, end_at),
     booked AS (INSERT INTO appointment (id, status, slot_id, site_id, kind, start_at, end_at, professional_id,
                  patient_id, reason, booked_by, territory_id, version, created_at, updated_at)
                SELECT gen_random_uuid(), 'booked', c.id, c.site_id, c.kind, c.start_at, c.end_at, c.professional_id,
                       b.patient_id, 'banc d''essai', b.account_id, 'bassin-de-thau', 0, now(), now()
                FROM claimed c, bench_ids b
                RETURNING id, slot_id, professional_id),
     event AS (INSERT INTO domain_event (at, type, territory_id, payload)
               SELECT now(), 'slot.booked', 'bassin-de-thau',
                      jsonb_build_object('slotId', slot_id, 'appointmentId', id, 'professionalId', professional_id)
               FROM booked RETURNING id, payload)
SELECT pg_notify('aiguillage_events', payload::text) FROM event;
INSERT INTO audit_event (at, account_id, action, entity_type, entity_id, territory_id, client_ip, outcome)
  SELECT now(), account_id, 'appointment.book', 'appointment', NULL, 'bassin-de-thau', '127.0.0.1', 'SUCCESS'
  FROM bench_ids;
COMMIT;
