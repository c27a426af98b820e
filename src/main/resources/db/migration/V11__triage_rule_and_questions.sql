-- Triage (issue 12): the rule that decided each assessment, its French explanation, and the questions still open
-- when it was recorded (an orientation given with questions open is visible afterwards).
ALTER TABLE triage_assessment
  ADD COLUMN rule_id        text,
  ADD COLUMN explanation    text,
  ADD COLUMN open_questions jsonb NOT NULL DEFAULT '[]'::jsonb;
