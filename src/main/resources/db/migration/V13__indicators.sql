-- Indicators read the other modules' tables (read-only, docs/decisions/0009). Two lookups they need had no index:
-- a territory's assessments by time, and the appointment booked for an assessment.
CREATE INDEX triage_assessment_territory_created_idx ON triage_assessment (territory_id, created_at);
CREATE INDEX appointment_triage_idx ON appointment (triage_id, created_at) WHERE triage_id IS NOT NULL;
