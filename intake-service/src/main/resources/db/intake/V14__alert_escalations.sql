-- When the notifier first told the coordination about an alert nobody took in hand (an ESCALATION sent,
-- read from vigie.notifications.v1): the alert list and the association's activity report show it.
ALTER TABLE alerts ADD COLUMN escalated_at timestamptz;
