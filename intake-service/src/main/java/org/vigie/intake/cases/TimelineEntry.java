package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One event of a case's timeline as recorded; {@code correction} is null unless it corrects an earlier event. */
public record TimelineEntry(UUID eventId, String type, LocalDate occurredOn, Instant recordedAt, String recordedBy,
    String source, ObjectNode details, EventCorrection correction) {

  /** An event that corrects nothing. */
  public TimelineEntry(UUID eventId, String type, LocalDate occurredOn, Instant recordedAt, String recordedBy,
      String source, ObjectNode details) {
    this(eventId, type, occurredOn, recordedAt, recordedBy, source, details, null);
  }
}
