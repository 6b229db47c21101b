package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.topics.Topics;

/**
 * An association leaves the federation: the administrator closes it by its exact name; its tokens stop
 * working, its volunteers are deactivated for the notifier, every case of it is erased as retention erases
 * one (once, even when closed again), and it takes no new volunteer nor token.
 */
class AssociationClosureTest {
  private static final Api API = TestIntake.api();

  @Test
  void aClosedAssociationKeepsNoIdentityNoTokenAndNoVolunteer() throws Exception {
    String name = "Permanence qui ferme " + java.util.UUID.randomUUID();
    Api.Response created = API.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{\"name\":\"" + name + "\"}");
    TestIntake.Association a = new TestIntake.Association(created.text("associationId"), created.text("token"));
    String volunteer = TestIntake.newVolunteer(API, a, "VOLUNTEER");
    String volunteerToken = TestIntake.tokenFor(API, a, volunteer);
    String first = openWithIdentity(a, "Aminata Koné");
    String second = openWithIdentity(a, "Moussa Diarra");
    assertThat(API.post("/api/v1/cases/" + second + "/events", a.token(), "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-11-02\","
        + "\"blockage\":\"ACCOUNT_LOCKED\",\"note\":\"Rappeler lundi\"}").status()).isEqualTo(202);
    String erasedBefore = openWithIdentity(a, "Déjà Effacée");
    assertThat(API.delete("/api/v1/cases/" + erasedBefore + "/identity", a.token()).status()).isIn(200, 202, 204);
    TestIntake.Association other = TestIntake.newAssociation(API);
    String untouched = openWithIdentity(other, "Fatou Sow");
    String path = AssociationClosureRoutes.PATH.replace("{associationId}", a.id());

    assertThat(API.post(path, a.token(), "{\"confirm\":\"" + name + "\"}").status()).as("the administrator only").isEqualTo(403);
    Api.Response wrong = API.post(path, TestIntake.ADMIN_TOKEN, "{\"confirm\":\"Permanence\"}");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().get("field").asText()).isEqualTo("confirm");
    assertThat(API.post(path, TestIntake.ADMIN_TOKEN, "{}").json().get("field").asText()).isEqualTo("confirm");
    assertThat(API.post(path.replace(a.id(), java.util.UUID.randomUUID().toString()), TestIntake.ADMIN_TOKEN,
        "{\"confirm\":\"" + name + "\"}").status()).isEqualTo(404);
    assertThat(API.get("/api/v1/cases/" + first, volunteerToken).status()).as("nothing done yet").isEqualTo(200);

