-- Each hand-over of an open alert's case starts a follow-up cycle of its own (the volunteer now following the case
-- told, reminded, the coordinators told if nobody takes the alert in hand): the alert counts its cycles, and each
-- ledger row keeps the cycle it belongs to, which its key names from the first hand-over on (see NotificationKey).
-- Rows and alerts recorded before are of cycle 0, whose keys are unchanged. assigned_at: the emittedAt of the latest
-- record that named the alert's assignee, so that an older record read again (a replay) is not taken for a hand-over;
-- filled from the case's latest assignment when it names the same volunteer, else null (no record counts as older).
ALTER TABLE alert ADD COLUMN cycle integer NOT NULL DEFAULT 0, ADD COLUMN assigned_at timestamptz;
ALTER TABLE notification ADD COLUMN cycle integer NOT NULL DEFAULT 0;
UPDATE alert a SET assigned_at = c.updated_at FROM case_assignment c
  WHERE c.case_id = a.case_id AND c.volunteer_id = a.assigned_volunteer_id;
