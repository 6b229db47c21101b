-- Why an alert was resolved (CaseAlert version 3: the situation ended, a refusal, an appeal, the case closed, the
-- rule disabled, the deadline passed, a fact corrected): its resolution notice says which. Alerts resolved before
-- kept only whether they lapsed; null while an alert is open.
ALTER TABLE alert ADD COLUMN resolution text;
UPDATE alert SET resolution = CASE WHEN lapsed THEN 'DEADLINE_PASSED' ELSE 'SITUATION_ENDED' END
  WHERE resolved_at IS NOT NULL;
