package org.vigie.audit.timeline;

import static org.vigie.audit.timeline.Labels.Phrase.ALERT;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_BASIS;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_DEADLINE;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_HANDED_OVER;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_RAISED;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_LAPSED;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_RESOLVED;
import static org.vigie.audit.timeline.Labels.Phrase.ALERT_UPDATED;
import static org.vigie.audit.timeline.Labels.Phrase.NOTIFICATION;
import static org.vigie.audit.timeline.Labels.Phrase.NOTIFICATION_ATTEMPTS;
import static org.vigie.audit.timeline.Labels.Phrase.NOTIFICATION_REASON;
import static org.vigie.audit.timeline.Labels.Phrase.TO_COORDINATION;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigie.audit.timeline.Labels.Phrase;
import org.vigie.audit.timeline.TimelineEntry.Kind;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.alert.AlertResolutions;

/**
 * Builds a case's timeline from its events, its alert records and the notification outcomes of
 * those alerts. Records of another case or association are ignored, duplicates count once, PENDING
 * notifications are left out (only what was sent, acknowledged, failed or escalated). Every event
 * stays, an event recorded in error too: the correction links both ({@link EventCorrections}).
 */
public final class TimelineBuilder {
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final String RULES_SERVICE = "rules-service";
  static final String NOTIFIER_SERVICE = "notifier-service";

