package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.topics.Topics;

/**
 * Every API route is tried by association B on association A's ids and data: another
 * association's case, volunteer, token or alert is 404 (or invisible in listings), reading and
 * writing. The route list comes from the running server: a new route without a check here fails
 * {@link #everyRegisteredRouteHasAnIsolationCheck()}.
 */
class TenantIsolationTest {
  private static final Api API = TestIntake.api();
  private static TestIntake.Association a;
  private static TestIntake.Association b;
  private static String volunteerA;
  private static String caseA;
  private static String openingA;
  private static String tokenIdA;
  private static String alertA;
  private static final Map<String, Runnable> CHECKS = new LinkedHashMap<>();

  @BeforeAll
  static void twoAssociations() throws Exception {
    a = TestIntake.newAssociation(API);
    b = TestIntake.newAssociation(API);
    volunteerA = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    tokenIdA = API.post("/api/v1/associations/" + a.id() + "/tokens", a.token(), "{\"volunteerId\":\"" + volunteerA + "\"}").text("tokenId");
    Api.Response openedA = API.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"person\":{\"displayName\":\"Personne A\"},\"employed\""));
    caseA = openedA.text("caseId");
    openingA = openedA.text("eventId");
    alertA = "isolation-" + caseA;
    Instant now = Instant.now();
    try (KafkaProducer<String, org.vigie.schemas.CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-isolation"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseA,
          FoundationFlowTest.alert(alertA, caseA, a.id(), AlertStatus.RAISED, now, now))).get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> API.get("/api/v1/alerts/" + alertA, a.token()).status() == 200);
    defineChecks();
  }

  private static void defineChecks() {
    String assoc = "/api/v1/associations/";
    check("GET /api/v1/admin/associations", () -> assertThat(API.get("/api/v1/admin/associations", b.token()).status()).isEqualTo(403));
    check("POST /api/v1/admin/associations", () ->
        assertThat(API.post("/api/v1/admin/associations", b.token(), "{\"name\":\"x\"}").status()).isEqualTo(403));
    check("POST /api/v1/associations/{associationId}/volunteers", () ->
        assertThat(API.post(assoc + a.id() + "/volunteers", b.token(), "{\"displayName\":\"x\",\"email\":\"x@example.org\"}").status())
            .isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/volunteers", () -> {
      assertThat(API.get(assoc + a.id() + "/volunteers", b.token()).status()).isEqualTo(404);
      assertThat(API.get(assoc + b.id() + "/volunteers", b.token()).body()).doesNotContain(volunteerA);
    });
    check("PATCH /api/v1/associations/{associationId}/volunteers/{volunteerId}", () -> {
      assertThat(API.send("PATCH", assoc + a.id() + "/volunteers/" + volunteerA, b.token(), "{\"dailyDigest\":true}", Map.of()).status())
          .isEqualTo(404);
      assertThat(API.send("PATCH", assoc + b.id() + "/volunteers/" + volunteerA, b.token(), "{\"dailyDigest\":true}", Map.of()).status())
          .isEqualTo(404);
    });
    check("DELETE /api/v1/associations/{associationId}/volunteers/{volunteerId}", () -> {
      assertThat(API.delete(assoc + a.id() + "/volunteers/" + volunteerA, b.token()).status()).isEqualTo(404);
      assertThat(API.delete(assoc + b.id() + "/volunteers/" + volunteerA, b.token()).status()).isEqualTo(404);
    });
    check("POST /api/v1/associations/{associationId}/tokens", () -> {
      assertThat(API.post(assoc + a.id() + "/tokens", b.token(), "{}").status()).isEqualTo(404);
      assertThat(API.post(assoc + b.id() + "/tokens", b.token(), "{\"volunteerId\":\"" + volunteerA + "\"}").status()).isEqualTo(422);
    });
    check("GET /api/v1/associations/{associationId}/tokens", () -> {
      assertThat(API.get(assoc + a.id() + "/tokens", b.token()).status()).isEqualTo(404);
      assertThat(API.get(assoc + b.id() + "/tokens", b.token()).body()).doesNotContain(tokenIdA);
    });
    check("DELETE /api/v1/associations/{associationId}/tokens/{tokenId}", () -> {
      assertThat(API.delete(assoc + a.id() + "/tokens/" + tokenIdA, b.token()).status()).isEqualTo(404);
      assertThat(API.delete(assoc + b.id() + "/tokens/" + tokenIdA, b.token()).status()).isEqualTo(404);
    });
    check("POST /api/v1/cases", () -> assertThat(API.post("/api/v1/cases", b.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"assignedVolunteerId\":\"" + volunteerA + "\",\"employed\"")).status()).isEqualTo(422));
    check("GET /api/v1/cases", () -> assertThat(API.get("/api/v1/cases?status=all&limit=200", b.token()).body()).doesNotContain(caseA));
    check("GET /api/v1/cases/{caseId}", () -> assertThat(API.get("/api/v1/cases/" + caseA, b.token()).status()).isEqualTo(404));
    check("POST /api/v1/cases/{caseId}/events", () -> assertThat(API.post("/api/v1/cases/" + caseA + "/events", b.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"2026-11-01\"}").status()).isEqualTo(404));
    String correction = "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"2026-11-01\",\"procedure\":\"FIRST_REQUEST\",\"department\":\"75\"}";
    check("POST /api/v1/cases/{caseId}/events/{eventId}/correction", () -> {
      assertThat(API.post("/api/v1/cases/" + caseA + "/events/" + openingA + "/correction", b.token(), correction).status()).isEqualTo(404);
      String caseB = TestIntake.newCase(API, b.token());
      assertThat(API.post("/api/v1/cases/" + caseB + "/events/" + openingA + "/correction", b.token(), correction).status()).isEqualTo(404);
    });
    check("POST /api/v1/cases/{caseId}/events/{eventId}/withdrawal", () -> {
      assertThat(API.post("/api/v1/cases/" + caseA + "/events/" + openingA + "/withdrawal", b.token(), null).status()).isEqualTo(404);
      String caseB = TestIntake.newCase(API, b.token());
      assertThat(API.post("/api/v1/cases/" + caseB + "/events/" + openingA + "/withdrawal", b.token(), null).status()).isEqualTo(404);
    });
    check("PUT /api/v1/cases/{caseId}/assignee", () -> assertThat(API.put("/api/v1/cases/" + caseA + "/assignee", b.token(),
        "{\"volunteerId\":\"" + volunteerA + "\"}").status()).isEqualTo(404));
    check("POST /api/v1/cases/reassignments", () -> {
      String volunteerB = TestIntake.newVolunteer(API, b, "VOLUNTEER");
      Api.Response r = API.post("/api/v1/cases/reassignments", b.token(),
          "{\"fromVolunteerId\":\"" + volunteerA + "\",\"toVolunteerId\":\"" + volunteerB + "\"}");
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.text("field")).isEqualTo("fromVolunteerId");
    });
    check("DELETE /api/v1/cases/{caseId}/identity", () ->
        assertThat(API.delete("/api/v1/cases/" + caseA + "/identity", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/cases/{caseId}/timeline", () ->
        assertThat(API.get("/api/v1/cases/" + caseA + "/timeline?format=csv", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/federation/stats", () ->
        assertThat(API.get("/api/v1/federation/stats", b.token()).status()).isEqualTo(403));
    check("GET /api/v1/cases/{caseId}/follow-up", () ->
        assertThat(API.get("/api/v1/cases/" + caseA + "/follow-up", b.token()).status()).isEqualTo(404));
    check("PUT /api/v1/cases/{caseId}/follow-up", () -> assertThat(API.put("/api/v1/cases/" + caseA + "/follow-up", b.token(),
        "{\"dueOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")) + "\"}").status()).isEqualTo(404));
    check("DELETE /api/v1/cases/{caseId}/follow-up", () ->
        assertThat(API.delete("/api/v1/cases/" + caseA + "/follow-up", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/follow-ups", () -> {
      assertThat(API.put("/api/v1/cases/" + caseA + "/follow-up", a.token(),
          "{\"dueOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")) + "\"}").status()).isEqualTo(200);
      assertThat(API.get("/api/v1/follow-ups", b.token()).body()).doesNotContain(caseA).doesNotContain("Personne A");
    });
    check("GET /api/v1/me/calendar", () -> {
      String tokenB = TestIntake.tokenFor(API, b, TestIntake.newVolunteer(API, b, "VOLUNTEER"));
      assertThat(API.get("/api/v1/me/calendar", tokenB).json().get("subscribed").asBoolean()).isFalse();
    });
    check("POST /api/v1/me/calendar", () -> {
      String tokenB = TestIntake.tokenFor(API, b, TestIntake.newVolunteer(API, b, "VOLUNTEER"));
      String feed = API.post("/api/v1/me/calendar", tokenB, "").text("path");
      assertThat(API.get(feed, null).body()).contains("BEGIN:VCALENDAR").doesNotContain(alertA).doesNotContain(caseA);
    });
    check("DELETE /api/v1/me/calendar", () -> {
      String feedA = API.post("/api/v1/me/calendar", TestIntake.tokenFor(API, a, volunteerA), "").text("path");
      String tokenB = TestIntake.tokenFor(API, b, TestIntake.newVolunteer(API, b, "VOLUNTEER"));
      assertThat(API.delete("/api/v1/me/calendar", tokenB).status()).isEqualTo(404);
      assertThat(API.get(feedA, null).status()).isEqualTo(200);
    });
    check("GET /api/v1/federation/stats/comparison", () ->
        assertThat(API.get("/api/v1/federation/stats/comparison", b.token()).status()).isEqualTo(403));
    check("GET /api/v1/alerts", () -> assertThat(API.get("/api/v1/alerts?status=all", b.token()).body()).doesNotContain(alertA));
    check("GET /api/v1/alerts/{alertId}", () -> assertThat(API.get("/api/v1/alerts/" + alertA, b.token()).status()).isEqualTo(404));
    check("GET /api/v1/me", () -> assertThat(API.get("/api/v1/me", b.token()).text("associationId")).isEqualTo(b.id()));
    check("GET /api/v1/cases/{caseId}/identity-accesses", () ->
        assertThat(API.get("/api/v1/cases/" + caseA + "/identity-accesses", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/identity-accesses", () ->
        assertThat(API.get(assoc + a.id() + "/identity-accesses", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/possible-duplicates", () ->
        assertThat(API.get(assoc + a.id() + "/possible-duplicates", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/cases/{caseId}/personal-data", () ->
        assertThat(API.get("/api/v1/cases/" + caseA + "/personal-data", b.token()).status()).isEqualTo(404));
    check("POST /api/v1/admin/associations/{associationId}/closure", () -> {
      // another association's coordinator cannot close it, even knowing its name
      Api.Response r = API.post("/api/v1/admin/associations/" + a.id() + "/closure", b.token(), "{\"confirm\":\"x\"}");
      assertThat(r.status()).isEqualTo(403);
      assertThat(API.get("/api/v1/cases/" + caseA, a.token()).status()).isEqualTo(200);
    });
    check("GET /api/v1/cases/{caseId}/notes", () ->
        assertThat(API.get("/api/v1/cases/" + caseA + "/notes", b.token()).status()).isEqualTo(404));
    check("POST /api/v1/cases/{caseId}/notes", () -> {
      assertThat(API.post("/api/v1/cases/" + caseA + "/notes", b.token(), "{\"text\":\"intrus\"}").status()).isEqualTo(404);
      assertThat(API.get("/api/v1/cases/" + caseA + "/notes", a.token()).body()).doesNotContain("intrus");
    });
    check("DELETE /api/v1/cases/{caseId}/notes/{noteId}", () -> {
      String noteA = API.post("/api/v1/cases/" + caseA + "/notes", a.token(), "{\"text\":\"note de A\"}").text("noteId");
      assertThat(API.delete("/api/v1/cases/" + caseA + "/notes/" + noteA, b.token()).status()).isEqualTo(404);
      assertThat(API.get("/api/v1/cases/" + caseA + "/notes", a.token()).body()).contains("note de A");
    });
    check("GET /api/v1/cases/{caseId}/letters", () ->
        assertThat(API.get("/api/v1/cases/" + caseA + "/letters", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/cases/{caseId}/letters/{kind}", () -> {
      assertThat(API.get("/api/v1/cases/" + caseA + "/letters/ccc-request?format=json", b.token()).status()).isEqualTo(404);
      assertThat(API.get("/api/v1/cases/" + caseA + "/identity-accesses", a.token()).body()).doesNotContain("LETTER");
    });
    check("GET /api/v1/associations/{associationId}/erasures-due", () ->
        assertThat(API.get(assoc + a.id() + "/erasures-due", b.token()).status()).isEqualTo(404));
    check("PUT /api/v1/cases/{caseId}/person", () ->
        assertThat(API.put("/api/v1/cases/" + caseA + "/person", b.token(), "{\"displayName\":\"Intrus\"}").status()).isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/case-export", () ->
        assertThat(API.get(assoc + a.id() + "/case-export", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/stats", () ->
        assertThat(API.get(assoc + a.id() + "/stats", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/stats/comparison", () ->
        assertThat(API.get(assoc + a.id() + "/stats/comparison", b.token()).status()).isEqualTo(404));
    check("GET /api/v1/associations/{associationId}/settings", () ->
        assertThat(API.get(assoc + a.id() + "/settings", b.token()).status()).isEqualTo(404));
    check("PUT /api/v1/associations/{associationId}/settings", () ->
        assertThat(API.put(assoc + a.id() + "/settings", b.token(), "{\"disabledRules\":[\"API_EXPIRED\"]}").status()).isEqualTo(404));
    check("POST /api/v1/alerts/{alertId}/acknowledgement", () ->
        assertThat(API.post("/api/v1/alerts/" + alertA + "/acknowledgement", b.token(), "").status()).isEqualTo(404));
    check("POST /api/v1/imports", () -> {
      Api.Response r = API.send("POST", "/api/v1/imports", b.token(),
          "demarche;departement;benevole\nrenouvellement;93;" + volunteerA + "\n", Map.of("Content-Type", "text/csv"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().at("/report/0/status").asText()).isEqualTo("REJECTED");
      assertThat(r.json().at("/report/0/column").asText()).isEqualTo("benevole");
    });
  }

  private static void check(String route, Runnable assertion) {
    CHECKS.put(route, assertion);
  }

  @Test
  void everyRegisteredRouteHasAnIsolationCheck() {
    Set<String> registered = TestIntake.service().app().unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
        .filter(r -> r.contains(" /api/v1/") && !r.endsWith("/openapi.json"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(CHECKS.keySet())).isEqualTo(registered);
  }

  @Test
  void anotherAssociationSeesAndChangesNothing() {
    CHECKS.values().forEach(Runnable::run);
    // A's data is intact after B's attempts.
    Api.Response c = API.get("/api/v1/cases/" + caseA, a.token());
    assertThat(c.text("status")).isEqualTo("OPEN");
    assertThat(c.text("department")).isEqualTo("93");
    assertThat(c.json().at("/person/displayName").asText()).isEqualTo("Personne A");
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseA))).hasSize(1);
    assertThat(API.get("/api/v1/associations/" + a.id() + "/volunteers", a.token()).json().at("/volunteers/0/active").asBoolean()).isTrue();
    assertThat(API.get("/api/v1/associations/" + a.id() + "/tokens", a.token()).json().toString()).doesNotContain("revokedAt\":\"");
    assertThat(API.get("/api/v1/associations/" + a.id() + "/settings", a.token()).json().get("disabledRules")).isEmpty();
    assertThat(API.get("/api/v1/alerts/" + alertA, a.token()).json().get("acknowledgedAt").isNull()).isTrue();
  }
}
