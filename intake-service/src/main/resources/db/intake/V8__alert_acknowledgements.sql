-- An alert taken in hand from the API or the page (also published to vigie.alert-acknowledgements.v1,
-- where the notifier cancels its reminders and the coordinator's escalation).
ALTER TABLE alerts
  ADD COLUMN acknowledged_at timestamptz,
  ADD COLUMN acknowledged_by text;
