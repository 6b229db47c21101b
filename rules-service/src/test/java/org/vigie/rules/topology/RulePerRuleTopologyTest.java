package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.rules.Events;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CodeWording;

/**
 * Each rule through the topology: events recorded once on day 0, then the clock alone raises the
 * alert on its day and escalates it (same alert id, higher severity); a later event resolves it.
 */
class RulePerRuleTopologyTest {
  static final LocalDate T = RulesDriver.today0();
  /** A code such as ACCOUNT_LOCKED or RENEWAL_DEADLINE: what users read says it in words. */
  static final String CODE = "\\b[A-Z]+_[A-Z_]+\\b";

  /** Days are offsets from T. */
  record Story(RuleId rule, Function<Events, List<CaseEvent>> setup, int raiseDay, Severity raised,
      Integer escalateDay, Severity escalated, int resolveDay, BiFunction<Events, LocalDate, CaseEvent> resolver) {
    @Override
    public String toString() {
      return rule.name();
    }
  }

  static LocalDate t(int days) {
    return T.plusDays(days);
  }

  static Stream<Story> stories() {
    return Stream.of(
        new Story(RuleId.RENEWAL_WINDOW_OPEN, e -> List.of(e.opened(t(-1), t(130))), 10, Severity.INFO, null, null, 20,
            Events::submission),
        new Story(RuleId.RENEWAL_DEADLINE, e -> List.of(e.opened(t(-1), t(100))), 10, Severity.WARNING, 33,
            Severity.HIGH, 35, Events::submission),
        new Story(RuleId.PERMIT_EXPIRED_WITHOUT_API, e -> List.of(
            e.opened(t(-1), PermitKind.CARTE_PLURIANNUELLE, t(5), false, false), e.submission(t(-70))),
            6, Severity.HIGH, 96, Severity.CRITICAL, 100, (e, d) -> e.api(d, d.plusDays(90))),
        new Story(RuleId.API_EXPIRING, e -> List.of(e.opened(t(-200), t(-10)), e.submission(t(-100)),
            e.api(t(-11), t(40))), 10, Severity.WARNING, 33, Severity.HIGH, 35, (e, d) -> e.api(d, d.plusDays(90))),
        new Story(RuleId.API_EXPIRED, e -> List.of(e.opened(t(-200), t(-10)), e.submission(t(-100)),
            e.api(t(-11), t(5))), 6, Severity.CRITICAL, null, null, 8, (e, d) -> e.api(d, d.plusDays(90))),
        new Story(RuleId.API_NOT_ISSUED, e -> List.of(e.opened(t(-200), t(20)), e.submission(t(-50))),
            5, Severity.WARNING, 21, Severity.HIGH, 25, (e, d) -> e.api(d, d.plusDays(90))),
        new Story(RuleId.IMPLICIT_REJECTION, e -> List.of(e.opened(t(-200), t(400)), e.submission(t(-80))),
            12, Severity.WARNING, 42, Severity.HIGH, 47, (e, d) -> e.decision(d, Decision.GRANTED, d.plusYears(2))),
        // the implicit rejection contested before the court: no decision, and nothing left to tell
        new Story(RuleId.IMPLICIT_REJECTION, e -> List.of(e.opened(t(-200), t(400)), e.submission(t(-80))),
            12, Severity.WARNING, 42, Severity.HIGH, 47, (e, d) -> e.appeal(d, org.vigie.schemas.AppealKind.COURT_APPEAL)),
        new Story(RuleId.APPEAL_DEADLINE, e -> List.of(e.opened(t(-200), t(400)), e.submission(t(-80))),
            42, Severity.WARNING, 89, Severity.HIGH, 92, (e, d) -> e.decision(d, Decision.GRANTED, d.plusYears(2))),
        // an explicit refusal dated ahead (the clock alone raises it), then granted after the court's ruling
        new Story(RuleId.APPEAL_DEADLINE, e -> List.of(e.opened(t(-200), t(400)), e.submission(t(-80)),
            e.decision(t(10), Decision.REFUSED, null)), 10, Severity.WARNING,
            (int) java.time.temporal.ChronoUnit.DAYS.between(T, t(10).plusMonths(2).minusDays(15)), Severity.HIGH,
            (int) java.time.temporal.ChronoUnit.DAYS.between(T, t(10).plusMonths(2)),
            (e, d) -> e.decision(d, Decision.GRANTED, d.plusYears(2))),
        // a refusal with an OQTF: HIGH at once, CRITICAL in its last week, resolved once the appeal is filed
        new Story(RuleId.APPEAL_DEADLINE, e -> List.of(e.opened(t(-200), t(400)), e.submission(t(-80)),
            e.decision(t(10), Decision.REFUSED_WITH_OQTF, null)), 10, Severity.HIGH, 33, Severity.CRITICAL, 35,
            (e, d) -> e.appeal(d, org.vigie.schemas.AppealKind.COURT_APPEAL)),
        new Story(RuleId.BLOCKAGE_UNRESOLVED, e -> List.of(e.opened(t(-200), t(400)),
            e.blockage(t(-5), BlockageKind.NO_NEWS_IN_INSTRUCTION)), 9, Severity.WARNING, 25, Severity.HIGH, 27,
            (e, d) -> e.unblocked(d, BlockageKind.NO_NEWS_IN_INSTRUCTION)),
        new Story(RuleId.CCC_UNANSWERED, e -> List.of(e.opened(t(-200), t(400)), e.ccc(t(1), CccOutcome.NO_ANSWER),
            e.ccc(t(2), CccOutcome.NO_ANSWER), e.ccc(t(3), CccOutcome.AUTOMATED_REPLY)), 3, Severity.WARNING, null,
            null, 6, (e, d) -> e.ccc(d, CccOutcome.RESOLVED)),
        new Story(RuleId.EMPLOYMENT_AT_RISK, e -> List.of(e.opened(t(-200), PermitKind.CARTE_TEMPORAIRE, t(5), true,
            false), e.submission(t(-70))), 6, Severity.CRITICAL, null, null, 8, (e, d) -> e.api(d, d.plusDays(90))),
        new Story(RuleId.BENEFITS_AT_RISK, e -> List.of(e.opened(t(-200), PermitKind.CARTE_TEMPORAIRE, t(5), false,
            true), e.submission(t(-70))), 6, Severity.CRITICAL, null, null, 8, (e, d) -> e.api(d, d.plusDays(90))),
        new Story(RuleId.HEALTH_COVER_CLOSING, e -> List.of(e.opened(t(-200), t(5)), e.submission(t(-70))),
            6, Severity.WARNING, (int) java.time.temporal.ChronoUnit.DAYS.between(T, t(6).plusMonths(6).minusDays(30)),
            Severity.HIGH, 170, (e, d) -> e.api(d, d.plusDays(90))));
  }

