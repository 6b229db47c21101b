-- Master key rotation. Each data key records the id of the master key that wrapped it (a keyed
-- hash of that key, never the key); NULL for keys wrapped before this column, which the service
-- labels at its next start.
ALTER TABLE case_keys ADD COLUMN master_key_id text;

-- The service's own secrets, wrapped by the master key as the data keys are (so that a rotation
-- re-wraps them and does not change them).
CREATE TABLE vault_secrets (
  name          text PRIMARY KEY,
  wrapped       bytea NOT NULL,
  master_key_id text NOT NULL
);
