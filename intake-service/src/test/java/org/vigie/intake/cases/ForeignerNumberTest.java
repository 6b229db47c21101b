package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/**
 * A person already followed, met again: opening a second case with the same foreigner number says
 * which open case of the association has it, and the case list finds the cases by that number
 * (opened through the API or imported), never another association's, never after the identity is erased.
 */
class ForeignerNumberTest {
  private static final Api API = TestIntake.api();

  @Test
  void aSecondCaseForTheSameNumberNamesTheOpenOneAndTheListFindsThemByNumber() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    TestIntake.Association other = TestIntake.newAssociation(API);
    String number = String.valueOf(7_000_000_000L + (long) (Math.random() * 999_999_999L));
    String spaced = number.substring(0, 2) + " " + number.substring(2, 6) + " " + number.substring(6);

    Api.Response first = open(a, number);
    assertThat(first.json().has("possibleDuplicates")).isFalse();
    String firstId = first.text("caseId");
    Api.Response second = open(a, spaced);
    assertThat(second.json().get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(firstId);
    String secondId = second.text("caseId");

    assertThat(API.post("/api/v1/cases/" + firstId + "/events", a.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}").status()).isEqualTo(202);
    Api.Response third = open(a, number);
    assertThat(third.json().get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(secondId);
    assertThat(open(other, number).json().has("possibleDuplicates")).isFalse();

    Api.Response imported = API.send("POST", "/api/v1/imports", a.token(),
        "nom;numero_etranger;type_titre;date_expiration;demarche;departement\nPersonne Importée;" + spaced
            + ";carte temporaire;01/12/2026;renouvellement;93\n", Map.of("Content-Type", "text/csv"));
    String importedId = imported.json().at("/report/0/caseId").asText();
    assertThat(imported.json().at("/report/0/possibleDuplicates")).extracting(JsonNode::asText)
        .containsExactly(secondId, third.text("caseId"));
    String fresh = String.valueOf(Long.parseLong(number) + 1);
    Api.Response twice = API.send("POST", "/api/v1/imports", a.token(),
        "nom;numero_etranger;type_titre;date_expiration;demarche;departement\nA;" + fresh
            + ";carte temporaire;01/12/2026;renouvellement;93\nB;" + fresh + ";carte temporaire;01/12/2026;renouvellement;94\n"
            + "C;;carte temporaire;01/12/2026;renouvellement;95\n", Map.of("Content-Type", "text/csv"));
    JsonNode lines = twice.json().get("report");
    assertThat(lines.at("/0/possibleDuplicates/0").asText()).isEqualTo(lines.at("/1/caseId").asText());
    assertThat(lines.at("/1/possibleDuplicates/0").asText()).isEqualTo(lines.at("/0/caseId").asText());
    assertThat(lines.get(2).has("possibleDuplicates")).isFalse();

    assertThat(found(a, number)).containsExactlyInAnyOrder(firstId, secondId, third.text("caseId"), importedId);
    assertThat(found(a, spaced)).hasSize(4);
    assertThat(found(other, number)).hasSize(1);

    // The open cases sharing a number, in groups: the first case is closed, the second, third and imported ones are one person.
    String duplicates = PossibleDuplicateRoutes.PATH.replace("{associationId}", a.id());
    Api.Response groups = API.get(duplicates, a.token());
    assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
    assertThat(groups.json().get("groups")).hasSize(2);
    assertThat(groups.json().at("/groups/0/caseIds")).extracting(JsonNode::asText)
        .containsExactly(secondId, third.text("caseId"), importedId);
    assertThat(groups.body()).doesNotContain("Mariam", number);
    assertThat(API.get(duplicates, other.token()).status()).isEqualTo(404);
    assertThat(API.get(duplicates.replace(a.id(), other.id()), other.token()).json().get("groups")).isEmpty();

    assertThat(API.delete("/api/v1/cases/" + secondId + "/identity", a.token()).status()).isIn(200, 202, 204);
    assertThat(found(a, number)).doesNotContain(secondId).hasSize(3);

    Api.Response bad = API.get("/api/v1/cases?foreignerNumber=12ab", a.token());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("field").asText()).isEqualTo("foreignerNumber");
  }

  @Test
  void theIdentityIsGivenOrCorrectedAfterTheOpeningButNeverGivenBackOnceErased() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String volunteer = TestIntake.tokenFor(API, a, TestIntake.newVolunteer(API, a, "VOLUNTEER"));
    String number = String.valueOf(7_000_000_000L + (long) (Math.random() * 999_999_999L));
    String known = open(a, number).text("caseId");
    // A first request: no foreigner number yet, the prefecture gives it later.
    String caseId = TestIntake.newCase(API, a.token());
    String path = "/api/v1/cases/" + caseId + "/person";
    assertThat(listed(a, caseId).get("person").isNull()).as("no identity yet").isTrue();

    Api.Response given = API.put(path, volunteer, "{\"displayName\":\"Fatou Sow\",\"foreignerNumber\":\"" + number + "\","
        + "\"phone\":\"+33 6 98 76 54 32\"}");
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    assertThat(given.text("caseId")).isEqualTo(caseId);
    assertThat(given.json().get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(known);
    assertThat(given.body()).doesNotContain("Fatou", number, "98 76");
    JsonNode person = API.get("/api/v1/cases/" + caseId, a.token()).json().get("person");
    assertThat(person.get("displayName").asText()).isEqualTo("Fatou Sow");
    assertThat(person.get("phone").asText()).isEqualTo("+33 6 98 76 54 32");
    assertThat(found(a, number)).containsExactlyInAnyOrder(known, caseId);
    assertThat(listed(a, caseId).at("/person/displayName").asText()).isEqualTo("Fatou Sow");
    assertThat(listed(a, known).at("/person/displayName").asText()).isEqualTo("Mariam Touré");

    Api.Response corrected = API.put(path, a.token(), "{\"displayName\":\"Fatou Sow Diop\"}");
    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.json().has("possibleDuplicates")).isFalse();
    person = API.get("/api/v1/cases/" + caseId, a.token()).json().get("person");
    assertThat(person.get("displayName").asText()).isEqualTo("Fatou Sow Diop");
    assertThat(person.get("foreignerNumber").isNull()).isTrue();
    assertThat(found(a, number)).containsExactly(known);

    Api.Response empty = API.put(path, a.token(), "{}");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.json().get("field").asText()).isEqualTo("displayName");
    Api.Response badNumber = API.put(path, a.token(), "{\"foreignerNumber\":\"12\"}");
    assertThat(badNumber.status()).isEqualTo(422);
    assertThat(badNumber.json().get("field").asText()).isEqualTo("foreignerNumber");
    assertThat(API.put(path, TestIntake.newAssociation(API).token(), "{\"displayName\":\"X\"}").status()).isEqualTo(404);

