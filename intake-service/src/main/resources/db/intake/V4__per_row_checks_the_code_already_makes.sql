-- Per-row checks that guard nothing the code does not already guarantee, and cost work on every
-- inserted row (the foreign keys' checks, a query per row, were 14% of PostgreSQL's time in a
-- profiled CSV import):
-- - case_keys, identities and notes rows are written only by the vault, in the transaction that has
--   just created or locked their case, and cases are never deleted;
-- - a case's assigned volunteer is checked before it is written (an active volunteer of the case's
--   own association, which is stricter than the key, or the calling token's own volunteer), and
--   volunteers are never deleted, only deactivated;
-- - case_events' unique index on event_id (a second index entry per event): event ids are made by
--   intake only, never taken from a request: time-ordered UUIDs with 74 random bits, or, for an
--   erasure, derived from the case id, which IntakeErasure looks for under the case's lock, through
--   the case's index.
-- cases.association_id keeps its key to associations: it is the tenancy's safety net.
ALTER TABLE case_keys DROP CONSTRAINT case_keys_case_id_fkey;
ALTER TABLE identities DROP CONSTRAINT identities_case_id_fkey;
ALTER TABLE notes DROP CONSTRAINT notes_case_id_fkey;
ALTER TABLE cases DROP CONSTRAINT cases_assigned_volunteer_id_fkey;
ALTER TABLE case_events DROP CONSTRAINT case_events_event_id_key;
