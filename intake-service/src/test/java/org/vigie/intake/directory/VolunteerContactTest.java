package org.vigie.intake.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.WebhookFormat;
import org.vigie.schemas.topics.Topics;

/** A volunteer's contact preferences: set through the API, published in the directory the notifier reads. */
class VolunteerContactTest {
  private final Api api = TestIntake.api();

  private static DirectoryEntry latest(String volunteerId) {
    List<DirectoryEntry> entries = TopicReader.readAll(Topics.DIRECTORY, r -> r.key().equals(volunteerId)).stream()
        .map(ConsumerRecord::value).toList();
    return entries.get(entries.size() - 1);
  }

  private static String path(TestIntake.Association a, String volunteerId) {
    return "/api/v1/associations/" + a.id() + "/volunteers/" + volunteerId;
  }

  @Test
  void preferencesGivenOrChangedReachTheDirectoryAndTheSecretIsShownOnce() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    Api.Response created = api.post("/api/v1/associations/" + a.id() + "/volunteers", a.token(), """
        {"displayName":"Camille","email":"camille-%s@asso.example","webhookUrl":"https://chat.example.org/hooks/1",
         "language":"en","timeZone":"America/Cayenne","quietHours":{"from":"22:00","to":"07:30"},"dailyDigest":true}"""
        .formatted(System.nanoTime()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String volunteer = created.text("volunteerId");
    String secret = created.text("webhookSecret");
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

    DirectoryEntry entry = latest(volunteer);
    assertThat(entry.getWebhookUrl()).isEqualTo("https://chat.example.org/hooks/1");
    assertThat(entry.getWebhookSecret()).isEqualTo(secret);
    assertThat(entry.getLanguage()).isEqualTo("en");
    assertThat(entry.getTimeZone()).isEqualTo("America/Cayenne");
    assertThat(entry.getQuietHoursStartMinute()).isEqualTo(22 * 60);
    assertThat(entry.getQuietHoursEndMinute()).isEqualTo(7 * 60 + 30);
    assertThat(entry.getDailyDigest()).isTrue();
    assertThat(entry.getWebhookFormat()).as("the default").isEqualTo(WebhookFormat.STANDARD);

    // The volunteer changes their own preferences; what they leave out is unchanged.
    String own = TestIntake.tokenFor(api, a, volunteer);
    Api.Response changed = api.send("PATCH", path(a, volunteer), own, "{\"quietHours\":null,\"language\":\"fr\"}", Map.of());
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("quietHours").isNull()).isTrue();
    assertThat(changed.text("language")).isEqualTo("fr");
    assertThat(changed.text("webhookUrl")).isEqualTo("https://chat.example.org/hooks/1");
    assertThat(changed.json().has("webhookSecret")).as("no new secret, none shown").isFalse();
    entry = latest(volunteer);
    assertThat(entry.getQuietHoursStartMinute()).isNull();
    assertThat(entry.getLanguage()).isEqualTo("fr");
    assertThat(entry.getWebhookSecret()).isEqualTo(secret);
    assertThat(entry.getDailyDigest()).isTrue();

    // A team chat's incoming webhook: the message as text.
    Api.Response chat = api.send("PATCH", path(a, volunteer), own, "{\"webhookFormat\":\"CHAT\"}", Map.of());
    assertThat(chat.text("webhookFormat")).isEqualTo("CHAT");
    assertThat(latest(volunteer).getWebhookFormat()).isEqualTo(WebhookFormat.CHAT);
    assertThat(api.send("PATCH", path(a, volunteer), own, "{\"language\":\"fr\"}", Map.of()).text("webhookFormat")).isEqualTo("CHAT");

    String moved = api.send("PATCH", path(a, volunteer), own, "{\"webhookUrl\":\"https://chat.example.org/hooks/2\"}", Map.of())
        .text("webhookSecret");
    assertThat(moved).startsWith("whsec_").isNotEqualTo(secret);
    String rotated = api.send("PATCH", path(a, volunteer), a.token(), "{\"rotateWebhookSecret\":true}", Map.of()).text("webhookSecret");
    assertThat(rotated).startsWith("whsec_").isNotEqualTo(moved);
    assertThat(latest(volunteer).getWebhookSecret()).isEqualTo(rotated);

    assertThat(api.send("PATCH", path(a, volunteer), own, "{\"webhookUrl\":null,\"displayName\":\"Camille B.\"}", Map.of()).status())
        .isEqualTo(200);
    entry = latest(volunteer);
    assertThat(entry.getWebhookUrl()).isNull();
    assertThat(entry.getWebhookSecret()).isNull();
    assertThat(entry.getDisplayName()).isEqualTo("Camille B.");
    assertThat(entry.getActive()).isTrue();

    JsonNode listed = api.get("/api/v1/associations/" + a.id() + "/volunteers", a.token()).json();
    assertThat(listed.toString()).doesNotContain("whsec_").contains("\"dailyDigest\":true").contains("Camille B.");
  }

