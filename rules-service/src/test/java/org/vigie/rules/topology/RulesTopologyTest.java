package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.rules.Events;
import org.vigie.rules.engine.AlertIds;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.Decision;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

class RulesTopologyTest {
  final RulesDriver driver = new RulesDriver();
  final Events e = new Events("case-1");
  final LocalDate today = RulesDriver.today0();

  @AfterEach
  void close() {
    driver.close();
  }

  /** The rules whose next steps change with a refusal. */
  private static final List<RuleId> RUPTURES =
      List.of(RuleId.EMPLOYMENT_AT_RISK, RuleId.BENEFITS_AT_RISK, RuleId.HEALTH_COVER_CLOSING);

  private static CaseAlert firstOf(List<CaseAlert> alerts, RuleId rule) {
    return alerts.stream().filter(a -> a.getRule() == rule).findFirst().orElseThrow();
  }

  @Test
  void aCaseRecordedOnceGetsEachAlertOnTheRightDayFromTheClockAlone() {
    LocalDate expiry = today.plusDays(130);
    driver.record(e.opened(today.minusDays(1), expiry));
    assertThat(driver.newAlerts()).isEmpty();

    driver.advanceDays(9);
    assertThat(driver.today()).isEqualTo(expiry.minusDays(121));
    assertThat(driver.newAlerts()).isEmpty();

    driver.advanceDays(1);
    List<CaseAlert> window = driver.newAlerts();
    assertThat(window).singleElement().satisfies(a -> {
      assertThat(a.getRule()).isEqualTo(RuleId.RENEWAL_WINDOW_OPEN);
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getAlertId()).isEqualTo(AlertIds.of("case-1", RuleId.RENEWAL_WINDOW_OPEN, expiry.minusDays(120)));
      assertThat(a.getAssignedVolunteerId()).isEqualTo("vol-1");
      assertThat(a.getMessage().getFr()).contains("fenêtre de renouvellement");
    });

