-- Each association's rule settings (overrides of the rules' defaults), published to the compacted
-- vigie.association-settings.v1 that the rules-service reads. No row: the defaults.
CREATE TABLE association_settings (
  association_id uuid PRIMARY KEY REFERENCES associations,
  disabled_rules text[] NOT NULL DEFAULT '{}',
  thresholds     jsonb NOT NULL DEFAULT '{}',
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL
);
