package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertAcknowledgement;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;

/** A member takes an alert in hand: kept in the read model and published once for the notifier. */
class AlertAcknowledgementTest {
  private final Api api = TestIntake.api();

  private static void publish(CaseAlert alert) throws Exception {
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-ack"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), alert.getCaseId(), alert)).get();
    }
  }

  private static List<AlertAcknowledgement> published(String alertId) {
    return TopicReader.readAll(Topics.ALERT_ACKNOWLEDGEMENTS, r -> r.key().equals(alertId)).stream().map(ConsumerRecord::value).toList();
  }

  private String openAlert(TestIntake.Association a, String token, AlertStatus status) throws Exception {
    String caseId = TestIntake.newCase(api, token);
    String alertId = "ack-" + UUID.randomUUID();
    Instant now = Instant.now();
    publish(FoundationFlowTest.alert(alertId, caseId, a.id(), status, now, now));
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/alerts/" + alertId, token).status() == 200);
    return alertId;
  }

  @Test
  void aVolunteerTakesAnAlertInHandOnceAndTheNotifierIsTold() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String token = TestIntake.tokenFor(api, a, volunteer);
    String alertId = openAlert(a, token, AlertStatus.RAISED);
    assertThat(api.get("/api/v1/alerts/" + alertId, token).json().get("acknowledgedAt").isNull()).isTrue();

    Api.Response taken = api.post("/api/v1/alerts/" + alertId + "/acknowledgement", token, "");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    assertThat(taken.text("acknowledgedBy")).isEqualTo(volunteer);
    String at = taken.text("acknowledgedAt");
    JsonNode shown = api.get("/api/v1/alerts/" + alertId, token).json();
    assertThat(shown.get("acknowledgedAt").asText()).isEqualTo(at);
    assertThat(shown.get("acknowledgedBy").asText()).isEqualTo(volunteer);

    List<AlertAcknowledgement> records = published(alertId);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).getAcknowledgedBy()).isEqualTo(volunteer);
    assertThat(records.get(0).getAssociationId()).isEqualTo(a.id());
    assertThat(records.get(0).getCaseId()).isEqualTo(shown.get("caseId").asText());
    assertThat(records.get(0).getAcknowledgedAt().toString()).isEqualTo(at);

    Api.Response again = api.post("/api/v1/alerts/" + alertId + "/acknowledgement", a.token(), "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("acknowledgedAt")).as("the first acknowledgement stands").isEqualTo(at);
    assertThat(again.text("acknowledgedBy")).isEqualTo(volunteer);
    assertThat(published(alertId)).hasSize(1);

    // a later state of the alert (escalated severity) keeps the acknowledgement
    Instant later = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    publish(CaseAlert.newBuilder(FoundationFlowTest.alert(alertId, shown.get("caseId").asText(), a.id(), AlertStatus.RAISED,
        later, later)).setSeverity(Severity.CRITICAL).build());
    await().atMost(Duration.ofSeconds(60)).until(() ->
        api.get("/api/v1/alerts/" + alertId, token).json().get("emittedAt").asText().equals(later.toString()));
    assertThat(api.get("/api/v1/alerts/" + alertId, token).text("acknowledgedAt")).isEqualTo(at);
  }

  @Test
  void aHandOverClearsTheTakingInHandWhichTheNewVolunteerTakesInTurn() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String former = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String successor = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String caseId = TestIntake.newCase(api, a.token());
    String alertId = "handover-" + UUID.randomUUID();
    Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    CaseAlert raised = CaseAlert.newBuilder(FoundationFlowTest.alert(alertId, caseId, a.id(), AlertStatus.RAISED, t0, t0))
        .setAssignedVolunteerId(former).build();
    publish(raised);
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/alerts/" + alertId, a.token()).status() == 200);
    String formerToken = TestIntake.tokenFor(api, a, former);
    assertThat(api.post("/api/v1/alerts/" + alertId + "/acknowledgement", formerToken, "").status()).isEqualTo(200);

    Instant t1 = t0.plusSeconds(60);
    publish(CaseAlert.newBuilder(raised).setAssignedVolunteerId(successor).setEmittedAt(t1).build());
    await().atMost(Duration.ofSeconds(60)).until(() ->
        api.get("/api/v1/alerts/" + alertId, a.token()).json().get("emittedAt").asText().equals(t1.toString()));
    JsonNode handedOver = api.get("/api/v1/alerts/" + alertId, a.token()).json();
    assertThat(handedOver.get("assignedVolunteerId").asText()).isEqualTo(successor);
    assertThat(handedOver.get("acknowledgedAt").isNull()).as("the former volunteer's taking in hand").isTrue();
    assertThat(handedOver.get("acknowledgedBy").isNull()).isTrue();
    assertThat(api.get("/api/v1/alerts?acknowledged=false", a.token()).body()).contains(alertId);

    Api.Response taken = api.post("/api/v1/alerts/" + alertId + "/acknowledgement", TestIntake.tokenFor(api, a, successor), "");
    assertThat(taken.text("acknowledgedBy")).isEqualTo(successor);
    Instant t2 = t1.plusSeconds(60);
    publish(CaseAlert.newBuilder(raised).setAssignedVolunteerId(successor).setSeverity(Severity.CRITICAL).setEmittedAt(t2).build());
    await().atMost(Duration.ofSeconds(60)).until(() ->
        api.get("/api/v1/alerts/" + alertId, a.token()).json().get("emittedAt").asText().equals(t2.toString()));
    assertThat(api.get("/api/v1/alerts/" + alertId, a.token()).text("acknowledgedBy")).as("escalated for the same volunteer")
        .isEqualTo(successor);
  }

  @Test
  void aResolvedAlertOrAnotherAssociationsHasNothingToTakeInHand() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    TestIntake.Association b = TestIntake.newAssociation(api);
    String resolved = openAlert(a, a.token(), AlertStatus.RESOLVED);
    Api.Response refused = api.post("/api/v1/alerts/" + resolved + "/acknowledgement", a.token(), "");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.text("detail")).contains("résolue");
    String open = openAlert(a, a.token(), AlertStatus.RAISED);
    assertThat(api.post("/api/v1/alerts/" + open + "/acknowledgement", b.token(), "").status()).isEqualTo(404);
    assertThat(api.post("/api/v1/alerts/" + open + "/acknowledgement", TestIntake.ADMIN_TOKEN, "").status()).isEqualTo(403);
    assertThat(api.send("POST", "/api/v1/alerts/" + open + "/acknowledgement", a.token(), "", Map.of()).status()).isEqualTo(200);
    assertThat(published(resolved)).isEmpty();
    assertThat(published(open)).hasSize(1);
  }
}
