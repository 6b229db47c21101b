package org.vigie.notifier.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.schemas.Severity;

/**
 * When an alert nobody took in hand is first followed up (the volunteer reminded, the coordinators told): its
 * severity's delay after it was first sent, and never later than the start of the day before its deadline, so that
 * the coordinators hear of it while something can still be done. A refusal with an OQTF in a retention centre
 * leaves 48 hours; a day's delay for a CRITICAL alert left the coordinators the last day at best, and a HIGH alert
 * raised to CRITICAL by a correction kept the 72 hours of its first severity, past the deadline ({@link #replan}).
 * The volunteer has {@link #MIN_WINDOW} at least before it. A deadline that is the day of sending or past changes
 * nothing (the severity's delay, as before): the rupture is there, not ahead.
 *
 * <p>Once the first follow-up happened, the next ones come every severity's delay ({@link FollowUps}).
 */
public final class FollowUpClock {
  /** The least time a volunteer has to take an alert in hand before the coordinators hear of it. */
  static final Duration MIN_WINDOW = Duration.ofHours(2);
  /** The zone of the domain's dates (deadlines are French calendar days). */
  private static final ZoneId DEADLINES = ZoneId.of("Europe/Paris");

  private final AlertStore alerts;
  private final NotifierSettings settings;

  public FollowUpClock(AlertStore alerts, NotifierSettings settings) {
    this.alerts = alerts;
    this.settings = settings;
  }

  /** The first follow-up of an alert first sent at {@code sentAt}; empty when its severity never escalates. */
  public Optional<Instant> first(Severity severity, LocalDate deadline, Instant sentAt) {
    Optional<Instant> bySeverity = settings.escalationDelay(severity).map(sentAt::plus);
    if (bySeverity.isEmpty() || deadline == null || !deadline.isAfter(LocalDate.ofInstant(sentAt, DEADLINES))) {
      return bySeverity;
    }
    Instant dayBefore = deadline.minusDays(1).atStartOfDay(DEADLINES).toInstant();
    Instant cap = later(dayBefore, sentAt.plus(MIN_WINDOW));
    return Optional.of(bySeverity.get().isBefore(cap) ? bySeverity.get() : cap);
  }

  /**
   * Plans again the first follow-up of these alerts, raised again, from their severity and deadline now, counted
   * from their first message: sooner for a HIGH alert turned CRITICAL or a deadline moved closer, later for a
   * deadline corrected further away. An alert not yet sent, already followed up, taken in hand or resolved is left
   * as it is, as is one whose severity never escalates.
   */
  public void replan(Handle h, Collection<String> alertIds) {
    Map<String, Instant> plans = new HashMap<>();
    for (AlertView a : alerts.findAll(h, alertIds).values()) {
      if (a.firstSentAt() != null && a.acknowledgedAt() == null && a.resolvedAt() == null && a.reminderRound() == 0) {
        first(a.severity(), a.deadline(), a.firstSentAt()).ifPresent(at -> plans.put(a.alertId(), at));
      }
    }
    alerts.replanFirstFollowUps(h, plans);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
