-- Follow-up notes written on a case itself, not with an event ("rendez-vous au point d'accueil numérique
-- le 12, apporter le passeport"): when and by whom. Their text is encrypted like every note, and erasing the
-- case deletes them. NULL for a note recorded with an event (its day is the event's).
ALTER TABLE notes ADD COLUMN written_at timestamptz, ADD COLUMN written_by text;
CREATE INDEX notes_written_on_case ON notes (case_id, written_at) WHERE written_at IS NOT NULL;
