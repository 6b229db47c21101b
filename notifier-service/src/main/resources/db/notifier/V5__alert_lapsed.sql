-- An alert resolved because its deadline passed with nothing recorded that would have resolved it (CaseAlert
-- version 2): its resolution notice does not say "good news". Alerts resolved before were not told apart.
ALTER TABLE alert ADD COLUMN lapsed boolean NOT NULL DEFAULT false;
