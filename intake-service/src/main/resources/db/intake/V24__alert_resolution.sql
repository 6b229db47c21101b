-- Why an alert was resolved (CaseAlert version 3): SITUATION_ENDED, REQUEST_REFUSED, APPEAL_FILED, CASE_CLOSED,
-- RULE_DISABLED or DEADLINE_PASSED; null while it is open. Alerts resolved before say only whether they lapsed.
ALTER TABLE alerts ADD COLUMN resolution text;
UPDATE alerts SET resolution = CASE WHEN lapsed THEN 'DEADLINE_PASSED' ELSE 'SITUATION_ENDED' END WHERE status = 'RESOLVED';
