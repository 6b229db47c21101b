package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.topics.Topics;

/** Bad requests get RFC 9457 problems naming the field, and produce no event. */
class ProblemsTest {
  private final Api api = TestIntake.api();

  private static void assertProblem(Api.Response r, int status, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("type").asText()).startsWith("/problems/");
    assertThat(r.json().get("title").asText()).contains("/");
    assertThat(r.body()).doesNotContain("\uFFFD");
    if (field != null) {
      assertThat(r.json().path("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void malformedAndSemanticErrorsAreProblemsNamingTheField() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String events = "/api/v1/cases/" + caseId + "/events";
    assertProblem(api.post(events, a.token(), "{not json"), 400, null);
    assertProblem(api.post(events, a.token(), "[1,2]"), 400, null);
    assertProblem(api.post(events, a.token(), ""), 400, null);
    assertProblem(api.post(events, a.token(), "{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-11-01\"}"), 400, "validUntil");
    assertProblem(api.post(events, a.token(), "{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-01-01\",\"validUntil\":\"2026-06-01\"}"), 422, "validUntil");
    assertProblem(api.post("/api/v1/cases", a.token(), "{\"procedure\":\"RENEWAL\",\"department\":\"93\"}"), 400, "permit");
    assertProblem(api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"93\"", "\"00\"")), 422, "department");
    assertProblem(api.post("/api/v1/cases", a.token(),
        TestIntake.RENEWAL_CASE.replace("\"employed\"", "\"assignedVolunteerId\":\"6f1c1f9e-2b7e-4d1a-9a53-2f0c0f7d8e11\",\"employed\"")),
        422, "assignedVolunteerId");
    assertProblem(api.get("/api/v1/cases/6f1c1f9e-2b7e-4d1a-9a53-2f0c0f7d8e11", a.token()), 404, null);
    assertProblem(api.get("/api/v1/cases/nope", a.token()), 404, null);
    assertProblem(api.get("/api/v1/cases?limit=0", a.token()), 422, "limit");
    assertProblem(api.get("/api/v1/cases?status=later", a.token()), 422, "status");
    assertProblem(api.get("/api/v1/alerts?status=later", a.token()), 422, "status");

    // Only the case opening reached Kafka.
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(1);
  }

  @Test
  void noEventOnAClosedCase() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String events = "/api/v1/cases/" + caseId + "/events";
    assertThat(api.post(events, a.token(), "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"2026-11-01\"}").status()).isEqualTo(202);
    assertProblem(api.post(events, a.token(), "{\"type\":\"API_EXPIRY_RECORDED\",\"occurredOn\":\"2026-11-01\"}"), 422, "caseId");
    assertThat(api.get("/api/v1/cases/" + caseId, a.token()).text("status")).isEqualTo("CLOSED");
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(2);
  }

  @Test
  void authenticationAndRoles() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    assertProblem(api.get("/api/v1/cases", null), 401, "Authorization");
    assertThat(api.get("/api/v1/cases", null).headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertProblem(api.get("/api/v1/cases", "vgi_unknown"), 401, null);
    assertProblem(api.post("/api/v1/admin/associations", a.token(), "{\"name\":\"x\"}"), 403, null);
    assertProblem(api.get("/api/v1/cases", TestIntake.ADMIN_TOKEN), 403, null);
    assertProblem(api.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{}"), 400, "name");
  }

  @Test
  void requestsOverTheSizeLimitAre413() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String big = "{\"procedure\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertProblem(api.post("/api/v1/cases", a.token(), big), 413, null);
    assertProblem(api.send("POST", "/api/v1/imports", a.token(), "a;b\n" + "x;y\n".repeat(6 * 1024 * 1024),
        Map.of("Content-Type", "text/csv")), 413, null);
  }
}
