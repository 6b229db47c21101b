package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/** The timeline and federation statistics endpoints over real HTTP, on the shared broker. */
class AuditRoutesTest {
  private static final Api API = TestIntake.api();

  @Test
  void aMemberGetsTheCaseTimelineAsJsonCsvAndPdf() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String volunteer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    String volunteerToken = TestIntake.tokenFor(API, a, volunteer);
    String caseId = API.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"person\":{\"displayName\":\"Personne Chronologie\"},\"employed\"")).text("caseId");
    assertThat(API.post("/api/v1/cases/" + caseId + "/events", volunteerToken,
        "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-11-02\",\"blockage\":\"CANNOT_SUBMIT\"}").status()).isEqualTo(202);
    String path = "/api/v1/cases/" + caseId + "/timeline";

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(API.get(path, volunteerToken).body()).contains("BLOCKAGE_REPORTED"));
    Api.Response json = API.get(path, volunteerToken);
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.text("caseId")).isEqualTo(caseId);
    assertThat(json.text("associationId")).isEqualTo(a.id());
    assertThat(json.text("identityLabel")).isEqualTo("Personne Chronologie");
    assertThat(json.json().get("events").asInt()).isEqualTo(2);
    assertThat(json.body()).contains("CASE_OPENED");
    assertThat(json.json().get("entries")).allSatisfy(e -> assertThat(e.path("descriptionEn").asText())
        .as("English description of %s", e.get("type")).isNotBlank().isNotEqualTo(e.get("description").asText()));
    assertThat(json.body()).contains("Blockage reported: application cannot be submitted");
    assertThat(json.text("associationName")).startsWith("Permanence ");
    assertThat(json.json().get("entries")).filteredOn(e -> e.get("type").asText().equals("BLOCKAGE_REPORTED"))
        .singleElement().satisfies(e -> {
          assertThat(e.get("recordedBy").asText()).isEqualTo(volunteer);
          assertThat(e.get("recordedByName").asText()).isEqualTo("Bénévole");
        });

    Api.Response csv = API.get(path + "?format=csv", a.token());
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).contains("CASE_OPENED").contains("BLOCKAGE_REPORTED");
    assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("kind,date,recorded_at,recorded_by,type,description,")
        .endsWith(",corrected_at,description_en,recorded_by_name,recipient_name");

    Api.Response pdf = API.get(path + "?format=PDF", a.token());
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF");
  }

  @Test
  void anUnknownFormatIsAProblemNamingTheParameter() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    Api.Response r = API.get("/api/v1/cases/" + caseId + "/timeline?format=docx", a.token());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("field")).isEqualTo("format");

    Api.Response unknown = API.get("/api/v1/cases/00000000-0000-0000-0000-000000000001/timeline", a.token());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
  }

  @Test
  void federationStatsAreForTheAdministratorOnlyAndCarryNoIds() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    assertThat(API.get(AuditRoutes.STATS, a.token()).status()).isEqualTo(403);
    assertThat(API.get(AuditRoutes.STATS, null).status()).isEqualTo(401);

    Api.Response json = API.get(AuditRoutes.STATS, TestIntake.ADMIN_TOKEN);
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.contentType()).startsWith("application/json");
    assertThat(json.json().isObject()).isTrue();
    assertThat(json.body()).doesNotContain(caseId).doesNotContain(a.id());

    Api.Response csv = API.get(AuditRoutes.STATS + "?format=csv&table=days-without-api", TestIntake.ADMIN_TOKEN);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("department,month,cases,days,suppressed");
    assertThat(API.get(AuditRoutes.STATS + "?format=svg", TestIntake.ADMIN_TOKEN).body()).contains("<svg", "Blocages ANEF signalés par mois");
    assertThat(API.send("GET", AuditRoutes.STATS + "?format=svg", TestIntake.ADMIN_TOKEN, null, Map.of("Accept-Language", "en")).body())
        .contains("<svg", "ANEF blockages reported per month");
    Api.Response awaiting = API.get(AuditRoutes.STATS + "?format=csv&table=awaiting-decision", TestIntake.ADMIN_TOKEN);
    assertThat(awaiting.status()).isEqualTo(200);
    assertThat(awaiting.body()).startsWith("department,waiting,median_days_waiting,p90_days_waiting,implicit_rejections,suppressed");

    Api.Response badTable = API.get(AuditRoutes.STATS + "?format=csv&table=people", TestIntake.ADMIN_TOKEN);
    assertThat(badTable.status()).isEqualTo(400);
    assertThat(badTable.text("field")).isEqualTo("table");
    assertThat(API.get(AuditRoutes.STATS + "?format=xml", TestIntake.ADMIN_TOKEN).text("field")).isEqualTo("format");
  }

  @Test
  void theAdministratorComparesThePeriodsBeforeAndAfterADay() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    LocalDate pivot = today.minusDays(20);
    TestIntake.Association a = TestIntake.newAssociation(API);
    List<String> caseIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String caseId = API.post("/api/v1/cases", a.token(), """
          {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2027-12-01"},"procedure":"RENEWAL","department":"2B"}""")
          .text("caseId");
      Api.Response blocked = API.post("/api/v1/cases/" + caseId + "/events", a.token(),
          "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"" + pivot.plusDays(1) + "\",\"blockage\":\"ACCOUNT_LOCKED\"}");
      assertThat(blocked.status()).as(blocked.toString()).isEqualTo(202);
      caseIds.add(caseId);
    }
    // the comparison reads the event log: wait until the last blockage is in it
    await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/cases/" + caseIds.get(4) + "/timeline", a.token()).body().contains("BLOCKAGE_REPORTED"));

    String path = AuditRoutes.STATS_COMPARISON + "?pivot=" + pivot + "&days=10";
    Api.Response json = API.get(path, TestIntake.ADMIN_TOKEN);
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    assertThat(json.json().get("after").get("from").asText()).isEqualTo(pivot.toString());
    assertThat(json.json().get("before").get("to").asText()).isEqualTo(pivot.minusDays(1).toString());
    JsonNode corsica = StreamSupport.stream(json.json().get("departments").spliterator(), false)
        .filter(r -> r.get("department").asText().equals("2B")).findFirst().orElseThrow();
    assertThat(corsica.get("after").get("blockagesReported").get("cases").asInt()).isEqualTo(5);
    assertThat(corsica.get("before").get("blockagesReported").get("cases").asInt()).isZero();
    assertThat(json.body()).doesNotContain(a.id());
    caseIds.forEach(id -> assertThat(json.body()).doesNotContain(id));

    Api.Response csv = API.get(path + "&format=csv", TestIntake.ADMIN_TOKEN);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("department,period,from,to,blockage_cases,blockage_reports")
        .contains("\n2B,after," + pivot + "," + pivot.plusDays(9) + ",5,5,");

    assertThat(API.get(AuditRoutes.STATS_COMPARISON, a.token()).status()).isEqualTo(403);
    Api.Response future = API.get(AuditRoutes.STATS_COMPARISON + "?pivot=" + today.plusDays(1), TestIntake.ADMIN_TOKEN);
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.text("field")).isEqualTo("pivot");
    assertThat(API.get(AuditRoutes.STATS_COMPARISON + "?pivot=5-11-2026", TestIntake.ADMIN_TOKEN).text("field")).isEqualTo("pivot");
    Api.Response noDays = API.get(AuditRoutes.STATS_COMPARISON + "?pivot=" + pivot + "&days=0", TestIntake.ADMIN_TOKEN);
    assertThat(noDays.status()).isEqualTo(422);
    assertThat(noDays.text("field")).isEqualTo("days");
    assertThat(API.get(AuditRoutes.STATS_COMPARISON + "?format=svg", TestIntake.ADMIN_TOKEN).text("field")).isEqualTo("format");
  }
}
