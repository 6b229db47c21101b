package org.vigie.intake.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.topics.Topics;

class AssociationSettingsTest {
  private final Api api = TestIntake.api();

  private static String path(TestIntake.Association a) {
    return "/api/v1/associations/" + a.id() + "/settings";
  }

  private static List<AssociationSettings> published(TestIntake.Association a) {
    return TopicReader.readAll(Topics.ASSOCIATION_SETTINGS, r -> r.key().equals(a.id())).stream().map(ConsumerRecord::value).toList();
  }

  private static JsonNode threshold(JsonNode settings, String rule, String name) {
    for (JsonNode r : settings.get("rules")) {
      if (r.get("rule").asText().equals(rule)) {
        for (JsonNode t : r.get("thresholds")) {
          if (t.get("name").asText().equals(name)) {
            return t;
          }
        }
      }
    }
    throw new AssertionError(rule + "." + name + " not listed");
  }

  @Test
  void aCoordinatorChangesTheSettingsAndTheRulesReadThemAsSaved() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    JsonNode before = api.get(path(a), a.token()).json();
    assertThat(before.get("disabledRules")).isEmpty();
    assertThat(before.get("thresholds")).isEmpty();
    assertThat(before.get("updatedAt").isNull()).isTrue();
    assertThat(before.get("rules")).hasSize(RuleId.values().length);
    assertThat(threshold(before, "RENEWAL_DEADLINE", "warnDays").get("default").asInt()).isEqualTo(30);
    assertThat(threshold(before, "RENEWAL_DEADLINE", "warnDays").get("value").asInt()).isEqualTo(30);

    Api.Response saved = api.put(path(a), a.token(),
        "{\"disabledRules\":[\"CCC_UNANSWERED\"],\"thresholds\":{\"RENEWAL_DEADLINE.warnDays\":45,\"IMPLICIT_REJECTION.silenceMonths\":2}}");
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonNode after = saved.json();
    assertThat(threshold(after, "RENEWAL_DEADLINE", "warnDays").get("value").asInt()).isEqualTo(45);
    assertThat(after.at("/thresholds/RENEWAL_DEADLINE.warnDays").asInt()).isEqualTo(45);
    assertThat(after.get("updatedAt").isNull()).isFalse();
    assertThat(after.get("rules").findValues("enabled").stream().filter(e -> !e.asBoolean()).count()).isEqualTo(1);
    assertThat(api.get(path(a), a.token()).json()).as("read back as answered").isEqualTo(after);

    // What the rules-service reads from the topic gives the settings the coordinator saved.
    List<AssociationSettings> records = published(a);
    assertThat(records).hasSize(1);
    RuleSettings inForce = RuleEngine.standard().defaults().with(records.get(0));
    assertThat(inForce.threshold(RuleId.RENEWAL_DEADLINE, "warnDays")).isEqualTo(45);
    assertThat(inForce.threshold(RuleId.IMPLICIT_REJECTION, "silenceMonths")).isEqualTo(2);
    assertThat(inForce.threshold(RuleId.API_EXPIRING, "warnDays")).as("left out: the default").isEqualTo(30);
    assertThat(inForce.enabled(RuleId.CCC_UNANSWERED)).isFalse();
    assertThat(records.get(0).getUpdatedAt().toString()).isEqualTo(after.get("updatedAt").asText());

