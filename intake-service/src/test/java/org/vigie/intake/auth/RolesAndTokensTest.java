package org.vigie.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.VolunteerAssigned;
import org.vigie.schemas.topics.Topics;

class RolesAndTokensTest {
  private final Api api = TestIntake.api();

  @Test
  void volunteerTokensRecordEventsInTheirNameAndCannotManage() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String token = TestIntake.tokenFor(api, a, volunteer);
    String caseId = TestIntake.newCase(api, token);
    JsonNode c = api.get("/api/v1/cases/" + caseId, token).json();
    assertThat(c.get("assignedVolunteerId").asText()).as("a volunteer's case is theirs by default").isEqualTo(volunteer);
    assertThat(c.at("/timeline/0/recordedBy").asText()).isEqualTo(volunteer);
    assertThat(api.post("/api/v1/associations/" + a.id() + "/volunteers", token,
        "{\"displayName\":\"x\",\"email\":\"x@example.org\"}").status()).isEqualTo(403);
    assertThat(api.post("/api/v1/associations/" + a.id() + "/tokens", token, "{}").status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/cases/" + caseId + "/identity", token).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/cases/" + caseId + "/events", token,
        "{\"type\":\"VOLUNTEER_ASSIGNED\",\"occurredOn\":\"2026-11-01\",\"volunteerId\":\"" + volunteer + "\"}").status())
        .as("reassignment is for coordinators").isEqualTo(403);
    assertThat(api.get("/api/v1/associations/" + a.id() + "/volunteers", token).status()).isEqualTo(200);
  }

  @Test
  void revokedTokensAndDeactivatedVolunteersAreRefused() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    Api.Response created = api.post("/api/v1/associations/" + a.id() + "/tokens", a.token(), "{\"volunteerId\":\"" + volunteer + "\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("role")).isEqualTo("VOLUNTEER");
    String token = created.text("token");
    assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(200);

    JsonNode listed = api.get("/api/v1/associations/" + a.id() + "/tokens", a.token()).json();
    assertThat(listed.toString()).doesNotContain(token).contains(created.text("tokenId"));
    assertThat(api.delete("/api/v1/associations/" + a.id() + "/tokens/" + created.text("tokenId"), a.token()).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/cases", token).status()).isEqualTo(401);

    String second = TestIntake.tokenFor(api, a, volunteer);
    assertThat(api.get("/api/v1/cases", second).status()).isEqualTo(200);
    Api.Response off = api.delete("/api/v1/associations/" + a.id() + "/volunteers/" + volunteer, a.token());
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().get("active").asBoolean()).isFalse();
    assertThat(api.get("/api/v1/cases", second).status()).isEqualTo(401);
    assertThat(TopicReader.readAll(Topics.DIRECTORY, r -> r.key().equals(volunteer)))
        .extracting(r -> r.value().getActive()).containsExactly(true, false);
  }

  @Test
  void theFederationAdministratorListsTheAssociationsWithTheirSizeAndLoadAndNoCase() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String kept = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String gone = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    TestIntake.newVolunteer(api, a, "COORDINATOR");
    assertThat(api.delete("/api/v1/associations/" + a.id() + "/volunteers/" + gone, a.token()).status()).isEqualTo(200);
    TestIntake.newCase(api, TestIntake.tokenFor(api, a, kept));
    String closed = TestIntake.newCase(api, a.token());
    assertThat(api.post("/api/v1/cases/" + closed + "/events", a.token(), "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}")
        .status()).isEqualTo(202);
    // Three alerts: two open, one of them taken in hand, and one resolved.
    List<String> alerts = new ArrayList<>();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-admin-list"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      for (AlertStatus status : List.of(AlertStatus.RAISED, AlertStatus.RAISED, AlertStatus.RESOLVED)) {
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        CaseAlert alert = CaseAlert.newBuilder().setAlertId("admin-" + UUID.randomUUID()).setCaseId(closed).setAssociationId(a.id())
            .setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API).setSeverity(Severity.HIGH).setStatus(status)
            .setEpisodeStart(LocalDate.of(2026, 11, 2)).setRaisedAt(at).setEmittedAt(at).setReference("CESEDA")
            .setTextVersionDate(LocalDate.of(2026, 1, 1)).setRuleVersion("1").setMessage(new AlertMessage("Alerte", "Alert")).build();
        p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), closed, alert)).get();
        alerts.add(alert.getAlertId());
      }
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/alerts?status=all", a.token()).json().get("total").asInt() == 3);
    assertThat(api.post("/api/v1/alerts/" + alerts.get(0) + "/acknowledgement", a.token(), "").status()).isEqualTo(200);

    Api.Response r = api.get("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN);

    assertThat(r.status()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode n : r.json().get("associations")) {
      if (n.get("associationId").asText().equals(a.id())) {
        mine = n;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("name").asText()).startsWith("Permanence ");
    assertThat(mine.get("activeVolunteers").asInt()).isEqualTo(1);
    assertThat(mine.get("activeCoordinators").asInt()).isEqualTo(1);
    assertThat(mine.get("openCases").asInt()).isEqualTo(1);
    assertThat(mine.get("openAlerts").asInt()).isEqualTo(2);
    assertThat(mine.get("openAlertsNotTakenInHand").asInt()).isEqualTo(1);
    assertThat(r.body()).doesNotContain(closed);
    assertThat(api.get("/api/v1/admin/associations", a.token()).status()).isEqualTo(403);
  }

  @Test
  void coordinatorsReassignCasesToActiveVolunteersOfTheirAssociation() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    TestIntake.Association b = TestIntake.newAssociation(api);
    String coordinator = TestIntake.newVolunteer(api, a, "COORDINATOR");
    String coordinatorToken = TestIntake.tokenFor(api, a, coordinator);
    String first = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String outsider = TestIntake.newVolunteer(api, b, "VOLUNTEER");
    String caseId = TestIntake.newCase(api, a.token());
    Api.Response r = api.put("/api/v1/cases/" + caseId + "/assignee", coordinatorToken, "{\"volunteerId\":\"" + first + "\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    assertThat(api.put("/api/v1/cases/" + caseId + "/assignee", coordinatorToken, "{\"volunteerId\":\"" + outsider + "\"}").status())
        .isEqualTo(422);
    assertThat(api.get("/api/v1/cases/" + caseId, a.token()).text("assignedVolunteerId")).isEqualTo(first);
    assertThat(api.get("/api/v1/cases?assignedVolunteerId=" + first, a.token()).json().get("total").asInt()).isEqualTo(1);
    CaseEvent assigned = TopicReader.readAll(Topics.CASE_EVENTS, x -> x.key().equals(caseId)).stream()
        .map(x -> x.value()).filter(v -> v.getPayload() instanceof VolunteerAssigned).findFirst().orElseThrow();
    assertThat(((VolunteerAssigned) assigned.getPayload()).getVolunteerId()).isEqualTo(first);
    assertThat(assigned.getRecordedBy()).isEqualTo(coordinator);
  }

  @Test
  void caseListingFiltersAndPages() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    for (int i = 0; i < 5; i++) {
      TestIntake.newCase(api, a.token());
    }
    String lyon = api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"93\"", "\"69\"")).text("caseId");
    JsonNode page1 = api.get("/api/v1/cases?limit=4", a.token()).json();
    assertThat(page1.get("total").asInt()).isEqualTo(6);
    assertThat(page1.get("cases")).hasSize(4);
    assertThat(page1.get("nextOffset").asInt()).isEqualTo(4);
    JsonNode page2 = api.get("/api/v1/cases?limit=4&offset=4", a.token()).json();
    assertThat(page2.get("cases")).hasSize(2);
    assertThat(page2.has("nextOffset")).isFalse();
    assertThat(api.get("/api/v1/cases?department=69", a.token()).json().at("/cases/0/caseId").asText()).isEqualTo(lyon);
    api.post("/api/v1/cases/" + lyon + "/events", a.token(), "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}");
    assertThat(api.get("/api/v1/cases?status=closed", a.token()).json().get("total").asInt()).isEqualTo(1);
    assertThat(api.get("/api/v1/cases?status=open", a.token()).json().get("total").asInt()).isEqualTo(5);
    assertThat(api.get("/api/v1/cases?status=all&procedure=RENEWAL&permitExpiresBefore=2027-01-01", a.token())
        .json().get("total").asInt()).isEqualTo(6);
  }
}
