package org.vigie.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;

/**
 * An association's own figures: its alerts (raised, taken in hand, per month and rule) and the ANEF
 * tables over its cases only, never another association's; small cells suppressed unless the
 * coordinator asks for every cell.
 */
class AssociationStatsTest {
  private static final Api API = TestIntake.api();
  private static TestIntake.Association association;
  private static TestIntake.Association other;
  private static String path;
  private static String acknowledged;
  private static List<String> blocked;

  @BeforeAll
  static void twoAssociationsWithCasesAlertsAndBlockages() throws Exception {
    association = TestIntake.newAssociation(API);
    other = TestIntake.newAssociation(API);
    path = AssociationStatsRoutes.PATH.replace("{associationId}", association.id());
    String first = blockedCase(association);
    String second = blockedCase(association);
    blocked = List.of(first, second);
    String elsewhere = blockedCase(other);
    Instant october = Instant.parse("2026-10-05T08:00:00Z");
    Instant november = Instant.parse("2026-11-03T08:00:00Z");
    acknowledged = alert(association, first, RuleId.PERMIT_EXPIRED_WITHOUT_API, AlertStatus.RAISED, october);
    String escalated = alert(association, second, RuleId.PERMIT_EXPIRED_WITHOUT_API, AlertStatus.RESOLVED, october.plusSeconds(60));
    alert(association, first, RuleId.BLOCKAGE_UNRESOLVED, AlertStatus.RAISED, november);
    alert(other, elsewhere, RuleId.BLOCKAGE_UNRESOLVED, AlertStatus.RAISED, november);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/alerts?status=all", association.token()).json().get("total").asInt() == 3);
    Api.Response taken = API.post("/api/v1/alerts/" + acknowledged + "/acknowledgement", association.token(), "");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    // The notifier told the coordination about another one, nobody having taken it in hand.
    NotificationOutcome told = NotificationOutcome.newBuilder().setNotificationId(UUID.randomUUID().toString())
        .setAlertId(escalated).setCaseId(second).setAssociationId(association.id()).setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API)
        .setSeverity(Severity.HIGH).setChannel(NotificationChannel.EMAIL).setKind(NotificationKind.ESCALATION)
        .setRecipientVolunteerId(UUID.randomUUID().toString()).setRecipientRole(VolunteerRole.COORDINATOR)
        .setState(NotificationState.SENT).setAttempts(1).setAt(october.plus(Duration.ofDays(3))).build();
    try (KafkaProducer<String, NotificationOutcome> p = new KafkaProducer<>(SharedKafka.settings().producer("test-association-stats"),
        Topics.NOTIFICATIONS.keySerde().serializer(), Topics.NOTIFICATIONS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.NOTIFICATIONS.name(), escalated, told)).get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> API.get("/api/v1/alerts?status=all", association.token()).json()
        .get("alerts").findValues("escalatedAt").stream().anyMatch(v -> !v.isNull()));
  }

  @Test
  void theCoordinatorReadsTheAssociationsAlertsAndTheAnefTablesOfItsCasesOnly() {
    Api.Response r = API.get(path + "?minCases=1", association.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode stats = r.json();
    assertThat(stats.get("associationId").asText()).isEqualTo(association.id());
    assertThat(stats.get("minCases").asInt()).isEqualTo(1);

    JsonNode alerts = stats.get("alerts");
    assertThat(alerts.get("raised").asInt()).isEqualTo(3);
    assertThat(alerts.get("cases").asInt()).isEqualTo(2);
    assertThat(alerts.get("acknowledged").asInt()).isEqualTo(1);
    assertThat(alerts.get("escalated").asInt()).isEqualTo(1);
    JsonNode listed = API.get("/api/v1/alerts?status=all", association.token()).json().get("alerts");
    JsonNode taken = null;
    for (JsonNode a : listed) {
      if (a.get("alertId").asText().equals(acknowledged)) {
        taken = a;
      }
    }
    double hours = Duration.between(Instant.parse(taken.get("raisedAt").asText()),
        Instant.parse(taken.get("acknowledgedAt").asText())).toMillis() / 3_600_000.0;
    assertThat(alerts.get("medianHoursToAcknowledge").asDouble()).isCloseTo(hours, org.assertj.core.data.Offset.offset(0.02));
    assertThat(alerts.get("byMonth")).hasSize(2);
    assertThat(alerts.at("/byMonth/0/month").asText()).isEqualTo("2026-10");
    assertThat(alerts.at("/byMonth/0/rule").asText()).isEqualTo("PERMIT_EXPIRED_WITHOUT_API");
    assertThat(alerts.at("/byMonth/0/raised").asInt()).isEqualTo(2);
    assertThat(alerts.at("/byMonth/0/acknowledged").asInt()).isEqualTo(1);
    assertThat(alerts.at("/byMonth/0/resolved").asInt()).isEqualTo(1);
    assertThat(alerts.at("/byMonth/0/escalated").asInt()).isEqualTo(1);
    assertThat(alerts.at("/byMonth/1/month").asText()).isEqualTo("2026-11");
    assertThat(alerts.at("/byMonth/1/rule").asText()).isEqualTo("BLOCKAGE_UNRESOLVED");

    JsonNode anef = stats.get("anef");
    assertThat(anef.get("cases").asInt()).isEqualTo(2);
    assertThat(anef.get("blockages")).singleElement().satisfies(c -> {
      assertThat(c.get("department").asText()).isEqualTo("44");
      assertThat(c.get("month").asText()).isEqualTo("2026-10");
      assertThat(c.get("kind").asText()).isEqualTo("ACCOUNT_LOCKED");
      assertThat(c.get("cases").asInt()).isEqualTo(2);
      assertThat(c.get("suppressed").asBoolean()).isFalse();
    });
  }

  @Test
  void byDefaultTheAnefCellsOfFewerThanFiveCasesAreSuppressedAsForPublication() {
    JsonNode stats = API.get(path, association.token()).json();
    assertThat(stats.get("minCases").asInt()).isEqualTo(5);
    assertThat(stats.at("/alerts/raised").asInt()).isEqualTo(3);
    assertThat(stats.at("/anef/blockages")).singleElement().satisfies(c -> {
      assertThat(c.get("suppressed").asBoolean()).isTrue();
      assertThat(c.get("cases").isNull()).isTrue();
    });
  }

  @Test
  void anAlertWhoseDeadlinePassedIsCountedAsLapsedNotResolved() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = blockedCase(a);
    alert(a, caseId, RuleId.APPEAL_DEADLINE, AlertStatus.RESOLVED, Instant.parse("2026-10-05T08:00:00Z"), true);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/alerts?status=resolved", a.token()).json().get("total").asInt() == 1);
    assertThat(API.get("/api/v1/alerts?status=resolved", a.token()).json().at("/alerts/0/lapsed").asBoolean()).isTrue();
    // a record written before CaseAlert version 3 says only that it lapsed
    assertThat(API.get("/api/v1/alerts?status=resolved", a.token()).json().at("/alerts/0/resolution").asText())
        .isEqualTo("DEADLINE_PASSED");
    String own = AssociationStatsRoutes.PATH.replace("{associationId}", a.id());
    assertThat(API.get(own + "?format=csv&table=alerts", a.token()).body().lines()).containsExactly(
        "month,rule,raised,cases,acknowledged,resolved,escalated,lapsed,closed", "2026-10,APPEAL_DEADLINE,1,1,0,0,0,1,0");
  }

  @Test
  void theAlertListSaysWhyAnAlertWasResolved() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = blockedCase(a);
    String open = alert(a, caseId, RuleId.API_EXPIRING, AlertStatus.RAISED, Instant.parse("2026-10-05T08:00:00Z"));
    String refused = alert(a, caseId, RuleId.IMPLICIT_REJECTION, AlertStatus.RESOLVED,
        Instant.parse("2026-10-06T08:00:00Z"), false, Resolution.REQUEST_REFUSED);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/alerts?status=all&caseId=" + caseId, a.token()).json().get("total").asInt() == 2);
    JsonNode alerts = API.get("/api/v1/alerts?status=all&caseId=" + caseId, a.token()).json().get("alerts");
    assertThat(alerts).anySatisfy(n -> {
      assertThat(n.get("alertId").asText()).isEqualTo(refused);
      assertThat(n.get("resolution").asText()).isEqualTo("REQUEST_REFUSED");
      assertThat(n.get("lapsed").asBoolean()).isFalse();
    }).anySatisfy(n -> {
      assertThat(n.get("alertId").asText()).isEqualTo(open);
      assertThat(n.get("resolution").isNull()).isTrue();
    });
    // the activity report counts an alert closed by a refusal apart, not as resolved
    String own = AssociationStatsRoutes.PATH.replace("{associationId}", a.id());
    assertThat(API.get(own + "?format=csv&table=alerts", a.token()).body().lines()).containsExactly(
        "month,rule,raised,cases,acknowledged,resolved,escalated,lapsed,closed", "2026-10,API_EXPIRING,1,1,0,0,0,0,0",
        "2026-10,IMPLICIT_REJECTION,1,1,0,0,0,0,1");
    assertThat(API.get(own, a.token()).json().at("/alerts/byMonth/1/closed").asInt()).isEqualTo(1);
  }

  @Test
  void theTablesComeAsCsvAndTheChartAsSvg() {
    Api.Response alerts = API.get(path + "?format=csv&table=alerts", association.token());
    assertThat(alerts.status()).isEqualTo(200);
    assertThat(alerts.contentType()).startsWith("text/csv");
    assertThat(alerts.body().lines()).containsExactly("month,rule,raised,cases,acknowledged,resolved,escalated,lapsed,closed",
        "2026-10,PERMIT_EXPIRED_WITHOUT_API,2,2,1,1,1,0,0", "2026-11,BLOCKAGE_UNRESOLVED,1,1,0,0,0,0,0");
    Api.Response blockages = API.get(path + "?format=csv&table=blockages&minCases=1", association.token());
    assertThat(blockages.body().lines()).containsExactly("department,month,kind,cases,reports,suppressed",
        "44,2026-10,ACCOUNT_LOCKED,2,2,false");
    Api.Response chart = API.get(path + "?format=svg", association.token());
    assertThat(chart.contentType()).startsWith("image/svg+xml");
    assertThat(chart.body()).contains("<svg");
  }

  @Test
  void badParametersAreNamedAndOnlyTheAssociationsCoordinatorsAndTheAdministratorMayRead() {
    Api.Response table = API.get(path + "?format=csv&table=people", association.token());
    assertThat(table.status()).isEqualTo(400);
    assertThat(table.json().get("field").asText()).isEqualTo("table");
    assertThat(table.json().get("detail").asText()).contains("alerts", "days-without-api");
    Api.Response min = API.get(path + "?minCases=0", association.token());
    assertThat(min.status()).isIn(400, 422);
    assertThat(min.json().get("field").asText()).isEqualTo("minCases");

    assertThat(API.get(path, other.token()).status()).isEqualTo(404);
    String volunteer = TestIntake.tokenFor(API, association, TestIntake.newVolunteer(API, association, "VOLUNTEER"));
    assertThat(API.get(path, volunteer).status()).isEqualTo(403);
    Api.Response admin = API.get(path, TestIntake.ADMIN_TOKEN);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().at("/alerts/raised").asInt()).isEqualTo(3);
    JsonNode none = API.get(AssociationStatsRoutes.PATH.replace("{associationId}", other.id()), other.token()).json().get("alerts");
    assertThat(none.get("raised").asInt()).isEqualTo(1);
    assertThat(none.get("acknowledged").asInt()).isZero();
    assertThat(none.get("medianHoursToAcknowledge").isNull()).as(none.toString()).isTrue();
  }

  @Test
  void theCoordinatorComparesTheAssociationsCasesBeforeAndAfterADay() {
    // the comparison reads the event log: wait until both blockages are in it
    blocked.forEach(caseId -> await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/cases/" + caseId + "/timeline", association.token()).body().contains("BLOCKAGE_REPORTED")));
    String comparison = AssociationStatsRoutes.COMPARISON.replace("{associationId}", association.id()) + "?pivot=2026-10-01&days=10";

    JsonNode all = API.get(comparison + "&minCases=1", association.token()).json();
    assertThat(all.at("/after/from").asText()).isEqualTo("2026-10-01");
    assertThat(all.at("/total/after/blockagesReported/cases").asInt()).as("the other association's blockage left out").isEqualTo(2);
    assertThat(all.at("/total/before/blockagesReported/cases").asInt()).isZero();
    assertThat(all.toString()).doesNotContain(association.id()).doesNotContain(blocked.get(0));
    // as for publication by default: two cases are too few
    JsonNode published = API.get(comparison, association.token()).json();
    assertThat(published.at("/total/after/blockagesReported/suppressed").asBoolean()).isTrue();
    assertThat(API.get(comparison + "&format=csv&minCases=1", association.token()).body()).contains("\nall,after,2026-10-01,2026-10-10,2,2,");

    assertThat(API.get(comparison, other.token()).status()).isEqualTo(404);
    assertThat(API.get(comparison.replace("2026-10-01", "2099-01-01"), association.token()).text("field")).isEqualTo("pivot");
  }

  private static String blockedCase(TestIntake.Association a) {
    String caseId = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"44"}""")
        .text("caseId");
    Api.Response blocked = API.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-10-05\",\"blockage\":\"ACCOUNT_LOCKED\"}");
    assertThat(blocked.status()).as(blocked.toString()).isEqualTo(202);
    return caseId;
  }

  private static String alert(TestIntake.Association a, String caseId, RuleId rule, AlertStatus status, Instant raised)
      throws Exception {
    return alert(a, caseId, rule, status, raised, false);
  }

  private static String alert(TestIntake.Association a, String caseId, RuleId rule, AlertStatus status, Instant raised,
      boolean lapsed) throws Exception {
    return alert(a, caseId, rule, status, raised, lapsed, null);
  }

  private static String alert(TestIntake.Association a, String caseId, RuleId rule, AlertStatus status, Instant raised,
      boolean lapsed, Resolution resolution) throws Exception {
    String alertId = "stats-" + UUID.randomUUID();
    CaseAlert alert = CaseAlert.newBuilder().setAlertId(alertId).setCaseId(caseId).setAssociationId(a.id())
        .setRule(rule).setSeverity(Severity.HIGH).setStatus(status)
        .setEpisodeStart(LocalDate.ofInstant(raised, java.time.ZoneOffset.UTC)).setRaisedAt(raised).setEmittedAt(raised)
        .setReference("CESEDA").setTextVersionDate(LocalDate.of(2026, 1, 1)).setRuleVersion("1")
        .setMessage(new AlertMessage("Alerte", "Alert")).setLapsed(lapsed).setResolution(resolution).build();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-association-stats"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert)).get();
    }
    return alertId;
  }
}
