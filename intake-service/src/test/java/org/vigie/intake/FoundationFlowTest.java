package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.DirectoryEntryKind;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.topics.Topics;
import static org.awaitility.Awaitility.await;

/** The foundation flow on the real broker and database: association, volunteer, case, events, alerts. */
class FoundationFlowTest {
  private final Api api = TestIntake.api();

  @Test
  void caseEventsReachKafkaWithoutIdentityAndTheCaseShowsItsTimeline() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String name = "Canari Mamadou " + UUID.randomUUID();
    Api.Response opened = api.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-10-01"},"procedure":"RENEWAL","department":"93",
         "assignedVolunteerId":"%s","employed":true,"receivesBenefits":false,
         "person":{"displayName":"%s","foreignerNumber":"7512345678","phone":"+33 6 12 34 56 78"}}""".formatted(volunteer, name));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String caseId = opened.text("caseId");

    Api.Response submission = api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"SUBMISSION_RECORDED\",\"occurredOn\":\"2026-07-01\",\"procedure\":\"RENEWAL\"}");
    assertThat(submission.status()).as(submission.toString()).isEqualTo(202);
    Api.Response apiIssued = api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-09-20\",\"validUntil\":\"2026-12-20\"}");
    assertThat(apiIssued.status()).as(apiIssued.toString()).isEqualTo(202);

    // 201/202 come after Kafka's ack: the events are already readable.
    List<ConsumerRecord<String, CaseEvent>> events = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId));
    assertThat(events).hasSize(3);
    assertThat(events).extracting(r -> r.value().getPayload().getClass().getSimpleName())
        .containsExactlyInAnyOrder("CaseOpened", "SubmissionRecorded", "ApiIssued");
    CaseEvent first = events.stream().filter(r -> r.value().getPayload() instanceof CaseOpened).findFirst().orElseThrow().value();
    assertThat(first.getAssociationId()).isEqualTo(a.id());
    assertThat(first.getSchemaVersion()).isEqualTo(2);
    assertThat(first.getSource()).isEqualTo(EventSource.API);
    assertThat(((CaseOpened) first.getPayload()).getAssignedVolunteerId()).isEqualTo(volunteer);
    for (ConsumerRecord<String, CaseEvent> r : events) {
      String raw = new String(Topics.CASE_EVENTS.valueSerde().serializer().serialize("t", r.value()), StandardCharsets.ISO_8859_1)
          + r.value().toString();
      assertThat(raw).doesNotContain(name).doesNotContain("7512345678").doesNotContain("12 34 56 78").doesNotContain("Canari");
    }

    Api.Response read = api.get("/api/v1/cases/" + caseId, a.token());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().at("/person/displayName").asText()).isEqualTo(name);
    assertThat(read.json().at("/permit/expiresOn").asText()).isEqualTo("2026-10-01");
    assertThat(read.json().get("timeline")).hasSize(3);
    assertThat(read.json().at("/timeline/2/type").asText()).isEqualTo("API_ISSUED");
    assertThat(read.json().at("/timeline/2/validUntil").asText()).isEqualTo("2026-12-20");
  }

  @Test
  void volunteersAndAssociationsArePublishedToTheDirectory() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "COORDINATOR");
    List<ConsumerRecord<String, DirectoryEntry>> entries =
        TopicReader.readAll(Topics.DIRECTORY, r -> r.value() != null && r.value().getAssociationId().equals(a.id()));
    assertThat(entries).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(a.id(), volunteer);
    DirectoryEntry v = entries.stream().filter(e -> e.key().equals(volunteer)).findFirst().orElseThrow().value();
    assertThat(v.getKind()).isEqualTo(DirectoryEntryKind.VOLUNTEER);
    assertThat(v.getEmail()).endsWith("@example.org");
    assertThat(v.getRole().name()).isEqualTo("COORDINATOR");
    assertThat(v.getActive()).isTrue();
  }

  @Test
  void alertsFromTheTopicAreReadPerAssociationWithTheirNewestState() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    TestIntake.Association other = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String alertId = "alert-" + UUID.randomUUID();
    Instant raised = Instant.parse("2026-10-02T08:00:00Z");
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-alerts"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert(alertId, caseId, a.id(), AlertStatus.RAISED, raised, raised))).get();
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId,
          alert(alertId, caseId, a.id(), AlertStatus.RESOLVED, raised, raised.plusSeconds(3600)))).get();
      // An older state arriving late changes nothing.
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId,
          alert(alertId, caseId, a.id(), AlertStatus.RAISED, raised, raised.plusSeconds(60)))).get();
    }
    await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
      Api.Response all = api.get("/api/v1/alerts?status=all", a.token());
      assertThat(all.json().get("alerts")).hasSize(1);
      assertThat(all.json().at("/alerts/0/status").asText()).isEqualTo("RESOLVED");
    });
    assertThat(api.get("/api/v1/alerts?status=open", a.token()).json().get("alerts")).isEmpty();
    assertThat(api.get("/api/v1/alerts?status=resolved", a.token()).json().get("alerts")).hasSize(1);
    Api.Response c = api.get("/api/v1/cases/" + caseId, a.token());
    assertThat(c.json().at("/alerts/0/alertId").asText()).isEqualTo(alertId);
    assertThat(c.json().at("/alerts/0/rule").asText()).isEqualTo("PERMIT_EXPIRED_WITHOUT_API");
    assertThat(c.json().at("/alerts/0/message/fr").asText()).startsWith("Titre expiré");
    assertThat(api.get("/api/v1/alerts?status=all", other.token()).json().get("alerts")).isEmpty();
    assertThat(api.get("/api/v1/alerts/" + alertId, other.token()).status()).isEqualTo(404);
  }

  @Test
  void anAlertTheDatabaseRefusesIsSkippedAndTheNextOnesAreRead() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    Instant raised = Instant.parse("2026-10-02T08:00:00Z");
    String refused = "alert-" + UUID.randomUUID() + "\u0000"; // PostgreSQL text holds no NUL character
    String next = "alert-" + UUID.randomUUID();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-alerts"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      // same key, same partition: the second comes after the first
      for (String alertId : List.of(refused, next)) {
        p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert(alertId, caseId, a.id(), AlertStatus.RAISED, raised, raised)))
            .get();
      }
    }
    await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(api.get("/api/v1/alerts?status=all", a.token()).json().findValuesAsText("alertId")).containsExactly(next));
  }

  static CaseAlert alert(String alertId, String caseId, String associationId, AlertStatus status, Instant raised, Instant emitted) {
    return CaseAlert.newBuilder().setAlertId(alertId).setCaseId(caseId).setAssociationId(associationId)
        .setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API).setSeverity(Severity.CRITICAL).setStatus(status)
        .setEpisodeStart(LocalDate.of(2026, 10, 2)).setRaisedAt(raised).setEmittedAt(emitted)
        .setDeadline(LocalDate.of(2026, 10, 2)).setReference("CESEDA R.431-15-1").setTextVersionDate(LocalDate.of(2026, 1, 1))
        .setRuleVersion("1").setMessage(new AlertMessage("Titre expiré sans API", "Permit expired without API")).build();
  }
}
