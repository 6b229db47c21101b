-- Who saw or changed a person's identity, and when: a case shown with its identity, a timeline naming
-- the person, an export of the case list (no case: the whole list), an identity given or corrected.
-- No identity here; kept a year (the daily retention run deletes older rows).
CREATE TABLE identity_accesses (
  access_id      bigserial PRIMARY KEY,
  accessed_at    timestamptz NOT NULL,
  association_id uuid NOT NULL,
  case_id        uuid,
  accessed_by    text NOT NULL,
  action         text NOT NULL,
  cases          int NOT NULL DEFAULT 1
);
CREATE INDEX identity_accesses_by_case ON identity_accesses (association_id, case_id, accessed_at);
CREATE INDEX identity_accesses_by_time ON identity_accesses (association_id, accessed_at);
