package org.vigie.rules.topology;

import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.serialization.Serializer;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.serde.AvroSerde;

/**
 * Writes the alerts the topology emits: the same bytes as {@link AvroSerde} (single-object encoding
 * of the current {@link CaseAlert} schema) by hand-coded field order, about one alert per event.
 * Like {@link CaseStateSerde}, it follows one schema version ({@link #WRITTEN_FOR}) and writes with
 * Avro under any other, and a test fails until it is updated.
 */
public final class CaseAlertSerializer implements Serializer<CaseAlert> {
  /** Fingerprint of the CaseAlert schema the hand-coded writer follows. */
  static final long WRITTEN_FOR = 5241783445619928341L;
  private static final long CURRENT = SchemaNormalization.parsingFingerprint64(CaseAlert.getClassSchema());

  private final HandCodedWriter<CaseAlert> writer;

  public CaseAlertSerializer() {
    this(CURRENT == WRITTEN_FOR);
  }

  CaseAlertSerializer(boolean handCoded) {
    this.writer = new HandCodedWriter<>(CaseAlert.class, CURRENT, handCoded, CaseAlertSerializer::write);
  }

  /** Whether alerts are written by the hand-coded writer (the schema is the one it follows). */
  public boolean handCoded() {
    return writer.handCoded();
  }

  static long currentFingerprint() {
    return CURRENT;
  }

  @Override
  public byte[] serialize(String topic, CaseAlert alert) {
    return writer.serialize(topic, alert);
  }

  private static void write(CaseAlert alert, AvroBytes out) {
    out.string(alert.getAlertId());
    out.string(alert.getCaseId());
    out.string(alert.getAssociationId());
    out.enumeration(alert.getRule());
    out.enumeration(alert.getSeverity());
    out.enumeration(alert.getStatus());
    out.date(alert.getEpisodeStart());
    out.instant(alert.getRaisedAt());
    out.instant(alert.getEmittedAt());
    out.nullableDate(alert.getDeadline());
    out.nullableString(alert.getAssignedVolunteerId());
    out.string(alert.getReference());
    out.date(alert.getTextVersionDate());
    out.string(alert.getRuleVersion());
    out.string(alert.getMessage().getFr());
    out.string(alert.getMessage().getEn());
    out.bool(alert.getLapsed());
    out.nullableEnum(alert.getResolution());
  }
}
