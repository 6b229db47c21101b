package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.topics.Topics;

class IdempotencyTest {
  private final Api api = TestIntake.api();

  private Api.Response post(String path, String token, String key, String body) {
    return api.send("POST", path, token, body, Map.of("Content-Type", "application/json", "Idempotency-Key", key));
  }

  @Test
  void sameKeySameBodyGivesTheSameAnswerAndOneEvent() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String key = UUID.randomUUID().toString();
    Api.Response first = post("/api/v1/cases", a.token(), key, TestIntake.RENEWAL_CASE);
    Api.Response again = post("/api/v1/cases", a.token(), key, TestIntake.RENEWAL_CASE.replace("\n", " "));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    String caseId = first.text("caseId");
    assertThat(api.get("/api/v1/cases?status=all", a.token()).json().get("total").asInt()).isEqualTo(1);

    String eventKey = UUID.randomUUID().toString();
    String body = "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"2026-11-02\"}";
    Api.Response e1 = post("/api/v1/cases/" + caseId + "/events", a.token(), eventKey, body);
    Api.Response e2 = post("/api/v1/cases/" + caseId + "/events", a.token(), eventKey, body);
    assertThat(e1.status()).isEqualTo(202);
    assertThat(e2.body()).isEqualTo(e1.body());
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(2);

    Api.Response other = post("/api/v1/cases/" + caseId + "/events", a.token(), eventKey,
        "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"2026-11-03\"}");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(2);
  }

  @Test
  void keysAreScopedToTheAssociation() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    TestIntake.Association b = TestIntake.newAssociation(api);
    String key = UUID.randomUUID().toString();
    Api.Response ra = post("/api/v1/cases", a.token(), key, TestIntake.RENEWAL_CASE);
    Api.Response rb = post("/api/v1/cases", b.token(), key, TestIntake.RENEWAL_CASE);
    assertThat(rb.status()).isEqualTo(201);
    assertThat(rb.text("caseId")).isNotEqualTo(ra.text("caseId"));
  }

  @Test
  void immediateRepeatsNeverPublishTwice() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    for (int i = 0; i < 30; i++) {
      String key = UUID.randomUUID().toString();
      String body = "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"2026-11-02\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}";
      Api.Response first = post("/api/v1/cases/" + caseId + "/events", a.token(), key, body);
      Api.Response again = post("/api/v1/cases/" + caseId + "/events", a.token(), key, body);
      assertThat(again.body()).isEqualTo(first.body());
    }
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(31);
  }
}
