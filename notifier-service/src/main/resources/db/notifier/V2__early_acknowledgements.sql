-- Alerts taken in hand in intake before this service received them: the alerts and the
-- acknowledgements topics are read by separate consumers, so an acknowledgement can come first
-- (e.g. after the notifier was stopped for a while). Kept here and applied when the alert arrives.
CREATE TABLE early_acknowledgement (
  alert_id        text PRIMARY KEY,
  association_id  text        NOT NULL,
  case_id         text        NOT NULL,
  acknowledged_by text        NOT NULL,
  acknowledged_at timestamptz NOT NULL,
  received_at     timestamptz NOT NULL
);
CREATE INDEX early_acknowledgement_received ON early_acknowledgement (received_at);
