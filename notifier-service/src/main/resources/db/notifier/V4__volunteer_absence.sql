-- A volunteer away until a day included, and who receives the alerts of their cases meanwhile (a volunteer
-- of the same association; NULL: the coordinators). Entries read before are of volunteers not away.
ALTER TABLE directory_entry ADD COLUMN absent_until date, ADD COLUMN substitute_volunteer_id text;
