-- case_events is the table written most (one row per event). Its rows are only ever inserted by a
-- transaction that has just created or locked their case (CaseCommands, IntakeErasure), and cases
-- are never deleted, so the foreign key's per-row check (a query per inserted row) bought nothing.
-- The sequence number only orders a case's timeline (case_events_by_case); the event id stays the
-- unique key, so the separate primary-key index on seq is dropped too.
ALTER TABLE case_events DROP CONSTRAINT case_events_case_id_fkey;
ALTER TABLE case_events DROP CONSTRAINT case_events_pkey;