    driver.advanceTo(expiry.minusDays(90));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getRule()).isEqualTo(RuleId.RENEWAL_DEADLINE);
      assertThat(a.getSeverity()).isEqualTo(Severity.WARNING);
    });

    driver.advanceTo(expiry.minusDays(67));
    CaseAlert escalated = driver.newAlerts().get(0);
    assertThat(escalated.getStatus()).isEqualTo(AlertStatus.RAISED);
    assertThat(escalated.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(escalated.getAlertId()).isEqualTo(AlertIds.of("case-1", RuleId.RENEWAL_DEADLINE, expiry.minusDays(90)));

    driver.record(e.submission(driver.today()));
    assertThat(driver.newAlerts()).extracting(CaseAlert::getRule, CaseAlert::getStatus).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(RuleId.RENEWAL_WINDOW_OPEN, AlertStatus.RESOLVED),
        org.assertj.core.groups.Tuple.tuple(RuleId.RENEWAL_DEADLINE, AlertStatus.RESOLVED));
  }

  @Test
  void eventsRecordedLateAndOutOfOrderEndInTheSameOpenAlerts() {
    LocalDate expiry = today.minusDays(10);
    Events late = new Events("case-2");
    driver.record(e.opened(today.minusDays(200), PermitKind.CARTE_TEMPORAIRE, expiry, true, false),
        e.submission(expiry.minusDays(150)), e.api(expiry.minusDays(2), today.plusDays(60)));
    var opened = late.opened(today.minusDays(200), PermitKind.CARTE_TEMPORAIRE, expiry, true, false);
    var submission = late.submission(expiry.minusDays(150));
    var api = late.api(expiry.minusDays(2), today.plusDays(60));
    driver.record(api, submission, opened);
    Map<String, String> open = driver.openAlerts();
    List<String> first = open.keySet().stream().filter(k -> k.startsWith("case-1|")).map(k -> k.substring(7)).toList();
    List<String> second = open.keySet().stream().filter(k -> k.startsWith("case-2|")).map(k -> k.substring(7)).toList();
    assertThat(first).containsExactly("APPEAL_DEADLINE", "IMPLICIT_REJECTION");
    assertThat(second).isEqualTo(first);
  }

  /**
   * Under exactly_once_v2, TopologyTestDriver drops the dead-letter record of a deserialization
   * failure (the real broker keeps it: see RulesServiceIT), so this one runs at_least_once.
   */
  @Test
  void anUndecodableRecordGoesToTheDeadLetterQueueAndThePipelineContinues() {
    java.util.Properties atLeastOnce = new java.util.Properties();
    atLeastOnce.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
    try (RulesDriver alo = new RulesDriver(RulesConfig.defaults(), atLeastOnce)) {
      alo.rawEvents.pipeInput("case-x", new byte[] {1, 2, 3, 4});
      alo.record(e.opened(today, PermitKind.CARTE_TEMPORAIRE, today.minusDays(1), true, false), e.submission(today));
      var dead = alo.dlq.readRecordsToList();
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).value()).containsExactly(1, 2, 3, 4);
      assertThat(dead.get(0).headers().toArray()).isNotEmpty();
      assertThat(alo.newAlerts()).extracting(CaseAlert::getRule).contains(RuleId.EMPLOYMENT_AT_RISK);
    }
  }

  @Test
  void anEventKeyedByAnotherCaseGoesToTheDeadLetterQueueWithoutTouchingState() {
    driver.events.pipeInput("case-other", e.opened(today, today.plusDays(100)));
    assertThat(driver.dlq.readRecordsToList()).hasSize(1);
    assertThat(driver.driver.<String, CaseState>getKeyValueStore(StoreNames.CASE_STATE).approximateNumEntries()).isZero();
    driver.record(e.opened(today, today.plusDays(100)));
    assertThat(driver.newAlerts()).extracting(CaseAlert::getRule).containsExactly(RuleId.RENEWAL_WINDOW_OPEN);
  }

  @Test
  void anEventWhoseIdsHoldAControlCharacterGoesToTheDeadLetterQueueWithoutTouchingState() {
    Events nul = new Events("case-\u0000");
    driver.events.pipeInput(nul.caseId(), nul.opened(today, today.plusDays(100)));
    CaseEvent opened = e.opened(today, today.plusDays(100));
    CaseEvent badVolunteer = CaseEvent.newBuilder(opened)
        .setPayload(CaseOpened.newBuilder((CaseOpened) opened.getPayload()).setAssignedVolunteerId("vol-\u0007").build()).build();
    driver.events.pipeInput(badVolunteer.getCaseId(), badVolunteer);
    assertThat(driver.dlq.readRecordsToList()).hasSize(2);
    assertThat(driver.driver.<String, CaseState>getKeyValueStore(StoreNames.CASE_STATE).approximateNumEntries()).isZero();
    assertThat(driver.newAlerts()).isEmpty();
  }

  @Test
  void aSettingsChangeReEvaluatesTheAssociationsCases() {
    for (int i = 0; i < 5; i++) {
      Events c = new Events("case-s" + i);
      driver.record(c.opened(today, today.plusDays(100)));
    }
    assertThat(driver.newAlerts()).hasSize(5);
    driver.settings.pipeInput(Events.ASSOCIATION, AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
        .setDisabledRules(List.of(RuleId.RENEWAL_WINDOW_OPEN)).setUpdatedAt(Instant.parse("2026-06-01T09:00:00Z")).build());
    driver.advanceDays(1);
    assertThat(driver.newAlerts()).hasSize(5).allSatisfy(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(a.getResolution()).isEqualTo(org.vigie.schemas.Resolution.RULE_DISABLED);
      assertThat(a.getMessage().getFr()).contains("» close : votre association a désactivé cette règle");
    });
    driver.settings.pipeInput(Events.ASSOCIATION, null);
    driver.advanceDays(1);
    assertThat(driver.newAlerts()).hasSize(5).allSatisfy(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED));
  }

  @Test
  void aRefusalRecordedGivesTheOpenRupturesTheirNewNextStepsAndANewRequestTheFormerOnes() {
    Events c = new Events("case-rupture");
    driver.record(c.opened(today.minusDays(300), PermitKind.CARTE_TEMPORAIRE, today.minusDays(20), true, true),
        c.submission(today.minusDays(100)));
    java.util.Map<RuleId, CaseAlert> open = new java.util.EnumMap<>(RuleId.class);
    driver.newAlerts().forEach(a -> open.put(a.getRule(), a));
    assertThat(open).containsKeys(RUPTURES.toArray(RuleId[]::new));
    assertThat(open.get(RuleId.HEALTH_COVER_CLOSING).getMessage().getFr()).contains("obtenir une API");

    driver.record(c.decision(today.minusDays(2), Decision.REFUSED, null));
    List<CaseAlert> afterRefusal = driver.newAlerts();
    assertThat(afterRefusal).filteredOn(a -> RUPTURES.contains(a.getRule())).hasSize(3).allSatisfy(a -> {
      CaseAlert was = open.get(a.getRule());
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getAlertId()).isEqualTo(was.getAlertId());
      assertThat(a.getSeverity()).isEqualTo(was.getSeverity());
      assertThat(a.getDeadline()).isEqualTo(was.getDeadline());
      assertThat(a.getMessage().getFr()).contains("La demande a été refusée le").doesNotContain("obtenir une API");
    });
    assertThat(afterRefusal).as("the instruction's alerts end, the time to appeal opens").extracting(CaseAlert::getRule,
        CaseAlert::getStatus).contains(org.assertj.core.groups.Tuple.tuple(RuleId.APPEAL_DEADLINE, AlertStatus.RAISED));
    assertThat(afterRefusal).as("closed by the refusal, not told as good news")
        .filteredOn(a -> a.getStatus() == AlertStatus.RESOLVED).isNotEmpty().allSatisfy(a -> {
          assertThat(a.getResolution()).isEqualTo(org.vigie.schemas.Resolution.REQUEST_REFUSED);
          assertThat(a.getLapsed()).isFalse();
          assertThat(a.getMessage().getFr()).contains("» close : la demande a été refusée le "
              + org.vigie.rules.rule.Texts.fr(today.minusDays(2))).doesNotContain("résolue", "a pris fin");
          assertThat(a.getMessage().getEn()).contains("closed: the request was refused on");
        });

    driver.record(c.ccc(today, org.vigie.schemas.CccOutcome.NO_ANSWER));
    assertThat(driver.newAlerts()).as("nothing again while the refusal stands").isEmpty();

    driver.record(c.submission(today));
    assertThat(driver.newAlerts()).filteredOn(a -> RUPTURES.contains(a.getRule())).hasSize(3)
        .allSatisfy(a -> assertThat(a.getMessage().getFr()).doesNotContain("La demande a été refusée"));
  }

  @Test
  void aConditionThatComesBackAfterItsAlertWasResolvedIsANewAlert() {
    Events c = new Events("case-again");
    LocalDate expiry = today.minusDays(20);
    driver.record(c.opened(today.minusDays(300), PermitKind.CARTE_TEMPORAIRE, expiry, false, false),
        c.submission(today.minusDays(100)));
    CaseAlert first = firstOf(driver.newAlerts(), RuleId.PERMIT_EXPIRED_WITHOUT_API);
    driver.record(c.decision(today.minusDays(10), Decision.REFUSED, null));
    assertThat(driver.newAlerts()).filteredOn(a -> a.getRule() == RuleId.PERMIT_EXPIRED_WITHOUT_API).singleElement()
        .satisfies(a -> assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED));

    // a new request after the refusal: the permit is again expired with a request pending and no API
    driver.record(c.submission(today.minusDays(8)));
    CaseAlert again = firstOf(driver.newAlerts(), RuleId.PERMIT_EXPIRED_WITHOUT_API);
    assertThat(again.getStatus()).isEqualTo(AlertStatus.RAISED);
    assertThat(again.getEpisodeStart()).isEqualTo(first.getEpisodeStart());
    assertThat(again.getAlertId()).as("a new alert, which the notifier tells: the resolved one stays resolved")
        .isNotEqualTo(first.getAlertId())
        .isEqualTo(AlertIds.of("case-again", RuleId.PERMIT_EXPIRED_WITHOUT_API, first.getEpisodeStart(), 1));

    // once more: refused, filed again
    driver.record(c.decision(today.minusDays(5), Decision.REFUSED, null));
    driver.record(c.submission(today.minusDays(2)));
    assertThat(driver.newAlerts()).filteredOn(a -> a.getRule() == RuleId.PERMIT_EXPIRED_WITHOUT_API)
        .extracting(CaseAlert::getStatus, CaseAlert::getAlertId).containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertStatus.RESOLVED, again.getAlertId()),
            org.assertj.core.groups.Tuple.tuple(AlertStatus.RAISED,
                AlertIds.of("case-again", RuleId.PERMIT_EXPIRED_WITHOUT_API, first.getEpisodeStart(), 2)));
  }

  @Test
  void aRefusalRecordedAheadOfItsDayClosesAndRewordsTheAlertsOnThatDay() {
    Events c = new Events("case-refused-ahead");
    driver.record(c.opened(today.minusDays(300), PermitKind.CARTE_TEMPORAIRE, today.minusDays(20), true, true),
        c.submission(today.minusDays(100)), c.decision(today.plusDays(3), Decision.REFUSED, null));
    assertThat(driver.newAlerts()).filteredOn(a -> RUPTURES.contains(a.getRule())).hasSize(3)
        .allSatisfy(a -> assertThat(a.getMessage().getFr()).doesNotContain("La demande a été refusée"));
    driver.advanceDays(2);
    assertThat(driver.newAlerts()).filteredOn(a -> RUPTURES.contains(a.getRule())).isEmpty();

    driver.advanceDays(1);
    List<CaseAlert> onTheDay = driver.newAlerts();
    assertThat(onTheDay).filteredOn(a -> RUPTURES.contains(a.getRule())).hasSize(3)
        .allSatisfy(a -> assertThat(a.getMessage().getFr()).contains("La demande a été refusée le"));
    assertThat(onTheDay).filteredOn(a -> a.getStatus() == AlertStatus.RESOLVED).isNotEmpty()
        .allSatisfy(a -> assertThat(a.getResolution()).isEqualTo(org.vigie.schemas.Resolution.REQUEST_REFUSED));
    driver.advanceDays(1);
    assertThat(driver.newAlerts()).as("once").filteredOn(a -> RUPTURES.contains(a.getRule())).isEmpty();

    // a new request recorded ahead of its day brings the former next steps back on that day
    driver.record(c.submission(today.plusDays(6)));
    assertThat(driver.newAlerts()).filteredOn(a -> RUPTURES.contains(a.getRule())).isEmpty();
    driver.advanceDays(2);
    assertThat(driver.newAlerts()).filteredOn(a -> RUPTURES.contains(a.getRule()) && a.getStatus() == AlertStatus.RAISED)
        .hasSize(3).allSatisfy(a -> assertThat(a.getMessage().getFr()).doesNotContain("La demande a été refusée"));
  }

  @Test
  void anAppealToThePrefectureMovesTheTimeToAppealUntilItsImplicitRejectionAndTwoMonthsMore() {
    Events c = new Events("case-gracieux");
    driver.record(c.opened(today.minusDays(200), today.plusDays(400)), c.submission(today.minusDays(80)),
        c.decision(today, Decision.REFUSED, null));
    CaseAlert raised = firstOf(driver.newAlerts(), RuleId.APPEAL_DEADLINE);
    assertThat(raised.getDeadline()).isEqualTo(today.plusMonths(2));

    driver.record(c.appeal(today, org.vigie.schemas.AppealKind.ADMINISTRATIVE_APPEAL));
    LocalDate deadline = today.plusMonths(4);
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getAlertId()).isEqualTo(raised.getAlertId());
      assertThat(a.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(a.getDeadline()).isEqualTo(deadline);
      assertThat(a.getMessage().getFr()).contains("CRPA L.411-2");
    });
    driver.advanceTo(today.plusMonths(2).plusDays(1));
    assertThat(driver.newAlerts()).as("nothing at the first deadline").isEmpty();
    driver.advanceTo(deadline.minusDays(15));
    assertThat(driver.newAlerts()).singleElement().extracting(CaseAlert::getSeverity).isEqualTo(Severity.HIGH);
    driver.advanceTo(deadline.minusDays(7));
    assertThat(driver.newAlerts()).singleElement().extracting(CaseAlert::getSeverity).isEqualTo(Severity.CRITICAL);
    driver.advanceTo(deadline.plusDays(1));
    assertThat(driver.newAlerts()).filteredOn(a -> a.getRule() == RuleId.APPEAL_DEADLINE).singleElement().satisfies(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(a.getLapsed()).as("its time ran out with nothing filed at the court").isTrue();
    });
  }

  @Test
  void aShorterTimeSetByTheAssociationMovesAnOpenAlertsDeadline() {
    Events c = new Events("case-oqtf");
    driver.record(c.opened(today.minusDays(200), today.plusDays(400)), c.submission(today.minusDays(80)),
        c.decision(today, Decision.REFUSED_WITH_OQTF, null));
    CaseAlert raised = firstOf(driver.newAlerts(), RuleId.APPEAL_DEADLINE);
    assertThat(raised.getDeadline()).isEqualTo(today.plusDays(30));
    driver.settings.pipeInput(Events.ASSOCIATION, AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
        .setThresholds(Map.of("APPEAL_DEADLINE.oqtfAppealDays", 15))
        .setUpdatedAt(Instant.parse("2026-06-01T09:00:00Z")).build());
    driver.advanceDays(1);
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getAlertId()).isEqualTo(raised.getAlertId());
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
      assertThat(a.getDeadline()).isEqualTo(today.plusDays(15));
    });
  }

  @Test
  void aSettingsChangeIsSpreadOverTicksWithinTheBound() {
    try (RulesDriver small = new RulesDriver(RulesConfig.defaults()
        .withTickInterval(java.time.Duration.ofHours(1)).withMaxCasesPerTick(2))) {
      for (int i = 0; i < 5; i++) {
        small.record(new Events("case-b" + i).opened(today, today.plusDays(100)));
      }
      small.newAlerts();
      small.settings.pipeInput(Events.ASSOCIATION, AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setDisabledRules(List.of(RuleId.RENEWAL_WINDOW_OPEN)).setUpdatedAt(Instant.parse("2026-06-01T09:00:00Z"))
          .build());
      small.driver.advanceWallClockTime(java.time.Duration.ofHours(1));
      assertThat(small.newAlerts()).hasSize(2);
      small.driver.advanceWallClockTime(java.time.Duration.ofHours(1));
      assertThat(small.newAlerts()).hasSize(2);
      small.driver.advanceWallClockTime(java.time.Duration.ofHours(1));
      assertThat(small.newAlerts()).hasSize(1);
    }
  }

  @Test
  void closingACaseResolvesItsAlertsAndNothingIsRaisedAfter() {
    LocalDate expiry = today.plusDays(20);
    driver.record(e.opened(today, PermitKind.CARTE_TEMPORAIRE, expiry, true, true),
        e.blockage(today.minusDays(40), BlockageKind.ACCOUNT_LOCKED));
    assertThat(driver.newAlerts()).isNotEmpty();
    driver.record(e.closed(today));
    assertThat(driver.newAlerts()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(a.getResolution()).isEqualTo(org.vigie.schemas.Resolution.CASE_CLOSED);
      assertThat(a.getMessage().getFr()).endsWith("» close : le dossier n'est plus suivi.");
    });
    driver.advanceDays(60);
    assertThat(driver.newAlerts()).isEmpty();
    assertThat(driver.openAlerts()).isEmpty();
    assertThat(driver.driver.getKeyValueStore(StoreNames.DEADLINE_INDEX).approximateNumEntries()).isZero();
  }
}
