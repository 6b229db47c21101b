package org.vigie.audit.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.EventSource;

/**
 * Which cases are due for erasure: those with no activity (no event occurred or recorded) for the
 * retention period, 2 years by default (CNIL référentiel for the social sector, 2023: 2 years after
 * the last contact). Pure: the caller (intake's scheduled job) gives the cases' last activity and
 * today's date, then erases what this returns.
 */
public record RetentionPolicy(Period inactivity) {
  /** ISO-8601 period, e.g. "P2Y" or "P18M". */
  public static final String RETENTION_PERIOD = "VIGIE_RETENTION_PERIOD";
  public static final Period DEFAULT_INACTIVITY = Period.ofYears(2);
  /** The recordedBy of events Vigie writes itself. */
  public static final String SYSTEM = "system";

  public RetentionPolicy {
    Objects.requireNonNull(inactivity, "inactivity");
    if (inactivity.isNegative() || inactivity.isZero()) {
      throw new IllegalArgumentException("the retention period must be positive");
    }
  }

  public static RetentionPolicy defaults() {
    return new RetentionPolicy(DEFAULT_INACTIVITY);
  }

  /** From {@value #RETENTION_PERIOD} (default P2Y). */
  public static RetentionPolicy fromConfig(Config config) {
    String raw = config.get(RETENTION_PERIOD, DEFAULT_INACTIVITY.toString());
    try {
      return new RetentionPolicy(Period.parse(raw));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new ConfigException(RETENTION_PERIOD, "must be a positive ISO-8601 period such as P2Y, got '" + raw + "'");
    }
  }

  /** A case whose last activity is on or before this day is due on {@code today}. */
  public LocalDate lastActiveDayDue(LocalDate today) {
    return today.minus(inactivity);
  }

  /** The first day a run erases the case, unless something happens to it before. */
  public LocalDate erasureDay(CaseActivity activity) {
    return activity.lastActivityOn().plus(inactivity);
  }

  public boolean isDue(CaseActivity activity, LocalDate today) {
    return !activity.erased() && !activity.lastActivityOn().isAfter(lastActiveDayDue(today));
  }

  /** The cases due for erasure on {@code today}, the longest inactive first (then by case id). */
  public List<CaseActivity> dueForErasure(Collection<CaseActivity> cases, LocalDate today) {
    return cases.stream()
        .filter(c -> isDue(c, today))
        .sorted(Comparator.comparing(CaseActivity::lastActivityOn).thenComparing(CaseActivity::caseId))
        .toList();
  }

  /**
   * The CaseErased event the erasing service publishes once the identity key is shredded: occurred
   * and recorded now, by "system", source SYSTEM. {@code eventId} should be stable for the case
   * (e.g. derived from the case id) so a retried erasure is the same event.
   */
  public static CaseEvent erasureEvent(String eventId, String caseId, String associationId, LocalDate today, Instant now) {
    return CaseEvent.newBuilder()
        .setEventId(eventId)
        .setCaseId(caseId)
        .setAssociationId(associationId)
        .setOccurredOn(today)
        .setRecordedAt(now)
        .setRecordedBy(SYSTEM)
        .setSchemaVersion(2)
        .setPayload(CaseErased.newBuilder().build())
        .setSource(EventSource.SYSTEM)
        .build();
  }
}
