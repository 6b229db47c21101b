-- A volunteer's calendar subscription: a secret address that calendar applications read without a token,
-- giving the deadlines of the open alerts of the cases the volunteer follows. Only the secret's SHA-256 is
-- kept. One per volunteer: asking for a new one replaces it; deleting it ends it. A deactivated volunteer's
-- or a closed association's address answers nothing (the feed reads them at each request).
CREATE TABLE calendar_feeds (
  volunteer_id   uuid PRIMARY KEY REFERENCES volunteers,
  association_id uuid NOT NULL REFERENCES associations,
  secret_hash    bytea NOT NULL UNIQUE,
  created_at     timestamptz NOT NULL,
  last_read_at   timestamptz
);
