-- Intake's own schema. Personal data (names, foreigner numbers, phones, free text) lives only in
-- identities and notes, encrypted with a per-case data key (case_keys) wrapped by the master key.

CREATE TABLE associations (
  association_id uuid PRIMARY KEY,
  name           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteers (
  volunteer_id   uuid PRIMARY KEY,
  association_id uuid NOT NULL REFERENCES associations,
  display_name   text NOT NULL,
  email          text NOT NULL,
  role           text NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (association_id, email)
);

-- Bearer tokens, stored as SHA-256 of the random token; the token itself is shown once.
CREATE TABLE tokens (
  token_id       uuid PRIMARY KEY,
  token_hash     bytea NOT NULL UNIQUE,
  association_id uuid NOT NULL REFERENCES associations,
  volunteer_id   uuid REFERENCES volunteers,
  role           text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz
);

CREATE TABLE cases (
  case_id               uuid PRIMARY KEY,
  association_id        uuid NOT NULL REFERENCES associations,
  permit_kind           text NOT NULL,
  permit_expires_on     date,
  procedure             text NOT NULL,
  department            text NOT NULL,
  assigned_volunteer_id uuid REFERENCES volunteers,
  employed              boolean NOT NULL,
  receives_benefits     boolean NOT NULL,
  benefit_kinds         text NOT NULL DEFAULT '',
  status                text NOT NULL DEFAULT 'OPEN',
  identity_erased       boolean NOT NULL DEFAULT false,
  opened_on             date NOT NULL,
  last_event_on         date NOT NULL,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_by_association ON cases (association_id, created_at, case_id);

-- The timeline: every event as recorded (no personal data; notes are referenced by id).
CREATE TABLE case_events (
  seq            bigserial PRIMARY KEY,
  event_id       uuid NOT NULL UNIQUE,
  case_id        uuid NOT NULL REFERENCES cases,
  association_id uuid NOT NULL,
  type           text NOT NULL,
  occurred_on    date NOT NULL,
  recorded_at    timestamptz NOT NULL,
  recorded_by    text NOT NULL,
  source         text NOT NULL,
  details        jsonb NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, seq);

-- Transactional outbox: records written with the business rows, published to Kafka afterwards.
CREATE TABLE outbox (
  seq          bigserial PRIMARY KEY,
  topic        text NOT NULL,
  record_key   text NOT NULL,
  payload      bytea,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL;

-- Identity vault.
CREATE TABLE case_keys (
  case_id     uuid PRIMARY KEY REFERENCES cases,
  wrapped_key bytea NOT NULL
);
CREATE TABLE identities (
  case_id    uuid PRIMARY KEY REFERENCES cases,
  ciphertext bytea NOT NULL
);
CREATE TABLE notes (
  note_id    uuid PRIMARY KEY,
  case_id    uuid NOT NULL REFERENCES cases,
  ciphertext bytea NOT NULL
);

-- Read model of vigie.case-alerts.v1: the newest state of each alert.
CREATE TABLE alerts (
  alert_id              text PRIMARY KEY,
  association_id        text NOT NULL,
  case_id               text NOT NULL,
  rule                  text NOT NULL,
  severity              text NOT NULL,
  status                text NOT NULL,
  episode_start         date NOT NULL,
  raised_at             timestamptz NOT NULL,
  emitted_at            timestamptz NOT NULL,
  deadline              date,
  assigned_volunteer_id text,
  reference             text NOT NULL,
  text_version_date     date NOT NULL,
  rule_version          text NOT NULL,
  message_fr            text NOT NULL,
  message_en            text NOT NULL
);
CREATE INDEX alerts_by_association ON alerts (association_id, status, emitted_at);
CREATE INDEX alerts_by_case ON alerts (case_id);

-- Idempotency-Key: the first answer given for a key, with a hash of the request it answered.
CREATE TABLE idempotency_keys (
  association_id uuid NOT NULL,
  idem_key       text NOT NULL,
  request_hash   bytea NOT NULL,
  status         int NOT NULL,
  response       text NOT NULL,
  outbox_seqs    bigint[] NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (association_id, idem_key)
);

-- CSV import: a keyed hash (HMAC, never the clear row) of each imported line, for idempotent re-imports.
CREATE TABLE import_rows (
  association_id uuid NOT NULL,
  row_key        bytea NOT NULL,
  case_id        uuid NOT NULL,
  PRIMARY KEY (association_id, row_key)
);
