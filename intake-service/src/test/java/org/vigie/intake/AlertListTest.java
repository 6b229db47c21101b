package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;

/** The association's alerts a page at a time, sorted by urgency, filtered by volunteer and by who took them in hand. */
class AlertListTest {
  private static final Api API = TestIntake.api();
  private static TestIntake.Association association;
  private static String volunteer;
  private static String volunteerToken;
  /** The alerts' ids, in the order published. */
  private static final List<String> IDS = new ArrayList<>();

  @BeforeAll
  static void sevenOpenAlertsAndOneResolved() throws Exception {
    association = TestIntake.newAssociation(API);
    volunteer = TestIntake.newVolunteer(API, association, "VOLUNTEER");
    volunteerToken = TestIntake.tokenFor(API, association, volunteer);
    String caseId = TestIntake.newCase(API, association.token());
    Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
    Object[][] alerts = {
        // severity, deadline (day of November), minutes after t0, assigned to the volunteer, status
        {Severity.WARNING, 5, 0, false, AlertStatus.RAISED},
        {Severity.CRITICAL, 20, 1, true, AlertStatus.RAISED},
        {Severity.HIGH, null, 2, false, AlertStatus.RAISED},
        {Severity.CRITICAL, 10, 3, false, AlertStatus.RAISED},
        {Severity.INFO, 1, 4, true, AlertStatus.RAISED},
        {Severity.HIGH, 3, 5, true, AlertStatus.RAISED},
        {Severity.WARNING, null, 6, false, AlertStatus.RAISED},
        {Severity.CRITICAL, 2, 7, false, AlertStatus.RESOLVED},
    };
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-alert-list"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      for (Object[] a : alerts) {
        String alertId = "list-" + UUID.randomUUID();
        IDS.add(alertId);
        Instant emitted = t0.plus(Duration.ofMinutes((Integer) a[2]));
        CaseAlert alert = CaseAlert.newBuilder(FoundationFlowTest.alert(alertId, caseId, association.id(), (AlertStatus) a[4],
                emitted, emitted))
            .setSeverity((Severity) a[0]).setDeadline(a[1] == null ? null : LocalDate.of(2026, 11, (Integer) a[1]))
            .setAssignedVolunteerId((Boolean) a[3] ? volunteer : null).build();
        p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert)).get();
      }
    }
    await().atMost(Duration.ofSeconds(60))
        .until(() -> API.get("/api/v1/alerts?status=all", association.token()).json().get("alerts").size() == alerts.length);
    Api.Response taken = API.post("/api/v1/alerts/" + IDS.get(3) + "/acknowledgement", association.token(), "");
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
  }

  private static List<String> ids(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().get("alerts").forEach(a -> ids.add(a.get("alertId").asText()));
    return ids;
  }

  private static List<String> published(int... indexes) {
    List<String> out = new ArrayList<>();
    for (int i : indexes) {
      out.add(IDS.get(i));
    }
    return out;
  }

  @Test
  void byDefaultTheOpenAlertsLastEmittedFirstWithTheirCount() {
    Api.Response r = API.get("/api/v1/alerts", association.token());
    assertThat(ids(r)).containsExactlyElementsOf(published(6, 5, 4, 3, 2, 1, 0));
    assertThat(r.json().get("total").asInt()).isEqualTo(7);
    assertThat(r.json().get("limit").asInt()).isEqualTo(500);
    assertThat(r.json().has("nextOffset")).isFalse();
  }

  @Test
  void byUrgencyTheMostSevereFirstThenTheNearestDeadline() {
    assertThat(ids(API.get("/api/v1/alerts?order=urgency", association.token())))
        .containsExactlyElementsOf(published(3, 1, 5, 2, 0, 6, 4));
  }

  @Test
  void pagesFollowEachOtherUntilTheLast() {
    List<String> seen = new ArrayList<>();
    String path = "/api/v1/alerts?order=urgency&limit=3";
    Api.Response first = API.get(path, association.token());
    seen.addAll(ids(first));
    assertThat(first.json().get("nextOffset").asInt()).isEqualTo(3);
    Api.Response second = API.get(path + "&offset=3", association.token());
    seen.addAll(ids(second));
    Api.Response last = API.get(path + "&offset=6", association.token());
    seen.addAll(ids(last));
    assertThat(last.json().has("nextOffset")).isFalse();
    assertThat(last.json().get("total").asInt()).isEqualTo(7);
    assertThat(seen).containsExactlyElementsOf(published(3, 1, 5, 2, 0, 6, 4));
    Api.Response beyond = API.get(path + "&offset=30", association.token());
    assertThat(ids(beyond)).isEmpty();
    assertThat(beyond.json().get("total").asInt()).isEqualTo(7);
  }

  @Test
  void filteredByWhoFollowsTheCaseAndWhetherSomeoneTookThemInHand() {
    assertThat(ids(API.get("/api/v1/alerts?order=urgency&assignedVolunteerId=" + volunteer, volunteerToken)))
        .containsExactlyElementsOf(published(1, 5, 4));
    Api.Response waiting = API.get("/api/v1/alerts?order=urgency&acknowledged=false", volunteerToken);
    assertThat(ids(waiting)).containsExactlyElementsOf(published(1, 5, 2, 0, 6, 4));
    assertThat(waiting.json().get("total").asInt()).isEqualTo(6);
    assertThat(ids(API.get("/api/v1/alerts?acknowledged=true", volunteerToken))).containsExactlyElementsOf(published(3));
    assertThat(ids(API.get("/api/v1/alerts?status=resolved", volunteerToken))).containsExactlyElementsOf(published(7));
  }

  @Test
  void anotherAssociationCountsNoneOfThem() {
    TestIntake.Association other = TestIntake.newAssociation(API);
    Api.Response r = API.get("/api/v1/alerts?status=all&order=urgency", other.token());
    assertThat(ids(r)).isEmpty();
    assertThat(r.json().get("total").asInt()).isZero();
  }

  @Test
  void filteredByCaseAndByRuleWithinTheAssociationOnly() throws Exception {
    TestIntake.Association own = TestIntake.newAssociation(API);
    String caseA = TestIntake.newCase(API, own.token());
    String caseB = TestIntake.newCase(API, own.token());
    Instant at = Instant.parse("2026-11-02T08:00:00Z");
    Object[][] alerts = {{caseA, RuleId.APPEAL_DEADLINE}, {caseA, RuleId.HEALTH_COVER_CLOSING}, {caseB, RuleId.APPEAL_DEADLINE}};
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-alert-filter"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      for (Object[] a : alerts) {
        String alertId = "filter-" + UUID.randomUUID();
        ids.add(alertId);
        CaseAlert alert = CaseAlert.newBuilder(FoundationFlowTest.alert(alertId, (String) a[0], own.id(), AlertStatus.RAISED,
            at, at.plusSeconds(ids.size()))).setRule((RuleId) a[1]).build();
        p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), (String) a[0], alert)).get();
      }
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> API.get("/api/v1/alerts", own.token()).json().get("alerts").size() == 3);
    assertThat(ids(API.get("/api/v1/alerts?caseId=" + caseA, own.token()))).containsExactly(ids.get(1), ids.get(0));
    assertThat(ids(API.get("/api/v1/alerts?rule=APPEAL_DEADLINE", own.token()))).containsExactly(ids.get(2), ids.get(0));
    Api.Response one = API.get("/api/v1/alerts?caseId=" + caseA + "&rule=APPEAL_DEADLINE", own.token());
    assertThat(ids(one)).containsExactly(ids.get(0));
    assertThat(one.json().get("total").asInt()).isEqualTo(1);
    assertThat(ids(API.get("/api/v1/alerts?caseId=" + caseA, association.token()))).as("another association's case").isEmpty();
  }

  @Test
  void parametersOutOfRangeAreProblemsNamingThem() {
    for (String[] bad : new String[][] {{"limit=0", "422", "limit"}, {"limit=501", "422", "limit"}, {"limit=many", "400", "limit"},
        {"offset=-1", "422", "offset"}, {"order=oldest", "422", "order"}, {"acknowledged=yes", "422", "acknowledged"},
        {"status=closed", "422", "status"}, {"caseId=12", "400", "caseId"}, {"rule=API_LOST", "422", "rule"}}) {
      Api.Response r = API.get("/api/v1/alerts?" + bad[0], association.token());
      assertThat(r.status()).as(bad[0]).isEqualTo(Integer.parseInt(bad[1]));
      assertThat(r.contentType()).startsWith("application/problem+json");
      JsonNode problem = r.json();
      assertThat(problem.get("field").asText()).as(bad[0]).isEqualTo(bad[2]);
    }
  }
}