    // A new PUT replaces everything: what it leaves out is back to the default.
    JsonNode reset = api.put(path(a), a.token(), "{\"thresholds\":{\"RENEWAL_DEADLINE.warnDays\":null}}").json();
    assertThat(reset.get("disabledRules")).isEmpty();
    assertThat(reset.get("thresholds")).isEmpty();
    records = published(a);
    assertThat(records).hasSize(2);
    assertThat(records.get(1).getDisabledRules()).isEmpty();
    assertThat(records.get(1).getThresholds()).isEmpty();
    assertThat(records.get(1).getUpdatedAt()).isAfter(records.get(0).getUpdatedAt());
  }

  @Test
  void refusedChangesNameTheirFieldAndPublishNothing() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteerToken = TestIntake.tokenFor(api, a, TestIntake.newVolunteer(api, a, "VOLUNTEER"));
    assertThat(api.get(path(a), volunteerToken).status()).as("every member reads them").isEqualTo(200);
    assertThat(api.put(path(a), volunteerToken, "{}").status()).as("coordinators change them").isEqualTo(403);

    Map<String, String> refused = Map.of(
        "{\"disabledRules\":[\"NO_SUCH_RULE\"]}", "422 disabledRules",
        "{\"disabledRules\":\"API_EXPIRED\"}", "400 disabledRules",
        "{\"thresholds\":{\"RENEWAL_DEADLINE.nope\":3}}", "422 thresholds.RENEWAL_DEADLINE.nope",
        "{\"thresholds\":{\"API_EXPIRING.warnDays\":-1}}", "422 thresholds.API_EXPIRING.warnDays",
        "{\"thresholds\":{\"API_EXPIRING.warnDays\":\"30\"}}", "400 thresholds.API_EXPIRING.warnDays",
        "{\"thresholds\":{\"API_EXPIRING.warnDays\":7.5}}", "400 thresholds.API_EXPIRING.warnDays",
        "{\"thresholds\":{\"CCC_UNANSWERED.minAttempts\":0}}", "422 thresholds.CCC_UNANSWERED.minAttempts",
        "{\"thresholds\":{\"HEALTH_COVER_CLOSING.coverMonths\":121}}", "422 thresholds.HEALTH_COVER_CLOSING.coverMonths",
        "{\"thresholds\":[]}", "400 thresholds",
        "{\"disabled\":[]}", "400 disabled");
    refused.forEach((body, expected) -> {
      Api.Response fr = api.put(path(a), a.token(), body);
      assertThat(fr.status() + " " + fr.text("field")).as(body).isEqualTo(expected);
      assertThat(fr.contentType()).startsWith("application/problem+json");
      assertThat(fr.text("detail")).as(body).contains(fr.text("field")).containsIgnoringCase("champ");
      Api.Response en = api.send("PUT", path(a), a.token(), body, Map.of("Accept-Language", "en"));
      assertThat(en.text("detail")).as(body).contains(en.text("field")).containsIgnoringCase("field");
    });
    assertThat(published(a)).isEmpty();
    assertThat(api.get(path(a), a.token()).json().get("updatedAt").isNull()).isTrue();
  }

  @Test
  void aRepeatedRequestIsPublishedOnce() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    String body = "{\"disabledRules\":[\"API_EXPIRED\"]}";
    Api.Response first = api.send("PUT", path(a), a.token(), body, key);
    Api.Response again = api.send("PUT", path(a), a.token(), body, key);
    assertThat(first.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(published(a)).hasSize(1);
  }

  @Test
  void aTokenSaysWhoItIs() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    JsonNode association = api.get("/api/v1/me", a.token()).json();
    assertThat(association.get("associationId").asText()).isEqualTo(a.id());
    assertThat(association.get("role").asText()).isEqualTo("COORDINATOR");
    assertThat(association.get("volunteerId").isNull()).isTrue();
    JsonNode member = api.get("/api/v1/me", TestIntake.tokenFor(api, a, volunteer)).json();
    assertThat(member.get("role").asText()).isEqualTo("VOLUNTEER");
    assertThat(member.get("volunteerId").asText()).isEqualTo(volunteer);
    JsonNode admin = api.get("/api/v1/me", TestIntake.ADMIN_TOKEN).json();
    assertThat(admin.get("role").asText()).isEqualTo("ADMIN");
    assertThat(admin.get("associationId").isNull()).isTrue();
    assertThat(api.get("/api/v1/me", "nope").status()).isEqualTo(401);
  }
}