    Api.Response closed = API.post(path, TestIntake.ADMIN_TOKEN, "{\"confirm\":\"" + name + "\"}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(closed.json().get("casesErased").asInt()).isEqualTo(2);
    assertThat(closed.json().get("casesLeft").asInt()).isZero();
    assertThat(closed.json().get("volunteersDeactivated").asInt()).isEqualTo(1);
    assertThat(closed.json().get("tokensRevoked").asInt()).isEqualTo(2);

    assertThat(API.get("/api/v1/cases", a.token()).status()).isEqualTo(401);
    assertThat(API.get("/api/v1/cases", volunteerToken).status()).isEqualTo(401);
    for (String caseId : List.of(first, second, erasedBefore)) {
      assertThat(count("SELECT count(*) FROM intake.case_keys WHERE case_id = '" + caseId + "'")).isZero();
      assertThat(count("SELECT count(*) FROM intake.identities WHERE case_id = '" + caseId + "'")).isZero();
      assertThat(count("SELECT count(*) FROM intake.notes WHERE case_id = '" + caseId + "'")).isZero();
      assertThat(count("SELECT count(*) FROM intake.cases WHERE identity_erased AND case_id = '" + caseId + "'")).isOne();
    }
    assertThat(count("SELECT count(*) FROM intake.identities WHERE case_id = '" + untouched + "'")).isOne();
    assertThat(API.get("/api/v1/cases/" + untouched, other.token()).json().at("/person/displayName").asText()).isEqualTo("Fatou Sow");
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.value() != null && r.value().getPayload() instanceof CaseErased
        && List.of(first, second).contains(r.key()))).extracting(r -> ((CaseEvent) r.value()).getRecordedBy()).containsOnly("system");
    assertThat(TopicReader.readAll(Topics.DIRECTORY, r -> volunteer.equals(r.key())))
        .last().satisfies(r -> assertThat(((DirectoryEntry) r.value()).getActive()).isFalse());

    JsonNode listed = null;
    for (JsonNode x : API.get("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN).json().get("associations")) {
      if (x.get("associationId").asText().equals(a.id())) {
        listed = x;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("closedAt").asText()).isEqualTo(closed.text("closedAt"));
    assertThat(listed.get("openCases").asInt()).as("erased cases are followed no more").isZero();
    assertThat(API.post("/api/v1/associations/" + a.id() + "/tokens", TestIntake.ADMIN_TOKEN, "{}").status()).isEqualTo(409);
    assertThat(API.post("/api/v1/associations/" + a.id() + "/volunteers", TestIntake.ADMIN_TOKEN,
        "{\"displayName\":\"X\",\"email\":\"x@example.org\"}").status()).isEqualTo(409);

    Api.Response again = API.post(path, TestIntake.ADMIN_TOKEN, "{\"confirm\":\"" + name + "\"}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("closedAt")).isEqualTo(closed.text("closedAt"));
    assertThat(again.json().get("casesErased").asInt()).isZero();
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.value() != null && r.value().getPayload() instanceof CaseErased
        && first.equals(r.key()))).as("one erasure event").hasSize(1);
  }

  @Test
  void aNameInServiceIsNotGivenTwiceAClosedAssociationsIs() {
    String name = "Permanence du quai " + java.util.UUID.randomUUID();
    Api.Response first = API.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{\"name\":\"" + name + "\"}");
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Api.Response again = API.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{\"name\":\" " + name.toUpperCase() + " \"}");
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.text("field")).isEqualTo("name");
    assertThat(again.text("detail")).startsWith("Une association en service porte déjà le nom");

    Api.Response closed = API.post("/api/v1/admin/associations/" + first.text("associationId") + "/closure", TestIntake.ADMIN_TOKEN,
        "{\"confirm\":\"" + name + "\"}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    Api.Response reused = API.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{\"name\":\"" + name + "\"}");
    assertThat(reused.status()).as("the name of an association that left, " + reused).isEqualTo(201);
  }

  @Test
  void anAssociationOfManyCasesIsErasedInBatchesEachCaseOnce() throws Exception {
    String name = "Grande permanence " + java.util.UUID.randomUUID();
    Api.Response created = API.post("/api/v1/admin/associations", TestIntake.ADMIN_TOKEN, "{\"name\":\"" + name + "\"}");
    String associationId = created.text("associationId");
    int many = 2 * IntakeErasure.BATCH + 50;
    StringBuilder sheet = new StringBuilder("nom;numero_etranger;type_titre;date_expiration;demarche;departement\n");
    for (int i = 0; i < many; i++) {
      sheet.append("Personne ").append(i).append(" Test;;carte temporaire;01/12/2027;renouvellement;93\n");
    }
    Api.Response imported = API.send("POST", "/api/v1/imports", created.text("token"), sheet.toString(),
        java.util.Map.of("Content-Type", "text/csv"));
    assertThat(imported.json().get("accepted").asInt()).as(imported.toString()).isEqualTo(many);

    Api.Response closed = API.post(AssociationClosureRoutes.PATH.replace("{associationId}", associationId), TestIntake.ADMIN_TOKEN,
        "{\"confirm\":\"" + name + "\"}");
    assertThat(closed.json().get("casesErased").asInt()).as(closed.toString()).isEqualTo(many);
    assertThat(count("SELECT count(*) FROM intake.identities i JOIN intake.cases c ON c.case_id = i.case_id"
        + " WHERE c.association_id = '" + associationId + "'")).isZero();
    assertThat(count("SELECT count(*) FROM intake.case_events e JOIN intake.cases c ON c.case_id = e.case_id"
        + " WHERE c.association_id = '" + associationId + "' AND e.type = 'CASE_ERASED'")).isEqualTo(many);
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.value() != null && r.value().getPayload() instanceof CaseErased
        && associationId.equals(r.value().getAssociationId()))).hasSize(many);
  }

  private static String openWithIdentity(TestIntake.Association a, String name) {
    Api.Response r = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "person":{"displayName":"%s","foreignerNumber":"7512345670"}}""".formatted(name));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("caseId");
  }

  private static long count(String sql) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(TestIntake.databaseUrl()); var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
