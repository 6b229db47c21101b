-- How a volunteer wants to be alerted, published with the rest of the volunteer to vigie.directory.v1
-- for the notifier: an optional webhook (its signing secret is generated here, as the notifier
-- stores it too), the language of the messages, quiet hours in the volunteer's time zone, and a
-- daily digest instead of one message per alert.
ALTER TABLE volunteers
  ADD COLUMN webhook_url    text,
  ADD COLUMN webhook_secret text,
  ADD COLUMN language       text    NOT NULL DEFAULT 'fr',
  ADD COLUMN time_zone      text    NOT NULL DEFAULT 'Europe/Paris',
  ADD COLUMN quiet_start    integer,
  ADD COLUMN quiet_end      integer,
  ADD COLUMN daily_digest   boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT volunteers_webhook_has_secret CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL)),
  ADD CONSTRAINT volunteers_quiet_hours_whole CHECK ((quiet_start IS NULL) = (quiet_end IS NULL));