  @Test
  void changesMadeAtOnceAreAllKeptAndTheDirectoryEndsWithAllOfThem() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    List<String> bodies = List.of("{\"timeZone\":\"Europe/Berlin\"}", "{\"dailyDigest\":true}",
        "{\"quietHours\":{\"from\":\"21:00\",\"to\":\"06:00\"}}", "{\"language\":\"en\"}", "{\"displayName\":\"Renommée\"}");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(bodies.size());
    try {
      List<java.util.concurrent.Future<Api.Response>> sent = new java.util.ArrayList<>();
      for (String body : bodies) {
        sent.add(pool.submit(() -> api.send("PATCH", path(a, volunteer), a.token(), body, Map.of())));
      }
      for (java.util.concurrent.Future<Api.Response> r : sent) {
        assertThat(r.get().status()).as(r.get().toString()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    DirectoryEntry entry = latest(volunteer);
    assertThat(entry.getTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(entry.getDailyDigest()).isTrue();
    assertThat(entry.getQuietHoursStartMinute()).isEqualTo(21 * 60);
    assertThat(entry.getLanguage()).isEqualTo("en");
    assertThat(entry.getDisplayName()).isEqualTo("Renommée");
    assertThat(api.get("/api/v1/associations/" + a.id() + "/volunteers", a.token()).body())
        .contains("Europe/Berlin").contains("\"from\":\"21:00\"").contains("Renommée").contains("\"language\":\"en\"");
  }

  @Test
  void aVolunteerChangesOnlyTheirOwnAndBadValuesNameTheirField() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String other = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String own = TestIntake.tokenFor(api, a, volunteer);
    assertThat(api.send("PATCH", path(a, other), own, "{\"dailyDigest\":true}", Map.of()).status()).isEqualTo(403);
    String otherEmail = api.get("/api/v1/associations/" + a.id() + "/volunteers", a.token()).json().findValues("email").stream()
        .map(JsonNode::asText).filter(e -> !e.isEmpty()).toList().get(1);

    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("{\"webhookUrl\":\"http://chat.example.org/x\"}", "422 webhookUrl");
    refused.put("{\"webhookUrl\":\"ftp://chat.example.org/x\"}", "422 webhookUrl");
    refused.put("{\"webhookUrl\":\"https://me:pw@chat.example.org/x\"}", "422 webhookUrl");
    refused.put("{\"webhookUrl\":\"not a url\"}", "422 webhookUrl");
    refused.put("{\"webhookUrl\":42}", "400 webhookUrl");
    refused.put("{\"webhookFormat\":\"SLACK\"}", "422 webhookFormat");
    refused.put("{\"language\":\"de\"}", "422 language");
    refused.put("{\"timeZone\":\"Mars/Olympus\"}", "422 timeZone");
    refused.put("{\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\"}}", "422 quietHours.from");
    refused.put("{\"quietHours\":{\"from\":\"22:00\"}}", "400 quietHours.to");
    refused.put("{\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\"}}", "422 quietHours.to");
    refused.put("{\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\",\"days\":5}}", "400 quietHours.days");
    refused.put("{\"quietHours\":\"22-7\"}", "400 quietHours");
    refused.put("{\"dailyDigest\":\"yes\"}", "400 dailyDigest");
    refused.put("{\"rotateWebhookSecret\":true}", "422 rotateWebhookSecret");
    refused.put("{\"role\":\"COORDINATOR\"}", "400 role");
    refused.put("{\"email\":\"" + otherEmail + "\"}", "422 email");
    refused.forEach((body, expected) -> {
      Api.Response r = api.send("PATCH", path(a, volunteer), own, body, Map.of());
      assertThat(r.status() + " " + r.text("field")).as(body).isEqualTo(expected);
      assertThat(r.text("detail")).as(body).contains(r.text("field"));
    });
    assertThat(api.post("/api/v1/associations/" + a.id() + "/volunteers", a.token(),
        "{\"displayName\":\"x\",\"email\":\"x-" + System.nanoTime() + "@asso.example\",\"language\":\"es\"}").status()).isEqualTo(422);
    assertThat(latest(volunteer).getLanguage()).isEqualTo("fr");
    assertThat(TopicReader.readAll(Topics.DIRECTORY, r -> r.key().equals(volunteer))).as("nothing refused was published").hasSize(1);
  }

  @Test
  void aVolunteerAwayNamesTheirSubstituteAndTheDirectoryCarriesIt() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String away = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String substitute = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String own = TestIntake.tokenFor(api, a, away);
    java.time.LocalDate until = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(10);

    Api.Response set = api.send("PATCH", path(a, away), own,
        "{\"absence\":{\"until\":\"" + until + "\",\"substituteVolunteerId\":\"" + substitute + "\"}}", Map.of());
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().at("/absence/until").asText()).isEqualTo(until.toString());
    assertThat(set.json().at("/absence/substituteVolunteerId").asText()).isEqualTo(substitute);
    DirectoryEntry entry = latest(away);
    assertThat(entry.getAbsentUntil()).isEqualTo(until);
    assertThat(entry.getSubstituteVolunteerId()).isEqualTo(substitute);

    // back early: no absence any more
    Api.Response back = api.send("PATCH", path(a, away), own, "{\"absence\":null}", Map.of());
    assertThat(back.json().get("absence").isNull()).isTrue();
    assertThat(latest(away).getAbsentUntil()).isNull();
    assertThat(latest(away).getSubstituteVolunteerId()).isNull();

    // a day past, more than a year ahead, oneself or another association's volunteer: refused, the field named
    String elsewhere = TestIntake.newVolunteer(api, TestIntake.newAssociation(api), "VOLUNTEER");
    for (String body : List.of(
        "{\"absence\":{\"until\":\"" + until.minusDays(20) + "\"}}",
        "{\"absence\":{\"until\":\"" + until.plusYears(1) + "\"}}",
        "{\"absence\":{\"until\":\"" + until + "\",\"substituteVolunteerId\":\"" + away + "\"}}",
        "{\"absence\":{\"until\":\"" + until + "\",\"substituteVolunteerId\":\"" + elsewhere + "\"}}")) {
      Api.Response refused = api.send("PATCH", path(a, away), own, body, Map.of());
      assertThat(refused.status()).as(body).isEqualTo(422);
      assertThat(refused.text("field")).as(body).startsWith("absence.");
    }
    Api.Response noDay = api.send("PATCH", path(a, away), own, "{\"absence\":{\"substituteVolunteerId\":\"" + substitute + "\"}}",
        Map.of());
    assertThat(noDay.status()).isEqualTo(400);
    assertThat(noDay.text("field")).isEqualTo("absence.until");
  }
}