  private static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::date)
      .thenComparing(TimelineEntry::recordedAt)
      .thenComparing(TimelineEntry::kind)
      .thenComparing(e -> Objects.toString(e.eventId(), ""))
      .thenComparing(e -> Objects.toString(e.alertId(), ""))
      .thenComparing(TimelineEntry::type);

  public CaseTimeline build(String caseId, String associationId, List<CaseEvent> events, List<CaseAlert> alerts,
      List<NotificationOutcome> notifications, String identityLabel, Instant generatedAt) {
    return build(caseId, associationId, events, alerts, notifications, identityLabel, TimelineNames.NONE, generatedAt);
  }

  /** The timeline naming the association and its volunteers by {@code names} where it knows them. */
  public CaseTimeline build(String caseId, String associationId, List<CaseEvent> events, List<CaseAlert> alerts,
      List<NotificationOutcome> notifications, String identityLabel, TimelineNames names, Instant generatedAt) {
    Labels french = Labels.FRENCH.with(names);
    Labels english = Labels.ENGLISH.with(names);
    List<TimelineEntry> entries = new ArrayList<>();
    LocalDate erasedOn = null;
    Set<String> seen = new HashSet<>();
    List<CaseEvent> ownEvents = new ArrayList<>();
    for (CaseEvent e : events) {
      if (caseId.equals(e.getCaseId()) && associationId.equals(e.getAssociationId()) && seen.add(e.getEventId())) {
        ownEvents.add(e);
      }
    }
    EventCorrections corrections = new EventCorrections(ownEvents);
    for (CaseEvent e : ownEvents) {
      if (e.getPayload() instanceof CaseErased && (erasedOn == null || e.getOccurredOn().isBefore(erasedOn))) {
        erasedOn = e.getOccurredOn();
      }
      entries.add(TimelineEntry.event(e.getOccurredOn(), e.getRecordedAt(), e.getRecordedBy(),
          names.volunteer(e.getRecordedBy()), EventDescriptions.type(e.getPayload()), corrections.describe(e, french),
          corrections.describe(e, english), e.getEventId(), corrections.correction(e), corrections.correctedBy(e)));
    }
    Set<String> alertIds = new HashSet<>();
    List<CaseAlert> ownAlerts = alerts.stream()
        .filter(a -> caseId.equals(a.getCaseId()) && associationId.equals(a.getAssociationId()))
        .filter(a -> seen.add(a.getAlertId() + "|" + a.getStatus() + "|" + a.getEmittedAt().toEpochMilli()))
        .sorted(Comparator.comparing(CaseAlert::getEmittedAt).thenComparing(CaseAlert::getStatus))
        .toList();
    Map<String, CaseAlert> previous = new HashMap<>();
    for (CaseAlert a : ownAlerts) {
      boolean update = a.getStatus() == AlertStatus.RAISED && !alertIds.add(a.getAlertId());
      CaseAlert before = previous.put(a.getAlertId(), a);
      // raised again for another volunteer: a hand-over, even when its severity rose at the same time
      boolean handOver = update && before != null && a.getAssignedVolunteerId() != null
          && !a.getAssignedVolunteerId().equals(before.getAssignedVolunteerId());
      entries.add(alertEntry(a, update, handOver, french, english));
    }
    int notificationCount = 0;
    for (NotificationOutcome n : notifications) {
      if (n.getState() == NotificationState.PENDING || !alertIds.contains(n.getAlertId())
          || !caseId.equals(n.getCaseId()) || !associationId.equals(n.getAssociationId())
          || !seen.add(n.getNotificationId() + "|" + n.getState() + "|" + n.getAt().toEpochMilli())) {
        continue;
      }
      notificationCount++;
      entries.add(notificationEntry(n, french, english, names));
    }
    entries.sort(ORDER);
    return new CaseTimeline(caseId, associationId, generatedAt, identityLabel, erasedOn, ownEvents.size(), alertIds.size(),
        notificationCount, entries, names.associationName());
  }

  /**
   * An alert record: raised, updated (raised again: at a higher severity, with its deadline moved or its next
   * steps changed), handed over (raised again
   * for the volunteer the case was just assigned to, its severity said as it is then) or resolved (closed, when
   * its deadline passed with nothing recorded that would have resolved it, by a refusal, by the appeal to the court,
   * with the case, or by the rule disabled: {@link #closed}).
   */
  private static TimelineEntry alertEntry(CaseAlert a, boolean update, boolean handOver, Labels french, Labels english) {
    boolean resolved = a.getStatus() == AlertStatus.RESOLVED;
    String type = resolved ? "ALERT_RESOLVED" : handOver ? "ALERT_HANDED_OVER" : update ? "ALERT_UPDATED" : "ALERT_RAISED";
    return new TimelineEntry(Kind.ALERT, LocalDate.ofInstant(a.getEmittedAt(), PARIS), a.getEmittedAt(), RULES_SERVICE,
        type, describe(a, update, handOver, french), null, a.getAlertId(), a.getRule(), a.getSeverity(), a.getEpisodeStart(),
        a.getDeadline(), a.getReference(), a.getTextVersionDate(), a.getRuleVersion(), null, null, null,
        a.getStatus().name(), null, null, describe(a, update, handOver, english), null, null);
  }

  /** The alert record in words: rule, severity, since when, deadline, legal basis, and the alert's message unless resolved. */
  private static String describe(CaseAlert a, boolean update, boolean handOver, Labels l) {
    boolean resolved = a.getStatus() == AlertStatus.RESOLVED;
    Phrase verb = resolved ? closed(a) : handOver ? ALERT_HANDED_OVER : update ? ALERT_UPDATED : ALERT_RAISED;
    String said = handOver ? l.phrase(verb, l.volunteer(a.getAssignedVolunteerId())) : l.phrase(verb);
    StringBuilder d = new StringBuilder(l.phrase(ALERT, said, l.of(a.getRule()), a.getRule(),
        l.of(a.getSeverity()), l.date(a.getEpisodeStart())));
    if (a.getDeadline() != null) {
      d.append(l.phrase(ALERT_DEADLINE, l.date(a.getDeadline())));
    }
    d.append(l.phrase(ALERT_BASIS, a.getReference(), l.date(a.getTextVersionDate()), a.getRuleVersion()));
    if (!resolved && a.getMessage() != null) {
      d.append(". ").append(l.message(a.getMessage()));
    }
    return d.toString();
  }

  /** How a resolved alert ended: only a situation that ended is "resolved" (a record before CaseAlert v3: lapsed or not). */
  private static Phrase closed(CaseAlert a) {
    return switch (AlertResolutions.of(a)) {
      case SITUATION_ENDED -> ALERT_RESOLVED;
      case DEADLINE_PASSED -> ALERT_LAPSED;
      case REQUEST_REFUSED -> Phrase.ALERT_CLOSED_BY_REFUSAL;
      case APPEAL_FILED -> Phrase.ALERT_CLOSED_BY_APPEAL;
      case CASE_CLOSED -> Phrase.ALERT_CLOSED_WITH_CASE;
      case RULE_DISABLED -> Phrase.ALERT_CLOSED_RULE_DISABLED;
      case FACT_CORRECTED -> Phrase.ALERT_CLOSED_BY_CORRECTION;
    };
  }

  private static TimelineEntry notificationEntry(NotificationOutcome n, Labels french, Labels english,
      TimelineNames names) {
    return new TimelineEntry(Kind.NOTIFICATION, LocalDate.ofInstant(n.getAt(), PARIS), n.getAt(), NOTIFIER_SERVICE,
        "NOTIFICATION_" + n.getState(), describe(n, french), null, n.getAlertId(), n.getRule(), n.getSeverity(),
        null, null, null, null, null, n.getChannel().name(), n.getRecipientVolunteerId(), n.getRecipientRole().name(),
        n.getState().name(), null, null, describe(n, english), null, names.volunteer(n.getRecipientVolunteerId()));
  }

  /** The notification in words: kind, channel, recipient, alert, state, attempts and reason. */
  private static String describe(NotificationOutcome n, Labels l) {
    String coordination = n.getRecipientRole().name().equals("COORDINATOR") ? l.phrase(TO_COORDINATION) : "";
    return l.phrase(NOTIFICATION, l.of(n.getKind()), l.of(n.getChannel()), coordination,
        l.volunteer(n.getRecipientVolunteerId()), l.of(n.getRule()), l.of(n.getState()))
        + (n.getAttempts() > 1 ? l.phrase(NOTIFICATION_ATTEMPTS, n.getAttempts()) : "")
        + (n.getDetail() == null ? "" : l.phrase(NOTIFICATION_REASON, n.getDetail()));
  }
}
