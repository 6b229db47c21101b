-- What the notifier last delivered to each volunteer on each channel, and what it last could not (read from
-- vigie.notifications.v1): a channel is failing when its last failure is newer than its last delivery. A
-- changed e-mail address or webhook forgets its channel's row.
CREATE TABLE contact_deliveries (
  association_id uuid NOT NULL,
  volunteer_id   text NOT NULL,
  channel        text NOT NULL,
  last_sent_at   timestamptz,
  last_failed_at timestamptz,
  last_failure   text,
  PRIMARY KEY (association_id, volunteer_id, channel)
);