  private static List<CaseAlert> of(List<CaseAlert> alerts, RuleId rule) {
    return alerts.stream().filter(a -> a.getRule() == rule).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void raisedByTheClockEscalatedAndResolved(Story story) {
    try (RulesDriver driver = new RulesDriver()) {
      Events e = new Events("case-" + story.rule().name().toLowerCase());
      story.setup().apply(e).forEach(driver::record);
      driver.advanceTo(t(story.raiseDay() - 1));
      assertThat(of(driver.newAlerts(), story.rule())).as("nothing before day %d", story.raiseDay()).isEmpty();

      driver.advanceTo(t(story.raiseDay()));
      List<CaseAlert> raised = of(driver.newAlerts(), story.rule());
      assertThat(raised).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(a.getSeverity()).isEqualTo(story.raised());
        assertThat(a.getMessage().getFr()).isNotBlank().doesNotContainPattern(CODE);
        assertThat(a.getMessage().getEn()).isNotBlank().doesNotContainPattern(CODE);
      });
      String alertId = raised.get(0).getAlertId();

      if (story.escalateDay() != null) {
        driver.advanceTo(t(story.escalateDay() - 1));
        // nothing new: at most the same alert emitted again with its next steps (the implicit rejection arose, or
        // its time to contest ended)
        assertThat(of(driver.newAlerts(), story.rule())).allSatisfy(a -> {
          assertThat(a.getAlertId()).isEqualTo(alertId);
          assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
          assertThat(a.getSeverity()).isEqualTo(story.raised());
          assertThat(a.getMessage().getFr()).contains("La demande est implicitement rejetée depuis le");
        });
        driver.advanceTo(t(story.escalateDay()));
        assertThat(of(driver.newAlerts(), story.rule())).singleElement().satisfies(a -> {
          assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
          assertThat(a.getAlertId()).isEqualTo(alertId);
          assertThat(a.getSeverity()).isEqualTo(story.escalated());
        });
      }

      driver.advanceTo(t(story.resolveDay()));
      of(driver.newAlerts(), story.rule()).forEach(a -> assertThat(a.getAlertId()).isEqualTo(alertId));
      CaseEvent resolving = story.resolver().apply(e, driver.today());
      driver.record(resolving);
      // the appeal to the court the alert called for closes it as such; anything else ended the situation
      boolean appeal = resolving.getPayload() instanceof SituationUpdated u && u.getAppeal() != null;
      assertThat(of(driver.newAlerts(), story.rule())).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.getAlertId()).isEqualTo(alertId);
        assertThat(a.getLapsed()).as("resolved by what was recorded").isFalse();
        assertThat(a.getResolution()).isEqualTo(appeal ? Resolution.APPEAL_FILED : Resolution.SITUATION_ENDED);
        assertThat(a.getMessage().getFr()).startsWith("Alerte « " + CodeWording.FRENCH.of(story.rule())
                + (appeal ? " » close : le recours devant le tribunal administratif est enregistré" : " » résolue"))
            .doesNotContainPattern(CODE);
        assertThat(a.getMessage().getEn()).startsWith("Alert \"" + CodeWording.ENGLISH.of(story.rule())
                + (appeal ? "\" closed: the appeal to the administrative court is recorded" : "\" resolved"))
            .doesNotContainPattern(CODE);
      });
    }
  }

  @Test
  void anAlertWhoseDeadlinePassesWithNothingRecordedLapsesAndItsRecordSaysSo() {
    try (RulesDriver driver = new RulesDriver()) {
      Events e = new Events("case-lapsed");
      List.of(e.opened(t(-200), t(400)), e.submission(t(-80)), e.decision(t(1), Decision.REFUSED_WITH_OQTF, null))
          .forEach(driver::record);
      driver.advanceTo(t(31));
      assertThat(of(driver.newAlerts(), RuleId.APPEAL_DEADLINE)).isNotEmpty().allSatisfy(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(a.getLapsed()).isFalse();
      });
      driver.advanceTo(t(32));
      assertThat(of(driver.newAlerts(), RuleId.APPEAL_DEADLINE)).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.getLapsed()).isTrue();
        assertThat(a.getResolution()).isEqualTo(Resolution.DEADLINE_PASSED);
        assertThat(a.getDeadline()).isEqualTo(t(31));
        assertThat(a.getMessage().getFr()).startsWith("Alerte « " + CodeWording.FRENCH.of(RuleId.APPEAL_DEADLINE)
            + " » close : son échéance du ").contains("est passée sans que rien").doesNotContainPattern(CODE);
        assertThat(a.getMessage().getEn()).contains("closed: its deadline of").doesNotContainPattern(CODE);
      });
    }
  }
  @Test
  void anImplicitRejectionLeftUncontestedIsToldFinalByTheClockOnTheDayAfterItsTimeEnded() {
    try (RulesDriver driver = new RulesDriver()) {
      Events e = new Events("case-final");
      List.of(e.opened(t(-200), t(400)), e.submission(t(-80))).forEach(driver::record);
      LocalDate rejection = t(-80).plusMonths(4);
      LocalDate lastDay = rejection.plusMonths(2);
      driver.advanceTo(rejection);
      List<CaseAlert> arisen = of(driver.newAlerts(), RuleId.IMPLICIT_REJECTION);
      assertThat(arisen).extracting(CaseAlert::getSeverity).containsExactly(Severity.WARNING, Severity.HIGH);
      assertThat(arisen).allSatisfy(a -> assertThat(a.getDeadline()).isEqualTo(rejection));
      String alertId = arisen.get(1).getAlertId();
      driver.advanceTo(lastDay);
      assertThat(of(driver.newAlerts(), RuleId.IMPLICIT_REJECTION)).isEmpty();

      driver.advanceTo(lastDay.plusDays(1));
      List<CaseAlert> told = driver.newAlerts();
      assertThat(of(told, RuleId.IMPLICIT_REJECTION)).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(a.getAlertId()).as("the same alert").isEqualTo(alertId);
        assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(a.getDeadline()).isEqualTo(lastDay);
        assertThat(a.getRuleVersion()).isEqualTo("3");
        assertThat(a.getMessage().getFr()).contains("le rejet est devenu définitif").doesNotContain("L.521-1")
            .doesNotContainPattern(CODE);
        assertThat(a.getMessage().getEn()).contains("the rejection is final").doesNotContainPattern(CODE);
      });
      assertThat(of(told, RuleId.APPEAL_DEADLINE)).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.getResolution()).isEqualTo(Resolution.DEADLINE_PASSED);
      });
      driver.advanceTo(lastDay.plusYears(1));
      assertThat(of(driver.newAlerts(), RuleId.IMPLICIT_REJECTION)).as("told once").isEmpty();

      // the appeal filed in time, recorded a year later, closes it as such
      driver.record(e.appeal(lastDay.minusDays(2), org.vigie.schemas.AppealKind.COURT_APPEAL));
      assertThat(of(driver.newAlerts(), RuleId.IMPLICIT_REJECTION)).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(a.getAlertId()).isEqualTo(alertId);
        assertThat(a.getResolution()).isEqualTo(Resolution.APPEAL_FILED);
      });
    }
  }

  /** The day the request of {@link #recordAnApiLapsingOnAPendingRequest} is implicitly rejected. */
  static final LocalDate REJECTION = t(-100).plusMonths(4);

  /** A request filed on day -100 and still awaiting its decision, its API lapsed after day 5. */
  private static void recordAnApiLapsingOnAPendingRequest(RulesDriver driver, Events e) {
    List.of(e.opened(t(-200), t(-20)), e.submission(t(-100)), e.api(t(-21), t(5))).forEach(driver::record);
  }

  @Test
  void anOpenAlertIsEmittedAgainWithItsNextStepsWhenTheImplicitRejectionArisesAndWhenItsTimeEnds() {
    try (RulesDriver driver = new RulesDriver()) {
      Events e = new Events("case-steps");
      recordAnApiLapsingOnAPendingRequest(driver, e);
      LocalDate rejection = REJECTION;
      LocalDate lastDay = rejection.plusMonths(2);
      driver.advanceTo(t(6));
      List<CaseAlert> lapsed = of(driver.newAlerts(), RuleId.API_EXPIRED);
      assertThat(lapsed).singleElement().satisfies(a -> assertThat(a.getMessage().getFr()).contains("(CJA L.521-3)"));
      String alertId = lapsed.get(0).getAlertId();
      driver.advanceTo(rejection.minusDays(1));
      assertThat(of(driver.newAlerts(), RuleId.API_EXPIRED)).isEmpty();

      driver.advanceTo(rejection);
      assertThat(of(driver.newAlerts(), RuleId.API_EXPIRED)).singleElement().satisfies(a -> {
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(a.getAlertId()).isEqualTo(alertId);
        assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.getMessage().getFr()).contains("le référé mesures utiles n'est plus la voie")
            .contains("(CJA L.521-1)").doesNotContain("L.521-3");
      });
      driver.advanceTo(lastDay);
      assertThat(of(driver.newAlerts(), RuleId.API_EXPIRED)).isEmpty();
      driver.advanceTo(lastDay.plusDays(1));
      assertThat(of(driver.newAlerts(), RuleId.API_EXPIRED)).singleElement().satisfies(a -> {
        assertThat(a.getAlertId()).isEqualTo(alertId);
        assertThat(a.getMessage().getFr()).contains("le délai pour contester ce rejet a pris fin");
      });
      driver.advanceTo(lastDay.plusMonths(3));
      assertThat(of(driver.newAlerts(), RuleId.API_EXPIRED)).isEmpty();
    }
  }

  @Test
  void anAppealToTheCourtRecordedEmitsTheOpenAlertsAgainWithTheirNextSteps() {
    try (RulesDriver driver = new RulesDriver()) {
      Events e = new Events("case-contested");
      recordAnApiLapsingOnAPendingRequest(driver, e);
      LocalDate rejection = REJECTION;
      driver.advanceTo(rejection.plusDays(3));
      String alertId = of(driver.newAlerts(), RuleId.API_EXPIRED).get(0).getAlertId();
      driver.record(e.appeal(rejection.plusDays(2), org.vigie.schemas.AppealKind.COURT_APPEAL));
      List<CaseAlert> after = driver.newAlerts();
      assertThat(of(after, RuleId.API_EXPIRED)).singleElement().satisfies(a -> {
        assertThat(a.getAlertId()).isEqualTo(alertId);
        assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
        assertThat(a.getMessage().getFr()).contains("ce rejet est contesté devant le tribunal administratif");
      });
      assertThat(of(after, RuleId.IMPLICIT_REJECTION)).singleElement()
          .satisfies(a -> assertThat(a.getResolution()).isEqualTo(Resolution.APPEAL_FILED));
      // a fact that leaves the stage as it was emits nothing again
      driver.record(e.ccc(driver.today(), CccOutcome.NO_ANSWER));
      assertThat(of(driver.newAlerts(), RuleId.API_EXPIRED)).isEmpty();
    }
  }
}
