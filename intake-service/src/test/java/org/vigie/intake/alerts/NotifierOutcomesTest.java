package org.vigie.intake.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.topics.Topics;

/**
 * An alert taken in hand through an e-mail's link, or escalated to the coordination, is known only to
 * the notifier, which says so on vigie.notifications.v1: the association's alert list shows it too.
 * A later acknowledgement on the same alert (same key, so read after) proves that an earlier one was
 * left out when it had to be.
 */
class NotifierOutcomesTest {
  private static final Api API = TestIntake.api();
  private static final Instant RAISED = Instant.parse("2026-11-02T08:00:00Z");
  private static TestIntake.Association association;
  private static String caseId;
  private static String former;
  private static String current;
  private static final String COORDINATOR = UUID.randomUUID().toString();
  private static KafkaProducer<String, byte[]> producer;

  @BeforeAll
  static void anAssociationWithTwoVolunteers() {
    TestIntake.service();
    association = TestIntake.newAssociation(API);
    former = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    current = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    caseId = TestIntake.newCase(API, association.token());
    producer = new KafkaProducer<>(SharedKafka.settings().producer("test-link-acks"),
        new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  @Test
  void theVolunteerWhoTookTheAlertInHandFromHerMailIsShown() throws Exception {
    String alertId = raised(current);
    Instant at = RAISED.plus(Duration.ofHours(3));
    acknowledged(alertId, current, VolunteerRole.VOLUNTEER, at);
    JsonNode alert = awaitAcknowledged(alertId);
    assertThat(alert.get("acknowledgedBy").asText()).isEqualTo(current);
    assertThat(Instant.parse(alert.get("acknowledgedAt").asText())).isEqualTo(at);
    assertThat(API.get("/api/v1/alerts?acknowledged=false", association.token()).body()).doesNotContain(alertId);
  }

  @Test
  void anAcknowledgementOfAVolunteerTheCaseWasHandedOverFromCountsForNothing() throws Exception {
    String alertId = raised(current);
    acknowledged(alertId, former, VolunteerRole.VOLUNTEER, RAISED.plus(Duration.ofHours(1)));
    Instant coordinatorAt = RAISED.plus(Duration.ofHours(2));
    acknowledged(alertId, COORDINATOR, VolunteerRole.COORDINATOR, coordinatorAt);
    JsonNode alert = awaitAcknowledged(alertId);
    assertThat(alert.get("acknowledgedBy").asText()).isEqualTo(COORDINATOR);
    assertThat(Instant.parse(alert.get("acknowledgedAt").asText())).isEqualTo(coordinatorAt);
  }

  @Test
  void theSubstituteOfTheVolunteerFollowingTheCaseTakesItsAlertInHand() throws Exception {
    String away = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    String substitute = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    try (var c = java.sql.DriverManager.getConnection(TestIntake.databaseUrl());
        var st = c.prepareStatement("UPDATE intake.volunteers SET absent_until = current_date + 7,"
            + " substitute_volunteer_id = ?::uuid WHERE volunteer_id = ?::uuid")) {
      st.setString(1, substitute);
      st.setString(2, away);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    String alertId = raised(away);
    // someone else than the substitute, neither following the case nor coordinating: nothing
    acknowledged(alertId, current, VolunteerRole.VOLUNTEER, RAISED.plus(Duration.ofHours(1)));
    Instant at = RAISED.plus(Duration.ofHours(2));
    acknowledged(alertId, substitute, VolunteerRole.VOLUNTEER, at);
    JsonNode alert = awaitAcknowledged(alertId);
    assertThat(alert.get("acknowledgedBy").asText()).isEqualTo(substitute);
    assertThat(Instant.parse(alert.get("acknowledgedAt").asText())).isEqualTo(at);
  }

  @Test
  void anotherAssociationsAcknowledgementCountsForNothing() throws Exception {
    String alertId = raised(current);
    acknowledged(alertId, current, VolunteerRole.COORDINATOR, RAISED.plus(Duration.ofHours(1)), UUID.randomUUID().toString());
    Instant at = RAISED.plus(Duration.ofHours(2));
    acknowledged(alertId, current, VolunteerRole.VOLUNTEER, at);
    assertThat(Instant.parse(awaitAcknowledged(alertId).get("acknowledgedAt").asText())).isEqualTo(at);
  }

  @Test
  void anEscalationIsShownOnTheAlertWithItsFirstDay() throws Exception {
    String alertId = raised(current);
    Instant told = RAISED.plus(Duration.ofHours(24));
    outcome(alertId, COORDINATOR, VolunteerRole.COORDINATOR, NotificationKind.ESCALATION, NotificationState.SENT, told);
    JsonNode alert = await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId), a -> !a.path("escalatedAt").isNull());
    assertThat(Instant.parse(alert.get("escalatedAt").asText())).isEqualTo(told);
    // the volunteer's message marked escalated a little earlier: the first time is kept
    Instant marked = told.minusSeconds(1);
    outcome(alertId, current, VolunteerRole.VOLUNTEER, NotificationKind.ALERT, NotificationState.ESCALATED, marked);
    await().atMost(Duration.ofSeconds(30)).until(() -> Instant.parse(alert(alertId).get("escalatedAt").asText()).equals(marked));
    assertThat(alert(alertId).get("acknowledgedAt").isNull()).isTrue();
  }

  @Test
  void anAcknowledgementReadBeforeItsAlertIsAppliedWhenTheAlertArrives() throws Exception {
    // One whose alert never came, kept 31 days: dropped when another is kept.
    String stale = "link-ack-stale-" + UUID.randomUUID();
    try (var c = java.sql.DriverManager.getConnection(TestIntake.databaseUrl()); var st = c.createStatement()) {
      st.executeUpdate("INSERT INTO intake.early_acknowledgements (alert_id, association_id, acknowledged_at, acknowledged_by,"
          + " by_coordinator, kept_at) VALUES ('" + stale + "', '" + association.id() + "', now(), 'x', false, now() - interval '31 days')");
    }
    String alertId = "link-ack-" + UUID.randomUUID();
    Instant at = RAISED.plus(Duration.ofMinutes(30));
    acknowledged(alertId, current, VolunteerRole.VOLUNTEER, at);
    await().atMost(Duration.ofSeconds(30)).until(() -> earlyKept(alertId));
    publish(alertId, current);
    JsonNode alert = awaitAcknowledged(alertId);
    assertThat(alert.get("acknowledgedBy").asText()).isEqualTo(current);
    assertThat(Instant.parse(alert.get("acknowledgedAt").asText())).isEqualTo(at);
    assertThat(earlyKept(alertId)).isFalse();
    assertThat(earlyKept(stale)).isFalse();
  }

  @Test
  void aChannelThatNoLongerDeliversIsShownOnTheVolunteerUntilItDeliversOrChanges() throws Exception {
    String volunteer = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    Instant failed = RAISED.plus(Duration.ofHours(5));
    delivery(volunteer, NotificationChannel.WEBHOOK, NotificationState.FAILED, failed, "webhook answered 410 Gone");
    delivery(volunteer, NotificationChannel.EMAIL, NotificationState.SENT, failed.plusSeconds(60), null);
    JsonNode problems = await().atMost(Duration.ofSeconds(30)).until(() -> deliveryProblems(volunteer), p -> p.size() == 1);
    assertThat(problems.get(0).path("channel").asText()).isEqualTo("WEBHOOK");
    assertThat(problems.get(0).path("detail").asText()).isEqualTo("webhook answered 410 Gone");
    assertThat(Instant.parse(problems.get(0).path("failedAt").asText())).isEqualTo(failed);
    assertThat(problems.get(0).path("lastDeliveredAt").isNull()).isTrue();

    // A delivery older than the failure, read after it, changes nothing: an e-mail bounce on the same key, read
    // after that delivery, shows both channels failing.
    String later = "link-ack-" + UUID.randomUUID();
    delivery(volunteer, NotificationChannel.WEBHOOK, NotificationState.SENT, failed.minusSeconds(3600), null, later);
    delivery(volunteer, NotificationChannel.EMAIL, NotificationState.FAILED, failed.plusSeconds(900), "550 mailbox unavailable", later);
    await().atMost(Duration.ofSeconds(30)).until(() -> deliveryProblems(volunteer).size() == 2);
    // A later delivery on the webhook: it works again.
    delivery(volunteer, NotificationChannel.WEBHOOK, NotificationState.SENT, failed.plusSeconds(600), null);
    JsonNode left = await().atMost(Duration.ofSeconds(30)).until(() -> deliveryProblems(volunteer), p -> p.size() == 1
        && "EMAIL".equals(p.get(0).path("channel").asText()));
    assertThat(Instant.parse(left.get(0).path("lastDeliveredAt").asText())).isEqualTo(failed.plusSeconds(60));

    // The address corrected: the bounce was the former address's.
    Api.Response fixed = API.send("PATCH", "/api/v1/associations/" + association.id() + "/volunteers/" + volunteer,
        association.token(), "{\"email\":\"corrige-" + UUID.randomUUID() + "@example.org\"}", java.util.Map.of());
    assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
    assertThat(deliveryProblems(volunteer)).isEmpty();
    assertThat(API.get("/api/v1/associations/" + association.id() + "/volunteers", association.token()).body())
        .doesNotContain("550 mailbox unavailable");
  }

  private static JsonNode deliveryProblems(String volunteer) {
    for (JsonNode v : API.get("/api/v1/associations/" + association.id() + "/volunteers", association.token()).json().get("volunteers")) {
      if (volunteer.equals(v.path("volunteerId").asText())) {
        return v.path("deliveryProblems");
      }
    }
    throw new AssertionError("no volunteer " + volunteer);
  }

  private static void delivery(String volunteer, NotificationChannel channel, NotificationState state, Instant at, String detail)
      throws Exception {
    delivery(volunteer, channel, state, at, detail, "link-ack-" + UUID.randomUUID());
  }

  private static void delivery(String volunteer, NotificationChannel channel, NotificationState state, Instant at, String detail,
      String alertId) throws Exception {
    NotificationOutcome outcome = NotificationOutcome.newBuilder().setNotificationId(UUID.randomUUID().toString())
        .setAlertId(alertId).setCaseId(caseId).setAssociationId(association.id()).setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API)
        .setSeverity(Severity.CRITICAL).setChannel(channel).setKind(NotificationKind.ALERT)
        .setRecipientVolunteerId(volunteer).setRecipientRole(VolunteerRole.VOLUNTEER).setState(state).setAttempts(1)
        .setAt(at).setDetail(detail).build();
    producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS.name(), alertId, Topics.NOTIFICATIONS.valueSerde().serializer()
        .serialize(Topics.NOTIFICATIONS.name(), outcome))).get();
  }

  private static boolean earlyKept(String alertId) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(TestIntake.databaseUrl());
        var s = c.prepareStatement("SELECT count(*) FROM intake.early_acknowledgements WHERE alert_id = ?")) {
      s.setString(1, alertId);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  private static String raised(String volunteer) throws Exception {
    String alertId = "link-ack-" + UUID.randomUUID();
    publish(alertId, volunteer);
    await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId) != null);
    return alertId;
  }

  private static void publish(String alertId, String volunteer) throws Exception {
    CaseAlert alert = CaseAlert.newBuilder().setAlertId(alertId).setCaseId(caseId).setAssociationId(association.id())
        .setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API).setSeverity(Severity.CRITICAL).setStatus(AlertStatus.RAISED)
        .setEpisodeStart(java.time.LocalDate.of(2026, 11, 2)).setRaisedAt(RAISED).setEmittedAt(RAISED)
        .setDeadline(java.time.LocalDate.of(2026, 11, 2)).setReference("CESEDA R.431-15-1")
        .setTextVersionDate(java.time.LocalDate.of(2026, 1, 1)).setRuleVersion("1").setAssignedVolunteerId(volunteer)
        .setMessage(new AlertMessage("Titre expiré sans API", "Permit expired without API")).build();
    producer.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, Topics.CASE_ALERTS.valueSerde().serializer()
        .serialize(Topics.CASE_ALERTS.name(), alert))).get();
  }

  private static void acknowledged(String alertId, String by, VolunteerRole role, Instant at) throws Exception {
    acknowledged(alertId, by, role, at, association.id());
  }

  private static void acknowledged(String alertId, String by, VolunteerRole role, Instant at, String associationId) throws Exception {
    outcome(alertId, by, role, NotificationKind.ALERT, NotificationState.ACKNOWLEDGED, at, associationId);
  }

  private static void outcome(String alertId, String by, VolunteerRole role, NotificationKind kind, NotificationState state,
      Instant at) throws Exception {
    outcome(alertId, by, role, kind, state, at, association.id());
  }

  private static void outcome(String alertId, String by, VolunteerRole role, NotificationKind kind, NotificationState state,
      Instant at, String associationId) throws Exception {
    NotificationOutcome outcome = NotificationOutcome.newBuilder().setNotificationId(UUID.randomUUID().toString())
        .setAlertId(alertId).setCaseId(caseId).setAssociationId(associationId).setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API)
        .setSeverity(Severity.CRITICAL).setChannel(NotificationChannel.EMAIL).setKind(kind)
        .setRecipientVolunteerId(by).setRecipientRole(role).setState(state).setAttempts(1)
        .setAt(at).build();
    producer.send(new ProducerRecord<>(Topics.NOTIFICATIONS.name(), alertId, Topics.NOTIFICATIONS.valueSerde().serializer()
        .serialize(Topics.NOTIFICATIONS.name(), outcome))).get();
  }

  private static JsonNode awaitAcknowledged(String alertId) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> alert(alertId),
        a -> a != null && !a.path("acknowledgedAt").isNull() && !a.path("acknowledgedAt").isMissingNode());
  }

  private static JsonNode alert(String alertId) {
    for (JsonNode a : API.get("/api/v1/alerts?status=all", association.token()).json().get("alerts")) {
      if (alertId.equals(a.get("alertId").asText())) {
        return a;
      }
    }
    return null;
  }
}
