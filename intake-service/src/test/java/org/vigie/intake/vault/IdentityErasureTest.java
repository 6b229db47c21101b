package org.vigie.intake.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

class IdentityErasureTest {
  private final Api api = TestIntake.api();

  @Test
  void erasingTheIdentityShredsItsKeyAndLeavesAPseudonymousTimeline() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"person\":{\"displayName\":\"Awa Traoré\",\"foreignerNumber\":\"0123456789\",\"phone\":\"0612345678\"},\"employed\"")).text("caseId");
    Api.Response blockage = api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-10-01\",\"blockage\":\"ACCOUNT_LOCKED\",\"note\":\"Mme Traoré n'a plus accès\"}");
    assertThat(blockage.status()).isEqualTo(202);
    JsonNode before = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(before.at("/person/foreignerNumber").asText()).isEqualTo("0123456789");
    assertThat(before.at("/timeline/1/note").asText()).isEqualTo("Mme Traoré n'a plus accès");
    String noteRef = before.at("/timeline/1/noteRef").asText();
    CaseEvent reported = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId)).get(1).value();
    assertThat(((BlockageReported) reported.getPayload()).getNoteRef()).isEqualTo(noteRef);

    Api.Response erased = api.delete("/api/v1/cases/" + caseId + "/identity", a.token());
    assertThat(erased.status()).as(erased.toString()).isEqualTo(202);

    JsonNode after = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(after.get("person").isNull()).isTrue();
    assertThat(after.get("identityErased").asBoolean()).isTrue();
    assertThat(after.at("/timeline/1/note").isNull()).isTrue();
    assertThat(after.get("timeline")).hasSize(3);
    assertThat(after.toString()).doesNotContain("Traoré").doesNotContain("0123456789");
    List<ConsumerRecord<String, CaseEvent>> events = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId));
    assertThat(events.get(events.size() - 1).value().getPayload()).isInstanceOf(CaseErased.class);

    try (Connection c = DriverManager.getConnection(TestIntake.databaseUrl()); Statement s = c.createStatement()) {
      for (String table : new String[] {"case_keys", "identities", "notes"}) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM intake." + table + " WHERE case_id = '" + caseId + "'")) {
          rs.next();
          assertThat(rs.getInt(1)).as(table).isZero();
        }
      }
    }
    assertThat(api.post("/api/v1/cases/" + caseId + "/events", a.token(), "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"2026-11-01\"}")
        .status()).isEqualTo(422);
    assertThat(api.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isEqualTo(422);
  }

  @Test
  void aCaseGetsItsKeyWithItsFirstNoteAndTheKeyIsShreddedLikeAnyOther() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE).text("caseId");
    assertThat(keys(caseId)).as("no personal data, no key").isZero();
    assertThat(api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-10-01\",\"blockage\":\"ACCOUNT_LOCKED\",\"note\":\"Premier signalement\"}")
        .status()).isEqualTo(202);
    assertThat(keys(caseId)).isEqualTo(1);
    assertThat(api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-10-02\",\"blockage\":\"ACCOUNT_LOCKED\",\"note\":\"Second signalement\"}")
        .status()).isEqualTo(202);
    assertThat(keys(caseId)).as("the second note reuses the key").isEqualTo(1);
    JsonNode before = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(before.at("/timeline/1/note").asText()).isEqualTo("Premier signalement");
    assertThat(before.at("/timeline/2/note").asText()).isEqualTo("Second signalement");

    assertThat(api.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isEqualTo(202);
    assertThat(keys(caseId)).isZero();
    JsonNode after = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(after.at("/timeline/1/note").isNull()).isTrue();
    assertThat(after.toString()).doesNotContain("signalement");
  }

  private static int keys(String caseId) throws Exception {
    try (Connection c = DriverManager.getConnection(TestIntake.databaseUrl()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM intake.case_keys WHERE case_id = '" + caseId + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
