package org.vigie.intake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;
import org.vigie.schemas.wording.CaseReference;

/**
 * A volunteer subscribes their calendar application to their deadlines: the open alerts with a deadline
 * of the cases they follow, read by a real iCalendar parser from the secret address, without a token;
 * a new address replaces the old one, a deleted one or a deactivated volunteer's answers nothing.
 */
class CalendarFeedTest {
  private static final Api API = TestIntake.api();
  private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 17);
  private static TestIntake.Association association;
  private static String volunteer;
  private static String token;
  private static String caseId;
  private static String expiring;
  private static String otherVolunteersAlert;

  @BeforeAll
  static void aVolunteerWithAlerts() throws Exception {
    association = TestIntake.newAssociation(API);
    volunteer = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    token = TestIntake.tokenFor(API, association, volunteer);
    String other = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    caseId = API.post("/api/v1/cases", association.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "person":{"displayName":"Awa Traoré"}}""").text("caseId");
    expiring = alert(caseId, volunteer, RuleId.API_EXPIRING, AlertStatus.RAISED, DEADLINE);
    alert(caseId, volunteer, RuleId.PERMIT_EXPIRED_WITHOUT_API, AlertStatus.RAISED, null);
    alert(caseId, volunteer, RuleId.RENEWAL_DEADLINE, AlertStatus.RESOLVED, DEADLINE.minusDays(3));
    otherVolunteersAlert = alert(caseId, other, RuleId.APPEAL_DEADLINE, AlertStatus.RAISED, DEADLINE.plusDays(5));
    await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/alerts?status=all", association.token()).json().get("total").asInt() == 4);
  }

  @Test
  void theFeedGivesTheVolunteersOpenDeadlinesOnlyWithoutIdentity() throws Exception {
    assertThat(API.get(CalendarRoutes.SUBSCRIPTION, token).json().get("subscribed").asBoolean()).isFalse();
    Api.Response created = API.post(CalendarRoutes.SUBSCRIPTION, token, "");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String path = created.text("path");
    assertThat(path).startsWith("/calendar/").endsWith(".ics");
    assertThat(created.text("url")).startsWith("http://").endsWith(path);

    Api.Response feed = get(path);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("text/calendar");
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(value(e, Property.UID)).isEqualTo(expiring + "@vigie");
      assertThat(value(e, Property.DTSTART)).isEqualTo("20261217");
      assertThat(value(e, Property.DTEND)).isEqualTo("20261218");
      assertThat(value(e, Property.SUMMARY)).isEqualTo("API bientôt expirée — dossier " + CaseReference.of(caseId) + " (avertissement)");
      assertThat(value(e, Property.DESCRIPTION)).startsWith("L'API expire bientôt, avant le 17 décembre")
          .contains("Référence : CESEDA R.431-15-1").contains("#dossier=" + CaseReference.of(caseId));
    });
    assertThat(feed.body()).doesNotContain("Traoré").doesNotContain(otherVolunteersAlert).doesNotContain(caseId);

    assertThat(API.get(CalendarRoutes.SUBSCRIPTION, token).json().get("lastReadAt").isNull()).isFalse();

    // read again unchanged, with the tag of the last reading: nothing to send
    String tag = feed.headers().firstValue("ETag").orElseThrow();
    assertThat(API.send("GET", path, null, (String) null, java.util.Map.of("If-None-Match", tag)).status()).isEqualTo(304);
    assertThat(API.send("GET", path, null, (String) null, java.util.Map.of("If-None-Match", "\"other\"")).status()).isEqualTo(200);
  }

  @Test
  void aNewAddressReplacesTheOldOneAndADeletedOneAnswersNothing() throws Exception {
    String first = API.post(CalendarRoutes.SUBSCRIPTION, token, "").text("path");
    String second = API.post(CalendarRoutes.SUBSCRIPTION, token, "").text("path");
    assertThat(get(first).status()).isEqualTo(404);
    assertThat(get(second).status()).isEqualTo(200);

    assertThat(API.delete(CalendarRoutes.SUBSCRIPTION, token).status()).isEqualTo(204);
    assertThat(get(second).status()).isEqualTo(404);
    assertThat(API.delete(CalendarRoutes.SUBSCRIPTION, token).status()).isEqualTo(404);
    assertThat(API.get(CalendarRoutes.SUBSCRIPTION, token).json().get("subscribed").asBoolean()).isFalse();
    assertThat(get("/calendar/" + UUID.randomUUID() + ".ics").status()).isEqualTo(404);
  }

  @Test
  void aDeactivatedVolunteersAddressAnswersNothingAndAnAssociationTokenHasNoCalendar() throws Exception {
    String leaving = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    String path = API.post(CalendarRoutes.SUBSCRIPTION, TestIntake.tokenFor(API, association, leaving), "").text("path");
    assertThat(get(path).status()).isEqualTo(200);
    assertThat(API.delete("/api/v1/associations/" + association.id() + "/volunteers/" + leaving, association.token()).status())
        .isEqualTo(200);
    assertThat(get(path).status()).isEqualTo(404);

    Api.Response refused = API.post(CalendarRoutes.SUBSCRIPTION, association.token(), "");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.text("field")).isEqualTo("Authorization");
  }

  @Test
  void anEnglishSpeakingVolunteerReadsItInEnglish() throws Exception {
    String english = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    String own = TestIntake.tokenFor(API, association, english);
    assertThat(API.send("PATCH", "/api/v1/associations/" + association.id() + "/volunteers/" + english, own,
        "{\"language\":\"en\"}", java.util.Map.of()).status()).isEqualTo(200);
    String caseOfHers = TestIntake.newCase(API, association.token());
    alert(caseOfHers, english, RuleId.APPEAL_DEADLINE, AlertStatus.RAISED, DEADLINE);
    String path = API.post(CalendarRoutes.SUBSCRIPTION, own, "").text("path");

    await().atMost(Duration.ofSeconds(60)).until(() -> get(path).body().contains("BEGIN:VEVENT"));
    VEvent event = new CalendarBuilder().build(new StringReader(get(path).body())).<VEvent>getComponents("VEVENT").get(0);
    assertThat(value(event, Property.SUMMARY)).isEqualTo("Appeal deadline — case " + CaseReference.of(caseOfHers) + " (warning)");
    assertThat(value(event, Property.DESCRIPTION)).contains("Open the case: ");
  }

  @Test
  void whileAVolunteerIsAwayTheirSubstitutesCalendarHasTheirCasesToo() throws Exception {
    String away = API.post("/api/v1/associations/" + association.id() + "/volunteers", association.token(),
        "{\"displayName\":\"Camille Martin\",\"email\":\"camille-" + UUID.randomUUID() + "@asso.example\"}").text("volunteerId");
    String substitute = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    String theirCase = TestIntake.newCase(API, association.token());
    String theirs = alert(theirCase, away, RuleId.API_EXPIRED, AlertStatus.RAISED, DEADLINE);
    String feed = API.post(CalendarRoutes.SUBSCRIPTION, TestIntake.tokenFor(API, association, substitute), "").text("path");
    String path = "/api/v1/associations/" + association.id() + "/volunteers/" + away;
    Api.Response set = API.send("PATCH", path, association.token(), "{\"absence\":{\"until\":\""
        + LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(5) + "\",\"substituteVolunteerId\":\"" + substitute + "\"}}",
        java.util.Map.of());
    assertThat(set.status()).as(set.toString()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(60)).until(() -> get(feed).body().contains(theirs));
    VEvent event = new CalendarBuilder().build(new StringReader(get(feed).body())).<VEvent>getComponents("VEVENT").get(0);
    assertThat(value(event, Property.SUMMARY)).endsWith("— à la place de Camille Martin");

    assertThat(API.send("PATCH", path, association.token(), "{\"absence\":null}", java.util.Map.of()).status()).isEqualTo(200);
    assertThat(get(feed).body()).as("back: the cases are theirs alone again").doesNotContain(theirs);
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).orElseThrow().getValue();
  }

  /** A calendar application's request: no token. */
  private static Api.Response get(String path) {
    return API.get(path, null);
  }

  private static String alert(String caseId, String volunteerId, RuleId rule, AlertStatus status, LocalDate deadline)
      throws Exception {
    String alertId = "calendar-" + UUID.randomUUID();
    Instant raised = Instant.parse("2026-11-20T08:00:00Z");
    CaseAlert alert = CaseAlert.newBuilder().setAlertId(alertId).setCaseId(caseId).setAssociationId(association.id())
        .setRule(rule).setSeverity(Severity.WARNING).setStatus(status).setDeadline(deadline)
        .setEpisodeStart(LocalDate.of(2026, 11, 20)).setRaisedAt(raised).setEmittedAt(raised)
        .setAssignedVolunteerId(volunteerId)
        .setReference("CESEDA R.431-15-1").setTextVersionDate(LocalDate.of(2026, 1, 1)).setRuleVersion("1")
        .setMessage(new AlertMessage("L'API expire bientôt, avant le 17 décembre 2026.", "The API expires soon.")).build();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-calendar"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert)).get();
    }
    return alertId;
  }
}
