package org.vigie.audit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.audit.testing.TopicWriter;
import org.vigie.audit.timeline.KafkaCaseHistory;
import org.vigie.audit.timeline.KafkaCaseHistory.CaseHistory;
import org.vigie.audit.timeline.TimelineBuilder;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.topics.Topics;

class KafkaSourcesTest {
  private final KafkaSettings kafka = SharedKafka.settings();
  private final String association = "asso-" + UUID.randomUUID();

  private CaseAlert alert(String caseId, String alertId) {
    return CaseAlert.newBuilder().setAlertId(alertId).setCaseId(caseId).setAssociationId(association)
        .setRule(RuleId.BLOCKAGE_UNRESOLVED).setSeverity(Severity.WARNING).setStatus(AlertStatus.RAISED)
        .setEpisodeStart(LocalDate.of(2026, 3, 1)).setRaisedAt(Instant.parse("2026-03-15T00:01:00Z"))
        .setEmittedAt(Instant.parse("2026-03-15T00:01:00Z")).setReference("pratique")
        .setTextVersionDate(LocalDate.of(2026, 1, 1)).setRuleVersion("1").setMessage(new AlertMessage("fr", "en")).build();
  }

  private NotificationOutcome sent(String caseId, String alertId) {
    return NotificationOutcome.newBuilder().setNotificationId("n-" + alertId).setAlertId(alertId).setCaseId(caseId)
        .setAssociationId(association).setRule(RuleId.BLOCKAGE_UNRESOLVED).setSeverity(Severity.WARNING)
        .setChannel(NotificationChannel.EMAIL).setKind(NotificationKind.ALERT).setRecipientVolunteerId("vol-1")
        .setRecipientRole(VolunteerRole.VOLUNTEER).setState(NotificationState.SENT).setAt(Instant.parse("2026-03-15T00:02:00Z"))
        .build();
  }

  @Test
  void aCaseHistoryIsReadFromItsPartitionsAndTheWholeLogIsScanned() {
    List<CaseEvent> events = new ArrayList<>();
    List<CaseAlert> alerts = new ArrayList<>();
    List<NotificationOutcome> notifications = new ArrayList<>();
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      CaseEvents c = CaseEvents.of(UUID.randomUUID().toString(), association)
          .opened(LocalDate.of(2026, 2, 1), "93", LocalDate.of(2026, 6, 1))
          .blockage(LocalDate.of(2026, 3, 1), BlockageKind.ACCOUNT_LOCKED);
      cases.add(c.caseId());
      events.addAll(c.events());
      String alertId = UUID.randomUUID().toString();
      alerts.add(alert(c.caseId(), alertId));
      notifications.add(sent(c.caseId(), alertId));
    }
    TopicWriter.write(kafka, Topics.CASE_EVENTS, events, CaseEvent::getCaseId);
    TopicWriter.write(kafka, Topics.CASE_ALERTS, alerts, CaseAlert::getCaseId);
    TopicWriter.write(kafka, Topics.NOTIFICATIONS, notifications, NotificationOutcome::getAlertId);

    String target = cases.get(7);
    CaseHistory history = new KafkaCaseHistory(kafka).read(target);

    assertThat(history.events()).hasSize(2).allMatch(e -> e.getCaseId().equals(target));
    assertThat(history.alerts()).containsExactly(alerts.get(7));
    assertThat(history.notifications()).containsExactly(notifications.get(7));
    assertThat(history.associationId()).isEqualTo(association);
    var timeline = new TimelineBuilder().build(target, history.associationId(), history.events(), history.alerts(),
        history.notifications(), null, Instant.now());
    assertThat(timeline.entries()).hasSize(4);

    assertThat(new KafkaCaseHistory(kafka).read("unknown-" + UUID.randomUUID()).events()).isEmpty();

    List<CaseEvent> scanned = new ArrayList<>();
    EventLog.Scanned figures = new EventLog(kafka).forEach(e -> {
      if (association.equals(e.getAssociationId())) {
        scanned.add(e);
      }
    });
    assertThat(scanned).containsExactlyInAnyOrderElementsOf(events);
    assertThat(figures.events()).isGreaterThanOrEqualTo(events.size());
  }
}
