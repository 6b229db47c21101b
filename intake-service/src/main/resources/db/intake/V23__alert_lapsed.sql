-- An alert resolved because its deadline passed with nothing recorded that would have resolved it (CaseAlert
-- version 2): the activity report counts it apart from the alerts resolved. Alerts read before count as resolved.
ALTER TABLE alerts ADD COLUMN lapsed boolean NOT NULL DEFAULT false;