    assertThat(API.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isIn(200, 202, 204);
    Api.Response erased = API.put(path, a.token(), "{\"displayName\":\"Fatou Sow\"}");
    assertThat(erased.status()).isEqualTo(409);
    assertThat(API.get("/api/v1/cases/" + caseId, a.token()).json().get("person").isNull()).isTrue();
  }

  /** The case as the case list gives it (its person named by its name only). */
  private static JsonNode listed(TestIntake.Association a, String caseId) {
    for (JsonNode c : API.get("/api/v1/cases?status=all&limit=200", a.token()).json().get("cases")) {
      if (c.get("caseId").asText().equals(caseId)) {
        assertThat(c.path("person").path("foreignerNumber").isMissingNode()).isTrue();
        return c;
      }
    }
    throw new AssertionError("not listed: " + caseId);
  }

  private static Api.Response open(TestIntake.Association a, String number) {
    Api.Response r = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "person":{"displayName":"Mariam Touré","foreignerNumber":"%s"}}""".formatted(number));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  private static List<String> found(TestIntake.Association a, String number) {
    Api.Response r = API.get("/api/v1/cases?status=all&foreignerNumber=" + number.replace(" ", "%20"), a.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("cases").forEach(c -> ids.add(c.get("caseId").asText()));
    return ids;
  }
}
