-- An event recorded in error is replaced or withdrawn by a later event of the same case, which names
-- it here (CaseEvent.correction on vigie.case-events.v1). Both columns are null for an event that
-- corrects nothing. What a withdrawal copies is rebuilt from the withdrawn event's details, which
-- already hold every field of its payload.
ALTER TABLE case_events
  ADD COLUMN corrects_event_id uuid,
  ADD COLUMN correction_kind   text,
  ADD CONSTRAINT case_events_correction_whole CHECK ((corrects_event_id IS NULL) = (correction_kind IS NULL)) NOT VALID,
  ADD CONSTRAINT case_events_correction_kind CHECK (correction_kind IN ('REPLACES', 'WITHDRAWS')) NOT VALID;
-- NOT VALID: the rows already there have both columns null, so the checks hold for them; without it,
-- adding them would read the whole table (the largest one) under an exclusive lock. New rows are checked.
