package org.vigie.intake.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.schemas.wording.CaseReference;

/**
 * A case's next step with the person (an appointment, a call back): set, moved, listed for the days to
 * come with the person's name for the association's members, in the calendar of the volunteer who
 * follows the case, done; never another association's.
 */
class FollowUpTest {
  private final Api api = TestIntake.api();
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

  private String caseFollowedBy(TestIntake.Association a, String volunteer, String name) {
    return api.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2027-06-01"},"procedure":"RENEWAL","department":"93",
         "assignedVolunteerId":"%s","person":{"displayName":"%s"}}""".formatted(volunteer, name)).text("caseId");
  }

  private static String path(String caseId) {
    return FollowUpRoutes.ONE.replace("{caseId}", caseId);
  }

  @Test
  void aFollowUpIsSetListedForTheDaysToComeAndInTheFollowersCalendarThenDone() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String own = TestIntake.tokenFor(api, a, volunteer);
    String other = TestIntake.tokenFor(api, a, TestIntake.newVolunteer(api, a, "VOLUNTEER"));
    String caseId = caseFollowedBy(a, volunteer, "Awa Traoré");
    assertThat(api.get(path(caseId), own).json().get("followUp").isNull()).isTrue();

    Api.Response set = api.put(path(caseId), own, "{\"dueOn\":\"" + today.plusDays(3) + "\",\"kind\":\"CALL_BACK\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().at("/followUp/kind").asText()).isEqualTo("CALL_BACK");
    Api.Response moved = api.put(path(caseId), own, "{\"dueOn\":\"" + today.plusDays(2) + "\"}");
    assertThat(moved.json().at("/followUp/dueOn").asText()).isEqualTo(today.plusDays(2).toString());
    assertThat(moved.json().at("/followUp/kind").asText()).as("an appointment unless said otherwise").isEqualTo("APPOINTMENT");
    JsonNode listed = api.get("/api/v1/cases", own).json().get("cases");
    assertThat(listed).singleElement().satisfies(c -> assertThat(c.at("/followUp/dueOn").asText()).isEqualTo(today.plusDays(2).toString()));

    JsonNode week = api.get(FollowUpRoutes.LIST, own).json();
    assertThat(week.get("followUps")).singleElement().satisfies(f -> {
      assertThat(f.get("caseId").asText()).isEqualTo(caseId);
      assertThat(f.get("reference").asText()).isEqualTo(CaseReference.of(caseId));
      assertThat(f.at("/person/displayName").asText()).isEqualTo("Awa Traoré");
      assertThat(f.get("assignedVolunteerId").asText()).isEqualTo(volunteer);
    });
    assertThat(api.get(FollowUpRoutes.LIST + "?mine=true", own).json().get("followUps")).hasSize(1);
    assertThat(api.get(FollowUpRoutes.LIST + "?mine=true", other).json().get("followUps")).isEmpty();
    assertThat(api.get(FollowUpRoutes.LIST + "?from=" + today.plusDays(3), own).json().get("followUps")).isEmpty();

    String calendar = api.get(api.post("/api/v1/me/calendar", own, "").text("path"), null).body();
    assertThat(calendar).contains("SUMMARY:Rendez-vous — dossier " + CaseReference.of(caseId))
        .contains("UID:follow-up-" + caseId + "@vigie").doesNotContain("Traoré");

    assertThat(api.delete(path(caseId), own).status()).isEqualTo(204);
    assertThat(api.delete(path(caseId), own).status()).isEqualTo(404);
    assertThat(api.get(FollowUpRoutes.LIST, own).json().get("followUps")).isEmpty();
  }

  @Test
  void aPastDayAnUnknownKindOrAClosedCaseAreRefusedAndAnotherAssociationSeesNothing() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String caseId = caseFollowedBy(a, volunteer, "Ion Popescu");

    Api.Response past = api.put(path(caseId), a.token(), "{\"dueOn\":\"" + today.minusDays(1) + "\"}");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.text("field")).isEqualTo("dueOn");
    Api.Response kind = api.put(path(caseId), a.token(), "{\"dueOn\":\"" + today + "\",\"kind\":\"PARTY\"}");
    assertThat(kind.status()).isIn(400, 422);
    assertThat(kind.text("field")).isEqualTo("kind");

    assertThat(api.put(path(caseId), a.token(), "{\"dueOn\":\"" + today + "\"}").status()).isEqualTo(200);
    TestIntake.Association b = TestIntake.newAssociation(api);
    assertThat(api.get(path(caseId), b.token()).status()).isEqualTo(404);
    assertThat(api.put(path(caseId), b.token(), "{\"dueOn\":\"" + today + "\"}").status()).isEqualTo(404);
    assertThat(api.delete(path(caseId), b.token()).status()).isEqualTo(404);
    assertThat(api.get(FollowUpRoutes.LIST, b.token()).json().get("followUps")).isEmpty();

    assertThat(api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + today + "\"}").status()).isEqualTo(202);
    assertThat(api.get(FollowUpRoutes.LIST, a.token()).json().get("followUps")).as("a closed case's is not listed").isEmpty();
    Api.Response closed = api.put(path(caseId), a.token(), "{\"dueOn\":\"" + today + "\"}");
    assertThat(closed.status()).isEqualTo(409);
  }

  @Test
  void anErasedCaseHasNoNextStepListedNorPlanned() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String caseId = caseFollowedBy(a, volunteer, "Nadia Haddad");
    assertThat(api.put(path(caseId), a.token(), "{\"dueOn\":\"" + today + "\"}").status()).isEqualTo(200);
    assertThat(api.get(FollowUpRoutes.LIST, a.token()).json().get("followUps")).hasSize(1);

    assertThat(api.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isEqualTo(202);
    assertThat(api.get(FollowUpRoutes.LIST, a.token()).json().get("followUps")).as("an erased case's is not listed").isEmpty();
    Api.Response erased = api.put(path(caseId), a.token(), "{\"dueOn\":\"" + today + "\"}");
    assertThat(erased.status()).isEqualTo(409);
    assertThat(erased.text("field")).isEqualTo("caseId");
  }
}
