package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
    assertThat(API.get(AuditRoutes.STATS + "?format=svg", TestIntake.ADMIN_TOKEN).body()).contains("<svg");

    Api.Response badTable = API.get(AuditRoutes.STATS + "?format=csv&table=people", TestIntake.ADMIN_TOKEN);
    assertThat(badTable.status()).isEqualTo(400);
    assertThat(badTable.text("field")).isEqualTo("table");
    assertThat(API.get(AuditRoutes.STATS + "?format=xml", TestIntake.ADMIN_TOKEN).text("field")).isEqualTo("format");
  }
}
