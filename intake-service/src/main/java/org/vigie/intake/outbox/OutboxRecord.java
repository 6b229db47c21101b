package org.vigie.intake.outbox;

/** A record written to the outbox in a business transaction, to be published to Kafka. */
public record OutboxRecord(long seq, String topic, String key, byte[] value) {}
