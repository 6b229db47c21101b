-- Why an alert was resolved (CaseAlert version 3: the situation ended, a refusal, an appeal, the case closed, the
-- rule disabled, the deadline passed): its resolution notice says which. Alerts resolved before keep only lapsed.
ALTER TABLE alert ADD COLUMN resolution text;
