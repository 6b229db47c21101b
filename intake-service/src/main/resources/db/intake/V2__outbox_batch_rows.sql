-- One outbox row per group-commit transaction or import chunk: `records` holds its records
-- (see org.vigie.intake.outbox.OutboxBatch); rows written one record at a time keep topic,
-- record_key and payload.
ALTER TABLE outbox ADD COLUMN records bytea;
ALTER TABLE outbox ALTER COLUMN topic DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN record_key DROP NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_one_form CHECK ((records IS NULL) = (topic IS NOT NULL));
-- Avro is small and varied: not worth PostgreSQL's compression; rows up to a page stay inline.
ALTER TABLE outbox ALTER COLUMN records SET STORAGE EXTERNAL;
ALTER TABLE outbox SET (toast_tuple_target = 8160);
-- Published rows are deleted, so every row is pending: this index was the primary key again.
DROP INDEX outbox_pending;
