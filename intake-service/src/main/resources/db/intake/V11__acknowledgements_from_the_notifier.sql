-- Alerts taken in hand through an e-mail's link are recorded by the notifier, which says so on
-- vigie.notifications.v1 (state ACKNOWLEDGED); intake reads them into the alerts read model. One that
-- arrives before its alert does waits here until the alert is projected.
CREATE TABLE early_acknowledgements (
  alert_id        text PRIMARY KEY,
  association_id  text NOT NULL,
  acknowledged_at timestamptz NOT NULL,
  acknowledged_by text NOT NULL,
  by_coordinator  boolean NOT NULL,
  kept_at         timestamptz NOT NULL DEFAULT now()
);
