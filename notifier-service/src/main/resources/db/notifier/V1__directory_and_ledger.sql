-- Copy of the compacted vigie.directory.v1 topic: one row per key (associationId or volunteerId).
CREATE TABLE directory_entry (
  entry_key       text PRIMARY KEY,
  kind            text        NOT NULL,
  association_id  text        NOT NULL,
  volunteer_id    text,
  display_name    text        NOT NULL,
  role            text,
  email           text,
  webhook_url     text,
  webhook_secret  text,
  active          boolean     NOT NULL,
  time_zone       text        NOT NULL,
  quiet_start     integer,
  quiet_end       integer,
  daily_digest    boolean     NOT NULL,
  language        text        NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX directory_entry_association ON directory_entry (association_id, kind, role);

-- Latest known assignee per case, kept current from the alerts.
CREATE TABLE case_assignment (
  case_id         text PRIMARY KEY,
  association_id  text        NOT NULL,
  volunteer_id    text        NOT NULL,
  updated_at      timestamptz NOT NULL
);

-- One row per alert episode (alertId is deterministic in rules-service).
CREATE TABLE alert (
  alert_id              text PRIMARY KEY,
  case_id               text        NOT NULL,
  association_id        text        NOT NULL,
  rule                  text        NOT NULL,
  severity              text        NOT NULL,
  raised_at             timestamptz NOT NULL,
  deadline              date,
  assigned_volunteer_id text,
  reference             text        NOT NULL,
  rule_version          text        NOT NULL,
  message_fr            text        NOT NULL,
  message_en            text        NOT NULL,
  received_at           timestamptz NOT NULL,
  routed                boolean     NOT NULL DEFAULT false,
  first_sent_at         timestamptz,
  acknowledged_at       timestamptz,
  resolved_at           timestamptz,
  reminder_round        integer     NOT NULL DEFAULT 0,
  next_follow_up_at     timestamptz
);
CREATE INDEX alert_unrouted ON alert (association_id) WHERE NOT routed;
CREATE INDEX alert_follow_up ON alert (next_follow_up_at)
  WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND next_follow_up_at IS NOT NULL;

-- The ledger: one row per (alert, kind, round, channel, recipient); the unique key makes replays harmless.
CREATE TABLE notification (
  id               bigserial PRIMARY KEY,
  notification_key text        NOT NULL UNIQUE,
  -- null only for a DIGEST row, which groups several alerts
  alert_id         text        REFERENCES alert (alert_id),
  kind             text        NOT NULL,
  round            integer     NOT NULL,
  channel          text        NOT NULL,
  recipient_id     text        NOT NULL,
  recipient_role   text        NOT NULL,
  state            text        NOT NULL,
  attempts         integer     NOT NULL DEFAULT 0,
  digest           boolean     NOT NULL DEFAULT false,
  next_attempt_at  timestamptz NOT NULL,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  acknowledged_at  timestamptz,
  last_error       text,
  -- the DIGEST row that delivered this row, when it was grouped
  digest_id        bigint,
  CONSTRAINT notification_state CHECK (state IN ('PENDING', 'SENT', 'ACKNOWLEDGED', 'FAILED', 'ESCALATED', 'CANCELLED'))
);
CREATE INDEX notification_due ON notification (next_attempt_at, id) WHERE state = 'PENDING' AND NOT digest;
CREATE INDEX notification_digest ON notification (recipient_id) WHERE state = 'PENDING' AND digest;
CREATE INDEX notification_alert ON notification (alert_id);

-- Transactional outbox: outcomes and dead letters written with the ledger change, published after.
CREATE TABLE outbox (
  id          bigserial PRIMARY KEY,
  topic       text  NOT NULL,
  record_key  bytea,
  payload     bytea NOT NULL,
  -- dead letters only: what went wrong (never personal data)
  error_kind  text,
  error       text
);

-- Secrets generated on first start (ack-link signing key) when none is configured.
CREATE TABLE secret (
  name   text PRIMARY KEY,
  value  bytea NOT NULL
);
