package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/**
 * A person met again before the prefecture gave them a foreigner number (a first request): opening, giving
 * an identity or importing a line with the same name says which open cases have it, unless both people have
 * numbers (then they are two people, or the number said it already). Coordinators see them in groups.
 */
class PersonNameTest {
  private static final Api API = TestIntake.api();

  @Test
  void aSecondCaseOfTheSameNameWithoutANumberNamesTheOpenOnes() {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String n1 = String.valueOf(7_000_000_000L + (long) (Math.random() * 999_999_999L));
    String n2 = String.valueOf(Long.parseLong(n1) + 1);

    String first = open(a, "Aminata Koné", null).text("caseId");
    Api.Response second = open(a, "KONE Aminata", null);
    assertThat(ids(second.json().get("possibleDuplicatesByName"))).containsExactly(first);
    assertThat(second.json().has("possibleDuplicates")).isFalse();
    assertThat(second.body()).doesNotContain("Aminata", "KONE");
    String secondId = second.text("caseId");

    // With a number: the cases without one may be hers.
    Api.Response third = open(a, "Aminata Koné", n1);
    assertThat(ids(third.json().get("possibleDuplicatesByName"))).containsExactly(first, secondId);
    // Another number: not the third case's person, maybe the first two's.
    Api.Response fourth = open(a, "Aminata Koné", n2);
    assertThat(ids(fourth.json().get("possibleDuplicatesByName"))).containsExactly(first, secondId);
    // The third case's number: said by number, not again by name.
    Api.Response fifth = open(a, "Aminata Koné", n1);
    assertThat(ids(fifth.json().get("possibleDuplicates"))).containsExactly(third.text("caseId"));
    assertThat(ids(fifth.json().get("possibleDuplicatesByName"))).containsExactly(first, secondId);
    // One word: too many people share it.
    assertThat(open(a, "Aminata", null).json().has("possibleDuplicatesByName")).isFalse();
    assertThat(open(TestIntake.newAssociation(API), "Aminata Koné", null).json().has("possibleDuplicatesByName")).isFalse();

    String later = TestIntake.newCase(API, a.token());
    Api.Response given = API.put("/api/v1/cases/" + later + "/person", a.token(), "{\"displayName\":\"Koné Aminata\"}");
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    assertThat(ids(given.json().get("possibleDuplicatesByName"))).hasSize(5).contains(first, secondId).doesNotContain(later);

    Api.Response imported = API.send("POST", "/api/v1/imports", a.token(),
        "nom;numero_etranger;type_titre;date_expiration;demarche;departement\nAMINATA KONÉ;;carte temporaire;01/12/2026;"
            + "renouvellement;93\nMoussa Diarra;;carte temporaire;01/12/2026;renouvellement;93\n", Map.of("Content-Type", "text/csv"));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(ids(imported.json().at("/report/0/possibleDuplicatesByName"))).hasSize(6).contains(first, later);
    assertThat(imported.json().at("/report/1").has("possibleDuplicatesByName")).isFalse();

    // The coordination's groups: the number's (third, fifth), and the name's (all of them, some without a number).
    JsonNode groups = API.get(PossibleDuplicateRoutes.PATH.replace("{associationId}", a.id()), a.token()).json();
    assertThat(groups.get("groups")).hasSize(1);
    assertThat(groups.get("nameGroups")).hasSize(1);
    assertThat(ids(groups.at("/nameGroups/0/caseIds"))).hasSize(7).startsWith(first, secondId);

    // Closed or erased, a case is no one's duplicate any more.
    assertThat(API.post("/api/v1/cases/" + first + "/events", a.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}").status()).isEqualTo(202);
    assertThat(API.delete("/api/v1/cases/" + secondId + "/identity", a.token()).status()).isIn(200, 202, 204);
    assertThat(ids(open(a, "Aminata Koné", null).json().get("possibleDuplicatesByName"))).doesNotContain(first, secondId).hasSize(5);
  }

  private static java.util.List<String> ids(JsonNode array) {
    assertThat(array).as("a list of case ids").isNotNull();
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Api.Response open(TestIntake.Association a, String name, String number) {
    Api.Response r = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"FIRST_REQUEST","department":"93",
         "person":{"displayName":"%s"%s}}""".formatted(name, number == null ? "" : ",\"foreignerNumber\":\"" + number + "\""));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }
}
