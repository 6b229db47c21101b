package org.vigie.audit.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * One line of a case's timeline: an event, an alert record (raised, updated, resolved) or a
 * notification outcome. Fields that do not apply to the kind are null.
 *
 * @param date the day it happened: the event's occurredOn; the alert's or notification's day (Europe/Paris)
 * @param recordedAt when Vigie recorded it: the event's recordedAt, the alert's emittedAt, the notification's time
 * @param recordedBy the volunteer id (events), "rules-service" (alerts), "notifier-service" (notifications)
 * @param type the event type (e.g. BLOCKAGE_REPORTED), the alert status, or the notification kind and state
 * @param description what happened, in French
 * @param correction on an event that corrects an earlier one recorded in error: that event and how
 * @param correctedBy on an event recorded in error: the event that replaced or withdrew it, and when
 * @param descriptionEn what happened, in English (added after the fields before it, which keep their order)
 * @param recordedByName the display name of the volunteer who recorded the event, when known (added last)
 * @param recipientName the display name of the notification's recipient, when known (added last)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
    Kind kind,
    LocalDate date,
    Instant recordedAt,
    String recordedBy,
    String type,
    String description,
    String eventId,
    String alertId,
    RuleId rule,
    Severity severity,
    LocalDate episodeStart,
    LocalDate deadline,
    String reference,
    LocalDate textVersionDate,
    String ruleVersion,
    String channel,
    String recipient,
    String recipientRole,
    String state,
    CorrectionLink correction,
    CorrectionLink correctedBy,
    String descriptionEn,
    String recordedByName,
    String recipientName) {

  public enum Kind { EVENT, ALERT, NOTIFICATION }

  static TimelineEntry event(LocalDate date, Instant recordedAt, String recordedBy, String recordedByName, String type,
      String description, String descriptionEn, String eventId, CorrectionLink correction, CorrectionLink correctedBy) {
    return new TimelineEntry(Kind.EVENT, date, recordedAt, recordedBy, type, description, eventId,
        null, null, null, null, null, null, null, null, null, null, null, null, correction, correctedBy, descriptionEn,
        recordedByName, null);
  }

  /** Who produced the entry, as a reader says it: the volunteer's name when known, else the id or service. */
  public String author() {
    return recordedByName != null ? recordedByName : recordedBy;
  }
}
