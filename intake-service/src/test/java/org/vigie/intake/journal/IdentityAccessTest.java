package org.vigie.intake.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import com.zaxxer.hikari.HikariDataSource;
import java.time.ZoneId;
import org.vigie.audit.retention.ErasureActions;
import org.vigie.audit.retention.RetentionPolicy;
import org.vigie.intake.IntakeService;
import org.vigie.intake.audit.RetentionSchedule;
import org.vigie.platform.db.Databases;
import org.vigie.schemas.CaseEvent;
import org.junit.jupiter.api.Test;
import org.vigie.intake.cases.CaseExportRoutes;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/**
 * Who saw or changed a person's identity is journaled, without the identity: a case shown, a timeline
 * naming the person, an identity corrected, the case list exported; coordinators read the journal of a
 * case or of the association; a case without identity leaves no trace; a year later it is deleted.
 */
class IdentityAccessTest {
  private static final Api API = TestIntake.api();

  @Test
  void eachAccessToAnIdentityIsJournaledAndCoordinatorsReadIt() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String volunteerId = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    String volunteer = TestIntake.tokenFor(API, a, volunteerId);
    String caseId = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "person":{"displayName":"Aminata Koné","foreignerNumber":"7512345670"}}""").text("caseId");
    String anonymous = TestIntake.newCase(API, a.token());

    assertThat(API.get("/api/v1/cases/" + caseId, volunteer).status()).isEqualTo(200);
    assertThat(API.get("/api/v1/cases/" + anonymous, volunteer).status()).isEqualTo(200);
    assertThat(API.get("/api/v1/cases/" + caseId + "/timeline?format=json", a.token()).status()).isEqualTo(200);
    assertThat(API.get("/api/v1/cases/" + caseId + "/timeline?format=pdf", a.token()).status()).isEqualTo(200);
    assertThat(API.put("/api/v1/cases/" + caseId + "/person", volunteer, "{\"displayName\":\"Aminata Koné Traoré\"}").status())
        .isEqualTo(200);
    assertThat(API.get(CaseExportRoutes.PATH.replace("{associationId}", a.id()), a.token()).status()).isEqualTo(200);

    Api.Response ofCase = API.get("/api/v1/cases/" + caseId + "/identity-accesses", a.token());
    assertThat(ofCase.status()).as(ofCase.toString()).isEqualTo(200);
    assertThat(actions(ofCase)).containsExactly("IDENTITY_CHANGED", "TIMELINE", "CASE_VIEWED");
    JsonNode viewed = ofCase.json().at("/accesses/2");
    assertThat(viewed.get("by").asText()).isEqualTo(volunteerId);
    assertThat(viewed.get("byName").asText()).isEqualTo("Bénévole");
    assertThat(viewed.get("caseId").asText()).isEqualTo(caseId);
    assertThat(ofCase.json().at("/accesses/1/by").asText()).isEqualTo("association");
    assertThat(ofCase.body()).doesNotContain("Aminata", "7512345670");
    assertThat(actions(API.get("/api/v1/cases/" + anonymous + "/identity-accesses", a.token()))).isEmpty();

    String path = IdentityAccessRoutes.OF_ASSOCIATION.replace("{associationId}", a.id());
    Api.Response all = API.get(path, a.token());
    assertThat(actions(all)).containsExactly("EXPORT", "IDENTITY_CHANGED", "TIMELINE", "CASE_VIEWED");
    assertThat(all.json().at("/accesses/0/cases").asInt()).isEqualTo(2);
    assertThat(all.json().at("/accesses/0/caseId").isNull()).isTrue();
    Api.Response page = API.get(path + "?limit=1&offset=1", a.token());
    assertThat(actions(page)).containsExactly("IDENTITY_CHANGED");
    assertThat(page.json().get("total").asInt()).isEqualTo(4);
    assertThat(page.json().get("nextOffset").asInt()).isEqualTo(2);

    assertThat(API.get("/api/v1/cases/" + caseId + "/identity-accesses", volunteer).status()).isEqualTo(403);
    TestIntake.Association other = TestIntake.newAssociation(API);
    assertThat(API.get("/api/v1/cases/" + caseId + "/identity-accesses", other.token()).status()).isEqualTo(404);
    assertThat(API.get(path, other.token()).status()).isEqualTo(404);
  }

  @Test
  void theJournalIsKeptAYear() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "person":{"displayName":"Ancienne Consultation"}}""").text("caseId");
    API.get("/api/v1/cases/" + caseId, a.token());
    API.get("/api/v1/cases/" + caseId, a.token());
    try (Connection c = DriverManager.getConnection(TestIntake.databaseUrl()); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE intake.identity_accesses SET accessed_at = accessed_at - interval '366 days' WHERE case_id = '"
          + caseId + "' AND access_id = (SELECT min(access_id) FROM intake.identity_accesses WHERE case_id = '" + caseId + "')");
    }
    // The daily retention run: it erases nothing here (every case was active today), and purges the journal.
    try (HikariDataSource ds = Databases.pool(TestIntake.databaseUrl(), null, null, IntakeService.SCHEMA, 2)) {
      ErasureActions none = new ErasureActions() {
        @Override public void shredIdentityKey(String id) { throw new AssertionError(id); }
        @Override public void purgeReadModels(String id) { throw new AssertionError(id); }
        @Override public void publish(CaseEvent erased) { throw new AssertionError(erased); }
      };
      Clock now = Clock.system(ZoneId.of("Europe/Paris"));
      new RetentionSchedule(Databases.jdbi(ds), RetentionPolicy.defaults(), none, new IdentityAccesses(now), now).runOnce();
    }
    assertThat(actions(API.get("/api/v1/cases/" + caseId + "/identity-accesses", a.token()))).containsExactly("CASE_VIEWED");
    assertThat(IdentityAccesses.KEPT).isEqualTo(Duration.ofDays(365));
  }

  private static List<String> actions(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("accesses").forEach(x -> out.add(x.get("action").asText()));
    return out;
  }
}
