-- A volunteer away (holidays, illness) until a day included, and who receives the alerts of their cases
-- meanwhile: a volunteer of the same association, or NULL for the coordinators. The notifier reads both from
-- the directory topic.
ALTER TABLE volunteers ADD COLUMN absent_until date, ADD COLUMN substitute_volunteer_id uuid REFERENCES volunteers;
