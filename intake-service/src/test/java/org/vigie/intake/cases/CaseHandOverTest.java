package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.VolunteerAssigned;
import org.vigie.schemas.topics.Topics;

/** A volunteer leaves: the coordination hands every open case they followed over to another, in one request. */
class CaseHandOverTest {
  private final Api api = TestIntake.api();
  private final TestIntake.Association a = TestIntake.newAssociation(api);
  private final String leaving = TestIntake.newVolunteer(api, a, "VOLUNTEER");
  private final String successor = TestIntake.newVolunteer(api, a, "VOLUNTEER");

  private String caseOf(String volunteer) {
    Api.Response r = api.post("/api/v1/cases", a.token(),
        TestIntake.RENEWAL_CASE.replace("\"employed\"", "\"assignedVolunteerId\":\"" + volunteer + "\",\"employed\""));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("caseId");
  }

  private Api.Response handOver(String token, String from, String to, String key) {
    String body = "{\"fromVolunteerId\":\"" + from + "\",\"toVolunteerId\":\"" + to + "\"}";
    return api.send("POST", "/api/v1/cases/reassignments", token, body,
        key == null ? Map.of("Content-Type", "application/json") : Map.of("Content-Type", "application/json", "Idempotency-Key", key));
  }

  private List<String> assignmentsOf(String caseId) {
    List<String> out = new ArrayList<>();
    for (var r : TopicReader.readAll(Topics.CASE_EVENTS, x -> x.key().equals(caseId))) {
      CaseEvent e = r.value();
      if (e.getPayload() instanceof VolunteerAssigned v) {
        out.add(v.getVolunteerId());
      }
    }
    return out;
  }

  @Test
  void everyOpenCaseOfADeactivatedVolunteerGoesToTheSuccessorOnce() {
    List<String> open = List.of(caseOf(leaving), caseOf(leaving), caseOf(leaving));
    String closed = caseOf(leaving);
    assertThat(api.post("/api/v1/cases/" + closed + "/events", a.token(), "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}")
        .status()).isEqualTo(202);
    String others = caseOf(successor);
    assertThat(api.delete("/api/v1/associations/" + a.id() + "/volunteers/" + leaving, a.token()).status()).isEqualTo(200);

    String key = UUID.randomUUID().toString();
    Api.Response r = handOver(a.token(), leaving, successor, key);

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    JsonNode body = r.json();
    assertThat(body.get("reassigned").asInt()).isEqualTo(3);
    assertThat(body.get("caseIds")).extracting(JsonNode::asText).containsExactlyElementsOf(open);
    assertThat(body.get("eventIds")).hasSize(3);
    for (String caseId : open) {
      assertThat(api.get("/api/v1/cases/" + caseId, a.token()).text("assignedVolunteerId")).isEqualTo(successor);
      assertThat(assignmentsOf(caseId)).containsExactly(successor);
    }
    assertThat(api.get("/api/v1/cases/" + closed + "", a.token()).text("assignedVolunteerId")).as("a closed case stays as it was")
        .isEqualTo(leaving);
    assertThat(api.get("/api/v1/cases?status=open&assignedVolunteerId=" + successor, a.token()).json().get("total").asInt())
        .isEqualTo(4);
    assertThat(assignmentsOf(others)).isEmpty();

    Api.Response again = handOver(a.token(), leaving, successor, key);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json()).as("the same key answers the same, writes nothing").isEqualTo(body);
    assertThat(assignmentsOf(open.get(0))).hasSize(1);
    Api.Response nothingLeft = handOver(a.token(), leaving, successor, null);
    assertThat(nothingLeft.json().get("reassigned").asInt()).isZero();
  }

  @Test
  void refusalsNameTheirField() {
    caseOf(leaving);
    String coordinator = TestIntake.newVolunteer(api, a, "COORDINATOR");
    assertThat(handOver(TestIntake.tokenFor(api, a, leaving), leaving, successor, null).status())
        .as("for the coordination only").isEqualTo(403);
    assertThat(handOver(a.token(), leaving, leaving, null).text("field")).isEqualTo("toVolunteerId");
    assertThat(handOver(a.token(), UUID.randomUUID().toString(), successor, null).text("field")).isEqualTo("fromVolunteerId");
    assertThat(api.delete("/api/v1/associations/" + a.id() + "/volunteers/" + successor, a.token()).status()).isEqualTo(200);
    Api.Response toInactive = handOver(TestIntake.tokenFor(api, a, coordinator), leaving, successor, null);
    assertThat(toInactive.status()).isEqualTo(422);
    assertThat(toInactive.text("field")).isEqualTo("toVolunteerId");
    Api.Response missing = api.post("/api/v1/cases/reassignments", a.token(), "{\"fromVolunteerId\":\"" + leaving + "\"}");
    assertThat(missing.status()).isBetween(400, 422);
    assertThat(missing.text("field")).isEqualTo("toVolunteerId");
    assertThat(api.get("/api/v1/cases?assignedVolunteerId=" + leaving, a.token()).json().get("total").asInt())
        .as("nothing handed over").isEqualTo(1);
  }
}
