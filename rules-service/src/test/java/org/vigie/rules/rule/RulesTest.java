package org.vigie.rules.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.rules.Events;
import org.vigie.rules.Scenario;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.RuleSets;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/** Each rule on small hand-written cases: when it starts, escalates and ends. */
class RulesTest {
  static final LocalDate EXPIRY = LocalDate.of(2026, 12, 1);
  static final LocalDate OPENED = LocalDate.of(2026, 1, 10);

  final Events e = new Events("case-1");

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Nested
  class RenewalWindowOpenRule {
    final Scenario s = Scenario.of(e.opened(OPENED, EXPIRY));

    @Test
    void opensAt120DaysBeforeExpiryAndClosesAfterTheLastOnTimeDay() {
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(121))).isNull();
      Condition c = s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(120));
      assertThat(c.severity()).isEqualTo(Severity.INFO);
      assertThat(c.episodeStart()).isEqualTo(EXPIRY.minusDays(120));
      assertThat(c.deadline()).isEqualTo(EXPIRY.minusDays(60));
      assertThat(c.message().fr()).contains("1 décembre 2026").contains("2 octobre 2026");
      assertThat(c.message().en()).contains("1 December 2026");
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(60))).isNotNull();
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(59))).isNull();
    }

    @Test
    void endsWithASubmission() {
      s.record(e.submission(EXPIRY.minusDays(100)));
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(110))).isNotNull();
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(100))).isNull();
    }

    @Test
    void followsTheAssociationsThresholds() {
      AssociationSettings overrides = AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setThresholds(Map.of("RENEWAL_WINDOW_OPEN.openDays", 150, "NOT_A_RULE.x", 3))
          .setUpdatedAt(java.time.Instant.EPOCH).build();
      s.settings(Scenario.ENGINE.defaults().with(overrides));
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(150))).isNotNull();
    }

    @Test
    void aDisabledRuleRaisesNothing() {
      AssociationSettings off = AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setDisabledRules(List.of(RuleId.RENEWAL_WINDOW_OPEN)).setUpdatedAt(java.time.Instant.EPOCH).build();
      s.settings(Scenario.ENGINE.defaults().with(off));
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, EXPIRY.minusDays(100))).isNull();
    }
  }

  @Nested
  class RenewalDeadlineRule {
    final Scenario s = Scenario.of(e.opened(OPENED, EXPIRY));

    @Test
    void warnsThenEscalatesThenIsCriticalAfterExpiry() {
      LocalDate deadline = EXPIRY.minusDays(60);
      assertThat(s.condition(RuleId.RENEWAL_DEADLINE, deadline.minusDays(31))).isNull();
      assertThat(s.condition(RuleId.RENEWAL_DEADLINE, deadline.minusDays(30)).severity()).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.RENEWAL_DEADLINE, deadline.minusDays(7)).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.RENEWAL_DEADLINE, EXPIRY).severity()).isEqualTo(Severity.HIGH);
      Condition late = s.condition(RuleId.RENEWAL_DEADLINE, EXPIRY.plusDays(1));
      assertThat(late.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(late.episodeStart()).isEqualTo(deadline.minusDays(30));
      assertThat(late.message().fr()).contains("plus de droit au séjour");
    }

    @Test
    void resolvedByASubmissionEvenALateOne() {
      s.record(e.submission(EXPIRY.plusDays(5)));
      assertThat(s.condition(RuleId.RENEWAL_DEADLINE, EXPIRY.plusDays(4))).isNotNull();
      assertThat(s.condition(RuleId.RENEWAL_DEADLINE, EXPIRY.plusDays(5))).isNull();
    }
  }

  @Nested
  class PermitExpiredWithoutApiRule {
    @Test
    void criticalAtExpiryForATemporaryCard() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)));
      assertThat(s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY)).isNull();
      Condition c = s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY.plusDays(1));
      assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(c.episodeStart()).isEqualTo(EXPIRY.plusDays(1));
    }

    @Test
    void highDuringTheThreeMonthToleranceOfAMultiYearCardThenCritical() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_PLURIANNUELLE, EXPIRY, false, false),
          e.submission(EXPIRY.minusDays(90)));
      Condition tolerated = s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY.plusDays(1));
      assertThat(tolerated.severity()).isEqualTo(Severity.HIGH);
      assertThat(tolerated.deadline()).isEqualTo(EXPIRY.plusDays(90));
      assertThat(tolerated.message().fr()).contains("L.433-3");
      assertThat(s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY.plusDays(91)).severity())
          .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void noToleranceWhenTheRenewalWasFiledAfterExpiry() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_RESIDENT, EXPIRY, false, false),
          e.submission(EXPIRY.plusDays(3)));
      assertThat(s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY.plusDays(3)).severity())
          .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void endsWhenAnApiIsIssuedOrADecisionArrives() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.api(EXPIRY.plusDays(10), EXPIRY.plusDays(100)));
      assertThat(s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY.plusDays(9))).isNotNull();
      assertThat(s.condition(RuleId.PERMIT_EXPIRED_WITHOUT_API, EXPIRY.plusDays(10))).isNull();
      Scenario granted = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.decision(EXPIRY.plusDays(20), Decision.GRANTED, EXPIRY.plusYears(2)));
      assertThat(granted.conditions(EXPIRY.plusDays(20))).isEmpty();
    }
  }

  @Nested
  class ApiExpiringRule {
    final LocalDate until = EXPIRY.plusDays(90);
    final Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
        e.api(EXPIRY.minusDays(1), until));

    @Test
    void warnsThirtyDaysBeforeThenHighSevenDaysBefore() {
      assertThat(s.condition(RuleId.API_EXPIRING, until.minusDays(31))).isNull();
      assertThat(s.condition(RuleId.API_EXPIRING, until.minusDays(30)).severity()).isEqualTo(Severity.WARNING);
      Condition urgent = s.condition(RuleId.API_EXPIRING, until.minusDays(7));
      assertThat(urgent.severity()).isEqualTo(Severity.HIGH);
      assertThat(urgent.episodeStart()).isEqualTo(until.minusDays(30));
      assertThat(urgent.deadline()).isEqualTo(until);
      assertThat(s.condition(RuleId.API_EXPIRING, until.plusDays(1))).isNull();
    }

    @Test
    void endsWithARenewedApi() {
      s.record(e.api(until.minusDays(10), until.plusDays(90)));
      assertThat(s.condition(RuleId.API_EXPIRING, until.minusDays(10))).isNull();
      assertThat(s.condition(RuleId.API_EXPIRED, until.plusDays(1))).isNull();
    }
  }

  @Nested
  class ApiExpiredRule {
    final LocalDate until = EXPIRY.plusDays(90);

    @Test
    void criticalTheDayAfterTheLastValidDayUntilANewApi() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.api(EXPIRY.minusDays(1), until), e.api(until.plusDays(12), until.plusDays(100)));
      assertThat(s.condition(RuleId.API_EXPIRED, until)).isNull();
      Condition c = s.condition(RuleId.API_EXPIRED, until.plusDays(1));
      assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(c.episodeStart()).isEqualTo(until.plusDays(1));
      assertThat(s.condition(RuleId.API_EXPIRED, until.plusDays(12))).isNull();
    }

    @Test
    void aRecordedLapseEndsTheApiEarly() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.api(EXPIRY.minusDays(1), until), e.apiLapse(EXPIRY.plusDays(20)));
      assertThat(s.condition(RuleId.API_EXPIRED, EXPIRY.plusDays(19))).isNull();
      assertThat(s.condition(RuleId.API_EXPIRED, EXPIRY.plusDays(20)).episodeStart()).isEqualTo(EXPIRY.plusDays(20));
      assertThat(s.condition(RuleId.API_EXPIRING, EXPIRY.plusDays(20))).isNull();
    }

    @Test
    void itsNextStepsFollowTheImplicitRejection() {
      // filed 2 September 2026: implicitly rejected on 2 January 2027, contestable until 2 March 2027
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.api(EXPIRY.minusDays(1), EXPIRY.plusDays(20)));
      assertThat(s.condition(RuleId.API_EXPIRED, day("2027-01-01")).message().fr())
          .contains("référé mesures utiles (CJA L.521-3)").doesNotContain("implicitement rejetée");
      Message arisen = s.condition(RuleId.API_EXPIRED, day("2027-01-02")).message();
      assertThat(arisen.fr()).contains("Centre de contact citoyen")
          .contains("La demande est implicitement rejetée depuis le 2 janvier 2027 (CESEDA R.432-1) : le référé mesures "
              + "utiles n'est plus la voie. Un·e avocat·e peut contester ce rejet devant le tribunal administratif "
              + "jusqu'au 2 mars 2027 et, en cas d'urgence, demander un référé-suspension (CJA L.521-1)")
          .doesNotContain("L.521-3");
      assertThat(arisen.en()).contains("a référé mesures utiles is no longer the way").contains("until 2 March 2027");
      assertThat(s.condition(RuleId.API_EXPIRED, day("2027-03-03")).message().fr())
          .contains("et le délai pour contester ce rejet a pris fin le 2 mars 2027 : orienter vers un·e avocat·e")
          .doesNotContain("L.521-1").doesNotContain("L.521-3");
      assertThat(s.condition(RuleId.HEALTH_COVER_CLOSING, day("2027-01-02")).message().fr())
          .contains("le référé mesures utiles n'est plus la voie");
      s.record(e.appeal(day("2027-02-01"), AppealKind.COURT_APPEAL));
      assertThat(s.condition(RuleId.API_EXPIRED, day("2027-02-05")).message().fr())
          .contains("implicitement rejetée depuis le 2 janvier 2027 (CESEDA R.432-1) et ce rejet est contesté devant le "
              + "tribunal administratif : signaler cette situation à l'avocat·e qui suit le recours.");
    }
  }

  @Nested
  class ApiNotIssuedRule {
    @Test
    void warnsFifteenDaysBeforeExpiryThenHighAfter() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(70)));
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.minusDays(16))).isNull();
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.minusDays(15)).severity()).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.minusDays(15)).message().fr())
          .contains("le titre expire le 1 décembre 2026");
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.plusDays(1)).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.plusDays(1)).message().fr())
          .contains("le titre a expiré le 1 décembre 2026");
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.plusDays(1)).message().en())
          .contains("the permit expired on 1 December 2026");
      s.record(e.api(EXPIRY.plusDays(5), EXPIRY.plusDays(95)));
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.plusDays(5))).isNull();
    }

    @Test
    void startsFourMonthsAfterFilingWhenThatComesFirst() {
      LocalDate later = EXPIRY.plusYears(1);
      Scenario s = Scenario.of(e.opened(OPENED, later), e.submission(day("2026-03-01")));
      assertThat(s.condition(RuleId.API_NOT_ISSUED, day("2026-06-30"))).isNull();
      assertThat(s.condition(RuleId.API_NOT_ISSUED, day("2026-07-01")).episodeStart()).isEqualTo(day("2026-07-01"));
    }

    @Test
    void notForALateFiling() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(30)));
      assertThat(s.condition(RuleId.API_NOT_ISSUED, EXPIRY.plusDays(1))).isNull();
    }
  }

  @Nested
  class ImplicitRejectionRule {
    final LocalDate filed = day("2026-03-10");
    final LocalDate rejection = day("2026-07-10");

    @Test
    void warnsBeforeFourMonthsOfSilenceThenHighEvenWithAnApi() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed),
          e.api(day("2026-04-01"), day("2026-12-31")));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.minusDays(31))).isNull();
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.minusDays(30)).severity()).isEqualTo(Severity.WARNING);
      Condition arisen = s.condition(RuleId.IMPLICIT_REJECTION, rejection);
      assertThat(arisen.severity()).isEqualTo(Severity.HIGH);
      assertThat(arisen.message().fr()).contains("L.521-1").contains("même si une API");
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.minusDays(1)).message().fr()).contains("L.521-3");
    }

    @Test
    void anIncompleteSubmissionDoesNotStartTheClockAndADecisionEndsIt() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed, false, true));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(10))).isNull();
      s.record(e.submission(filed.plusDays(10)));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(10))).isNotNull();
      s.record(e.decision(rejection.plusDays(20), Decision.REFUSED, null));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(20))).isNull();
    }

    @Test
    void anAppealBeforeTheCourtAfterTheRejectionEndsItNotBefore() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed),
          e.appeal(rejection.minusDays(10), AppealKind.USEFUL_MEASURES_REFERRAL),
          e.appeal(rejection.minusDays(5), AppealKind.COURT_APPEAL));
      // before the rejection arises, nothing filed makes the prefecture decide: the warning holds, then the rejection
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.minusDays(5)).severity()).isEqualTo(Severity.WARNING);
      Condition arisen = s.condition(RuleId.IMPLICIT_REJECTION, rejection);
      assertThat(arisen.severity()).isEqualTo(Severity.HIGH);
      assertThat(arisen.message().fr()).contains("l'enregistrer sur le dossier (« Recours déposé ») : l'alerte se clôt.");
      assertThat(arisen.message().en()).contains("record it on the case (\"Appeal filed\")");
      assertThat(arisen.message().fr()).endsWith(" : l'alerte se clôt. Alerte d'aide au suivi, pas un calcul juridique "
          + "opposable : vérifier les dates.");
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.minusDays(1)).message().fr())
          .as("before it arises, an appeal ends nothing").doesNotContain("Recours déposé");
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection).message().fr()).contains("(« Recours déposé »)");
      // an appeal to the prefecture leaves it open
      s.record(e.appeal(rejection.plusDays(3), AppealKind.ADMINISTRATIVE_APPEAL));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(4))).isNotNull();
      // a référé-suspension filed on a day still to come ends it that day, and the engine wakes up then
      s.record(e.appeal(rejection.plusDays(12), AppealKind.SUSPENSION_REFERRAL));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(11))).isNotNull();
      assertThat(s.on(rejection.plusDays(11)).nextChange()).contains(rejection.plusDays(12));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(12))).isNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(12))).as("as the time to appeal").isNull();
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusMonths(6))).isNull();
    }

    @Test
    void onceTheTimeToContestEndedWithNoAppealItSaysTheRejectionIsFinal() {
      LocalDate lastDay = day("2026-09-10");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed));
      Condition contest = s.condition(RuleId.IMPLICIT_REJECTION, lastDay);
      assertThat(contest.deadline()).isEqualTo(rejection);
      assertThat(contest.message().fr()).contains("L.521-1").doesNotContain("définitif");
      assertThat(s.on(lastDay).nextChange()).contains(lastDay.plusDays(1));
      Condition over = s.condition(RuleId.IMPLICIT_REJECTION, lastDay.plusDays(1));
      assertThat(over.severity()).isEqualTo(Severity.HIGH);
      assertThat(over.episodeStart()).as("the same alert").isEqualTo(contest.episodeStart());
      assertThat(over.deadline()).as("its deadline now the last day to contest it").isEqualTo(lastDay);
      assertThat(over.message().fr())
          .contains("implicitement rejetée depuis le 10 juillet 2026")
          .contains("le délai pour contester ce rejet devant le tribunal administratif a pris fin le 10 septembre 2026 "
              + "(deux mois, CJA R.421-2), sans recours enregistré : le rejet est devenu définitif.")
          .contains("une nouvelle demande de titre de séjour")
          .contains("Si un recours a été déposé au tribunal dans le délai, l'enregistrer sur le dossier (« Recours "
              + "déposé ») : l'alerte se clôt.")
          .doesNotContain("L.521-1").doesNotContain("Contester le refus implicite")
          .endsWith("Alerte d'aide au suivi, pas un calcul juridique opposable : vérifier les dates.");
      assertThat(over.message().en()).contains("ended on 10 September 2026 (two months, CJA R.421-2), with no appeal "
          + "recorded: the rejection is final.").contains("a new residence permit request");
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, lastDay.plusYears(2)).deadline()).isEqualTo(lastDay);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, lastDay.plusDays(1))).as("its time over").isNull();
      // an appeal filed in time and recorded late ends it
      s.record(e.appeal(lastDay.minusDays(3), AppealKind.COURT_APPEAL));
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, lastDay.plusDays(20))).isNull();
    }

    @Test
    void theTimeIsAYearWhenTheReceiptLackedTheRoutesAndMovesWithAnAppealToThePrefecture() {
      Scenario noRoutes = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed, true, false));
      assertThat(noRoutes.condition(RuleId.IMPLICIT_REJECTION, day("2027-07-10")).deadline()).isEqualTo(rejection);
      Condition over = noRoutes.condition(RuleId.IMPLICIT_REJECTION, day("2027-07-11"));
      assertThat(over.deadline()).isEqualTo(day("2027-07-10"));
      assertThat(over.message().fr()).contains("a pris fin le 10 juillet 2027 (un an, l'accusé de réception "
          + "n'indiquant pas les voies et délais de recours : CJA R.421-5 ; CE, 13 juillet 2016, n°387763)");

      LocalDate appealed = rejection.plusDays(20);
      Scenario interrupted = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed),
          e.appeal(appealed, AppealKind.ADMINISTRATIVE_APPEAL));
      LocalDate lastDay = appealed.plusMonths(4);
      assertThat(interrupted.condition(RuleId.APPEAL_DEADLINE, lastDay).deadline()).isEqualTo(lastDay);
      assertThat(interrupted.condition(RuleId.IMPLICIT_REJECTION, lastDay).deadline()).isEqualTo(rejection);
      assertThat(interrupted.condition(RuleId.IMPLICIT_REJECTION, lastDay.plusDays(1)).message().fr())
          .contains("a pris fin le 30 novembre 2026 (deux mois après le rejet implicite du recours gracieux ou "
              + "hiérarchique du 30 juillet 2026, CRPA L.411-2)");
    }

    @Test
    void theSeventhRuleSetKeptTellingToContest() {
      RuleEngine v7 = RuleEngine.named(RuleSets.V7);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed));
      LocalDate later = day("2027-03-01");
      assertThat(v7.evaluate(s.state(), later, v7.defaults()).conditions())
          .filteredOn(c -> c.condition().rule() == RuleId.IMPLICIT_REJECTION).singleElement()
          .satisfies(c -> {
            assertThat(c.condition().deadline()).isEqualTo(rejection);
            assertThat(c.condition().message().fr()).contains("référé-suspension (CJA L.521-1)");
          });
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, later).message().fr()).contains("définitif");
    }

    @Test
    void theThirdRuleSetKeptItOpenWhateverWasFiled() {
      RuleEngine v3 = RuleEngine.named(RuleSets.V3);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(filed),
          e.appeal(rejection.plusDays(2), AppealKind.COURT_APPEAL));
      assertThat(v3.evaluate(s.state(), rejection.plusDays(5), v3.defaults()).conditions())
          .anyMatch(c -> c.condition().rule() == RuleId.IMPLICIT_REJECTION)
          .noneMatch(c -> c.condition().rule() == RuleId.APPEAL_DEADLINE);
      assertThat(s.condition(RuleId.IMPLICIT_REJECTION, rejection.plusDays(5))).isNull();
    }
  }

  @Nested
  class AppealDeadlineRule {
    final LocalDate rejection = day("2026-07-10");

    @Test
    void twoMonthsFromTheImplicitRejectionHighInTheLastFifteenDays() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10")));
      LocalDate deadline = day("2026-09-10");
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.minusDays(1))).isNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection).severity()).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, deadline.minusDays(15)).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, deadline).deadline()).isEqualTo(deadline);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, deadline.plusDays(1))).isNull();
    }

    @Test
    void oneYearWhenTheReceiptLackedTheAppealRoutes() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10"), true, false));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection).deadline()).isEqualTo(day("2027-07-10"));
    }

    @Test
    void aRefusalWithAnOqtfIsHighAtOnceForThirtyDays() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(refused, Decision.REFUSED_WITH_OQTF, null));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, refused.minusDays(1))).isNull();
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, refused);
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.episodeStart()).isEqualTo(refused);
      assertThat(c.deadline()).isEqualTo(day("2026-06-03"));
      assertThat(c.message().fr()).contains("obligation de quitter le territoire français (OQTF)")
          .contains("au plus tard le 3 juin 2026 si un délai de départ volontaire a été accordé")
          .contains("le délai est de sept jours (L.921-1), en rétention de 48 heures (L.921-2)")
          .contains("enregistrer ses conditions ou le dernier jour qu'elle indique")
          .contains("un recours gracieux ne prolonge pas ce délai");
      assertThat(c.message().en()).contains("by 3 June 2026");
      assertThat(c.message().fr()).contains("l'enregistrer sur le dossier (« Recours déposé ») : l'alerte se clôt.")
          .endsWith("vérifier les dates.");
      assertThat(s.on(refused).nextChange()).contains(day("2026-05-27"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-26")).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-27")).severity()).as("its last week")
          .isEqualTo(Severity.CRITICAL);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-03"))).isNotNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-04"))).isNull();
      assertThat(s.on(day("2026-05-27")).nextChange()).contains(day("2026-06-04"));
    }

    @Test
    void theLastDayTheDecisionStatesIsTheDeadline() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.refusal(refused, Decision.REFUSED_WITH_OQTF, day("2026-05-06")));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, refused);
      assertThat(c.deadline()).isEqualTo(day("2026-05-06"));
      assertThat(c.severity()).as("two days: critical at once").isEqualTo(Severity.CRITICAL);
      assertThat(c.message().fr()).contains("au plus tard le 6 mai 2026, comme l'indique la décision.")
          .doesNotContain("vérifier le délai");
      assertThat(s.on(refused).nextChange()).contains(day("2026-05-07"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-07"))).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "DEPARTURE_PERIOD, 2026-06-03, HIGH, délai de départ volontaire accordé, CESEDA L.911-1",
        "NO_DEPARTURE_PERIOD, 2026-05-11, CRITICAL, sans délai de départ volontaire, sept jours après la notification",
        "HOUSE_ARREST_OR_PRISON, 2026-05-11, CRITICAL, en assignation à résidence ou en détention, CESEDA L.921-1",
        "RETENTION_CENTRE, 2026-05-06, CRITICAL, en rétention, 48 heures"})
    void anOqtfIsTimedByTheTermsItsNotificationStates(OqtfTerms terms, LocalDate deadline, Severity severity,
        String says, String reference) {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")), e.oqtf(refused, terms));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, refused);
      assertThat(c.deadline()).isEqualTo(deadline);
      assertThat(c.severity()).isEqualTo(severity);
      assertThat(c.message().fr()).contains("au plus tard le " + Texts.fr(deadline)).contains(says).contains(reference)
          .doesNotContain("si un délai de départ volontaire a été accordé");
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, deadline)).isNotNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, deadline.plusDays(1))).isNull();
      assertThat(s.on(refused).nextChange()).contains(severity == Severity.CRITICAL ? deadline.plusDays(1)
          : deadline.minusDays(7));
    }

    @Test
    void inARetentionCentreTheStepsNameTheAssociationThere() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.oqtf(day("2026-05-04"), OqtfTerms.RETENTION_CENTRE));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-04"));
      assertThat(c.message().fr()).contains("à l'heure où la décision a été notifiée")
          .contains("l'association d'aide juridique présente au centre de rétention");
      assertThat(c.message().en()).contains("by 6 May 2026 at the latest, at the hour the decision was notified")
          .contains("legal help association present in the retention centre");
    }

    @Test
    void theLastDayTheDecisionStatesComesBeforeTheTerms() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.event(refused, new DecisionReceived(Decision.REFUSED_WITH_OQTF, null, null, day("2026-05-20"),
              OqtfTerms.NO_DEPARTURE_PERIOD)));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, refused).deadline()).isEqualTo(day("2026-05-20"));
    }

    @Test
    void theShortTimesFollowTheAssociationsSettings() {
      AssociationSettings shorter = AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setThresholds(Map.of("APPEAL_DEADLINE.oqtfShortAppealDays", 5, "APPEAL_DEADLINE.oqtfRetentionAppealDays", 1))
          .setUpdatedAt(java.time.Instant.EPOCH).build();
      RuleSettings settings = Scenario.ENGINE.defaults().with(shorter);
      DecisionFact without = new DecisionFact("d", day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null, null, null,
          OqtfTerms.NO_DEPARTURE_PERIOD, null);
      assertThat(AppealDeadlineV5.deadlineOf(without, settings)).contains(day("2026-05-09"));
      DecisionFact retention = DecisionFact.newBuilder(without).setOqtfTerms(OqtfTerms.RETENTION_CENTRE).build();
      assertThat(AppealDeadlineV5.deadlineOf(retention, settings)).contains(day("2026-05-05"));
    }

    @Test
    void theFifthRuleSetCountedThirtyDaysForEveryOqtf() {
      RuleEngine v5 = RuleEngine.named(RuleSets.V5);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.oqtf(day("2026-05-04"), OqtfTerms.RETENTION_CENTRE));
      assertThat(v5.evaluate(s.state(), day("2026-05-20"), v5.defaults()).conditions())
          .anyMatch(c -> c.condition().rule() == RuleId.APPEAL_DEADLINE);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-20"))).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "NO_DEPARTURE_PERIOD, 2026-05-11, 11 mai 2026 (sept jours sans délai de départ volontaire, CESEDA L.921-1)",
        "HOUSE_ARREST_OR_PRISON, 2026-05-11, 11 mai 2026 (sept jours en assignation à résidence ou en détention",
        "RETENTION_CENTRE, 2026-05-06, 6 mai 2026 (48 heures en rétention, CESEDA L.921-2)"})
    void anOqtfRecordedAfterItsTimeEndedIsToldCriticalForAWeekFromTheDayItIsRecorded(OqtfTerms terms,
        LocalDate ended, String says) {
      LocalDate refused = day("2026-05-04");
      LocalDate recorded = day("2026-05-14");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          Events.recordedOn(recorded, e.oqtf(refused, terms)));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, recorded.minusDays(1))).as("not yet recorded").isNull();
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, recorded);
      assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(c.episodeStart()).isEqualTo(refused);
      assertThat(c.deadline()).as("the day the time ended").isEqualTo(ended);
      assertThat(c.message().fr()).contains("le délai pour la contester devant le tribunal administratif a pris fin le "
              + says).contains("avant que la décision soit enregistrée le 14 mai 2026 : l'OQTF peut désormais être "
              + "exécutée.").contains("sans cette mention, ce délai ne court pas (CJA R.421-5) et un recours reste "
              + "possible dans un délai raisonnable, en principe un an au plus (CE, 13 juillet 2016, n°387763)")
          .contains("corriger la décision enregistrée").contains("placement en rétention")
          .contains("« Recours déposé »").endsWith("vérifier les dates.");
      assertThat(c.message().en()).contains("ended on " + Texts.en(ended)).contains("recorded on 14 May 2026");
      assertThat(s.on(recorded).nextChange()).contains(day("2026-05-22"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-21"))).isNotNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-22"))).isNull();
    }

    @Test
    void anOqtfRecordedOnItsLastDayIsWatchedAsBefore() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          Events.recordedOn(day("2026-05-11"), e.oqtf(refused, OqtfTerms.NO_DEPARTURE_PERIOD)));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-11"));
      assertThat(c.message().fr()).contains("au plus tard le 11 mai 2026").doesNotContain("a pris fin");
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-12"))).isNull();
    }

    @Test
    void anOqtfWithoutItsTermsRecordedAfterAMonthSaysEveryTimeWasOver() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          Events.recordedOn(day("2026-06-10"), e.decision(day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null)));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-10"));
      assertThat(c.deadline()).isEqualTo(day("2026-06-03"));
      assertThat(c.message().fr()).contains("a pris fin le 3 juin 2026 (un mois avec un délai de départ volontaire, "
          + "CESEDA L.911-1 ; sept jours ou 48 heures sans ce délai)");
    }

    @Test
    void aRefusalRecordedAfterItsTwoMonthsIsToldHigh() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          Events.recordedOn(day("2026-08-01"), e.decision(day("2026-05-04"), Decision.REFUSED, null)));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, day("2026-08-01"));
      assertThat(c.severity()).isEqualTo(Severity.HIGH);
      assertThat(c.deadline()).isEqualTo(day("2026-07-04"));
      assertThat(c.message().fr()).contains("le délai pour contester ce refus devant le tribunal administratif a pris "
          + "fin le 4 juillet 2026 (deux mois après la notification, CJA R.421-1), avant que la décision soit "
          + "enregistrée le 1 août 2026.").contains("une nouvelle demande si la situation a changé")
          .doesNotContain("OQTF");
    }

    @Test
    void aRefusalAppealedToThePrefectureInTimeEndsLaterAndIsToldOnlyWhenRecordedAfterThat() {
      LocalDate refused = day("2026-05-04");
      Scenario late = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.appeal(day("2026-06-01"), AppealKind.ADMINISTRATIVE_APPEAL),
          Events.recordedOn(day("2026-10-05"), e.decision(refused, Decision.REFUSED, null)));
      Condition c = late.condition(RuleId.APPEAL_DEADLINE, day("2026-10-05"));
      assertThat(c.deadline()).isEqualTo(day("2026-10-01"));
      assertThat(c.message().fr()).contains("a pris fin le 1 octobre 2026 (deux mois après le rejet implicite du "
          + "recours gracieux ou hiérarchique du 1 juin 2026, CRPA L.411-2)");
      Scenario running = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.appeal(day("2026-06-01"), AppealKind.ADMINISTRATIVE_APPEAL),
          Events.recordedOn(day("2026-09-01"), e.decision(refused, Decision.REFUSED, null)));
      assertThat(running.condition(RuleId.APPEAL_DEADLINE, day("2026-09-01")).message().fr())
          .as("the time still runs").doesNotContain("a pris fin");
    }

    @Test
    void aRefusalRecordedMoreThanAYearAfterItsNotificationRaisesNothing() {
      Scenario withinAYear = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2025-03-10")),
          Events.recordedOn(day("2026-05-04"), e.oqtf(day("2025-05-04"), OqtfTerms.NO_DEPARTURE_PERIOD)));
      assertThat(withinAYear.condition(RuleId.APPEAL_DEADLINE, day("2026-05-04"))).isNotNull();
      Scenario imported = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2025-03-10")),
          Events.recordedOn(day("2026-05-05"), e.oqtf(day("2025-05-04"), OqtfTerms.NO_DEPARTURE_PERIOD)));
      assertThat(imported.condition(RuleId.APPEAL_DEADLINE, day("2026-05-05"))).as("past the reasonable time").isNull();
    }

    @Test
    void aRefusalRecordedLateRaisesNothingOnceTheCourtIsSeized() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.appeal(day("2026-05-10"), AppealKind.COURT_APPEAL),
          Events.recordedOn(day("2026-05-20"), e.oqtf(day("2026-05-04"), OqtfTerms.NO_DEPARTURE_PERIOD)));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-20"))).isNull();
    }

    @Test
    void theAssociationSetsHowLongARefusalRecordedLateIsTold() {
      AssociationSettings oneDay = AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setThresholds(Map.of("APPEAL_DEADLINE.lateRecordDays", 0)).setUpdatedAt(java.time.Instant.EPOCH).build();
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          Events.recordedOn(day("2026-05-14"), e.oqtf(day("2026-05-04"), OqtfTerms.NO_DEPARTURE_PERIOD)))
          .settings(Scenario.ENGINE.defaults().with(oneDay));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-14"))).isNotNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-15"))).isNull();
    }

    @Test
    void aDecisionWithoutItsRecordingDayAndTheSixthSetRaiseNothingOnceTheTimeEnded() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          Events.recordedOn(day("2026-05-14"), e.oqtf(day("2026-05-04"), OqtfTerms.NO_DEPARTURE_PERIOD)));
      RuleEngine v6 = RuleEngine.named(RuleSets.V6);
      assertThat(v6.evaluate(s.state(), day("2026-05-14"), v6.defaults()).conditions())
          .noneMatch(c -> c.condition().rule() == RuleId.APPEAL_DEADLINE);
      // a state written before CaseState version 7
      s.state().put("decision", DecisionFact.newBuilder(s.state().getDecision()).setRecordedOn(null).build());
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-14"))).isNull();
    }

    @Test
    void aRefusalWithoutAnOqtfCanBeContestedForTwoMonthsHighInTheLastFifteenDays() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(refused, Decision.REFUSED, null));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, refused);
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.deadline()).isEqualTo(day("2026-07-04"));
      assertThat(c.message().fr()).contains("jusqu'au 4 juillet 2026").contains("référé-suspension");
      assertThat(s.on(refused).nextChange()).contains(day("2026-06-19"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-19")).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-27")).severity()).isEqualTo(Severity.CRITICAL);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-07-05"))).isNull();
    }

    @Test
    void aGrantAfterTheRefusalEndsIt() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-20"))).isNotNull();
      s.record(e.decision(day("2026-05-20"), Decision.GRANTED, EXPIRY.plusYears(1)));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-20"))).isNull();
    }

    @Test
    void theRefusalReplacesTheImplicitRejectionsWindowUnderItsOwnEpisode() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10")));
      Condition implicit = s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(5));
      assertThat(implicit.episodeStart()).isEqualTo(rejection);
      s.record(e.decision(rejection.plusDays(10), Decision.REFUSED_WITH_OQTF, null));
      Condition explicit = s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(10));
      assertThat(explicit.episodeStart()).isEqualTo(rejection.plusDays(10));
      assertThat(explicit.deadline()).isEqualTo(rejection.plusDays(40));
    }

    @Test
    void theOqtfTimeFollowsTheAssociationsSetting() {
      AssociationSettings shorter = AssociationSettings.newBuilder().setAssociationId(Events.ASSOCIATION)
          .setThresholds(Map.of("APPEAL_DEADLINE.oqtfAppealDays", 7)).setUpdatedAt(java.time.Instant.EPOCH).build();
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null))
          .settings(Scenario.ENGINE.defaults().with(shorter));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-04")).deadline()).isEqualTo(day("2026-05-11"));
    }

    @Test
    void anAppealFiledBeforeTheCourtEndsTheRefusalsTime() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(refused, Decision.REFUSED_WITH_OQTF, null));
      // an appeal to the prefecture does not extend an OQTF's time, and contests nothing before the court
      s.record(e.appeal(day("2026-05-10"), AppealKind.ADMINISTRATIVE_APPEAL));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-12"))).isNotNull();
      // filed on a day still to come: the alert holds until then, and the engine wakes up that day
      s.record(e.appeal(day("2026-05-20"), AppealKind.COURT_APPEAL));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-19"))).isNotNull();
      assertThat(s.on(day("2026-05-19")).nextChange()).contains(day("2026-05-20"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-20"))).isNull();
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-28"))).as("nor CRITICAL in its last week").isNull();
    }

    @Test
    void aSuspensionReferralEndsTheImplicitRejectionsTimeButAUsefulMeasuresReferralDoesNot() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10")),
          e.appeal(rejection.minusDays(20), AppealKind.USEFUL_MEASURES_REFERRAL));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(5))).isNotNull();
      s.record(e.appeal(rejection.plusDays(6), AppealKind.SUSPENSION_REFERRAL));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(6))).isNull();
    }

    @Test
    void aLaterRefusalOpensItsOwnTimeWhateverWasFiledBefore() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10")),
          e.appeal(rejection.plusDays(3), AppealKind.COURT_APPEAL));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(5))).isNull();
      s.record(e.decision(rejection.plusDays(20), Decision.REFUSED_WITH_OQTF, null));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(20)).episodeStart()).isEqualTo(rejection.plusDays(20));
    }

    @Test
    void anAppealToThePrefectureWithinTheTimeInterruptsItUntilItsImplicitRejectionAndTwoMonthsMore() {
      LocalDate refused = day("2026-05-04");
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(refused, Decision.REFUSED, null));
      Condition before = s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-20"));
      assertThat(before.deadline()).isEqualTo(day("2026-07-04"));
      s.record(e.appeal(day("2026-06-01"), AppealKind.ADMINISTRATIVE_APPEAL));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-01"));
      assertThat(c.episodeStart()).as("the same alert").isEqualTo(refused);
      assertThat(c.deadline()).isEqualTo(day("2026-10-01"));
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.message().fr()).contains("recours gracieux ou hiérarchique le 1 juin 2026")
          .contains("interrompu le délai de recours (CRPA L.411-2)").contains("rejeté implicitement le 1 août 2026")
          .contains("jusqu'au 1 octobre 2026").contains("(« Recours déposé »)");
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-28"))).as("no CRITICAL week at the first deadline")
          .extracting(Condition::severity).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-07-05"))).as("past the first deadline").isNotNull();
      assertThat(s.on(day("2026-09-15")).nextChange()).as("the engine wakes up for its HIGH days").contains(day("2026-09-16"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-09-16")).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-09-24")).severity()).isEqualTo(Severity.CRITICAL);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-10-02"))).isNull();
      // the court seized ends it
      s.record(e.appeal(day("2026-08-10"), AppealKind.COURT_APPEAL));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-08-10"))).isNull();
    }

    @Test
    void onceTheInterruptedTimeIsOverALaterRequestsImplicitRejectionIsWatched() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED, null), e.appeal(day("2026-06-01"), AppealKind.ADMINISTRATIVE_APPEAL),
          e.submission(day("2026-07-01")));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-10-01")).deadline()).isEqualTo(day("2026-10-01"));
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-10-02"))).isNull();
      Condition implicit = s.condition(RuleId.APPEAL_DEADLINE, day("2026-11-02"));
      assertThat(implicit.episodeStart()).isEqualTo(day("2026-11-01"));
      assertThat(implicit.deadline()).isEqualTo(day("2027-01-01"));
    }

    @Test
    void theAnswerToTheAppealToThePrefectureOpensItsOwnTime() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED, null), e.appeal(day("2026-06-01"), AppealKind.ADMINISTRATIVE_APPEAL),
          e.decision(day("2026-06-20"), Decision.REFUSED, null));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, day("2026-06-20"));
      assertThat(c.episodeStart()).isEqualTo(day("2026-06-20"));
      assertThat(c.deadline()).isEqualTo(day("2026-08-20"));
    }

    @Test
    void anAppealToThePrefectureDoesNotInterruptAnOqtfsTimeNorAYearNorALateOne() {
      Scenario oqtf = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null),
          e.appeal(day("2026-05-10"), AppealKind.ADMINISTRATIVE_APPEAL));
      assertThat(oqtf.condition(RuleId.APPEAL_DEADLINE, day("2026-05-10")).deadline()).isEqualTo(day("2026-06-03"));
      assertThat(oqtf.condition(RuleId.APPEAL_DEADLINE, day("2026-06-04"))).isNull();

      Scenario year = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10"), true, false),
          e.appeal(rejection.plusDays(10), AppealKind.ADMINISTRATIVE_APPEAL));
      assertThat(year.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(10)).deadline()).isEqualTo(day("2027-07-10"));

      Scenario late = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED, null), e.appeal(day("2026-07-05"), AppealKind.ADMINISTRATIVE_APPEAL));
      assertThat(late.condition(RuleId.APPEAL_DEADLINE, day("2026-07-04")).deadline()).isEqualTo(day("2026-07-04"));
      assertThat(late.condition(RuleId.APPEAL_DEADLINE, day("2026-07-05"))).isNull();
    }

    @Test
    void anAppealToThePrefectureInterruptsAnImplicitRejectionsTime() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-03-10")),
          e.appeal(rejection.plusDays(20), AppealKind.ADMINISTRATIVE_APPEAL));
      Condition c = s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(20));
      assertThat(c.episodeStart()).isEqualTo(rejection);
      assertThat(c.deadline()).isEqualTo(rejection.plusDays(20).plusMonths(4));
      assertThat(c.message().fr()).startsWith("Le rejet implicite du 10 juillet 2026 a fait l'objet d'un recours gracieux");
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, rejection.plusDays(20).plusMonths(4).plusDays(1))).isNull();
    }

    @Test
    void theFourthRuleSetKeptTheFirstDeadlineAfterAnAppealToThePrefecture() {
      RuleEngine v4 = RuleEngine.named(RuleSets.V4);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED, null), e.appeal(day("2026-06-01"), AppealKind.ADMINISTRATIVE_APPEAL));
      assertThat(v4.evaluate(s.state(), day("2026-07-05"), v4.defaults()).conditions())
          .noneMatch(c -> c.condition().rule() == RuleId.APPEAL_DEADLINE);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-07-05"))).isNotNull();
    }

    @Test
    void theSecondRuleSetKeptTheTimeOpenWhateverWasFiled() {
      RuleEngine v2 = RuleEngine.named(RuleSets.V2);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null), e.appeal(day("2026-05-06"), AppealKind.COURT_APPEAL));
      assertThat(v2.evaluate(s.state(), day("2026-05-10"), v2.defaults()).conditions())
          .anyMatch(c -> c.condition().rule() == RuleId.APPEAL_DEADLINE);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-10"))).isNull();
    }

    @Test
    void theFirstRuleSetRaisedNothingOnAnExplicitRefusal() {
      RuleEngine v1 = RuleEngine.named(RuleSets.V1);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(day("2026-03-10")),
          e.decision(day("2026-05-04"), Decision.REFUSED_WITH_OQTF, null));
      assertThat(v1.evaluate(s.state(), day("2026-05-04"), v1.defaults()).conditions())
          .noneMatch(c -> c.condition().rule() == RuleId.APPEAL_DEADLINE);
      assertThat(s.condition(RuleId.APPEAL_DEADLINE, day("2026-05-04"))).isNotNull();
    }
  }

  @Nested
  class BlockageUnresolvedRule {
    final LocalDate reported = day("2026-03-01");

    @Test
    void warningAfterFourteenDaysHighAfterThirtyUntilResolved() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)),
          e.blockage(reported, BlockageKind.ACCOUNT_LOCKED), e.unblocked(day("2026-05-01"), BlockageKind.ACCOUNT_LOCKED));
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, reported.plusDays(13))).isNull();
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, reported.plusDays(14)).severity()).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, reported.plusDays(30)).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, day("2026-05-01"))).isNull();
    }

    @Test
    void aBlockageOpenAfterARefusalTellsToContestTheRefusal() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.submission(day("2026-02-01")),
          e.blockage(reported, BlockageKind.ACCOUNT_LOCKED));
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, day("2026-04-01")).message().fr()).contains("(CJA L.521-3)");
      s.record(e.decision(day("2026-04-10"), Decision.REFUSED, null));
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, day("2026-04-15")).message().fr())
          .contains("La demande a été refusée le 10 avril 2026").doesNotContain("L.521-3");
      assertThat(new BlockageUnresolved().advisesOnRefusal()).as("emitted again when the refusal is recorded").isTrue();
    }

    @Test
    void itsTextNamesTheOldestBlockageAndCountsNone() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)), e.blockage(reported, BlockageKind.ACCOUNT_LOCKED));
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, reported.plusDays(14)).message().fr())
          .contains("Blocage ANEF « compte bloqué » signalé le 1 mars 2026 et toujours pas résolu.")
          .doesNotContain("D'autres blocages");
      s.record(e.blockage(reported.plusDays(5), BlockageKind.CANNOT_ATTACH_DOCUMENTS));
      Condition two = s.condition(RuleId.BLOCKAGE_UNRESOLVED, reported.plusDays(14));
      assertThat(two.message().fr()).contains("D'autres blocages sont signalés sur ce dossier : voir sa chronologie.")
          .doesNotContainPattern("\\d+ blocage");
      assertThat(two.message().en()).contains("Other blockages are reported on this case: see its timeline.");
    }

    @Test
    void aResolutionRecordedBeforeItsReportStillApplies() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY.plusYears(1)),
          e.unblocked(day("2026-04-01"), BlockageKind.CANNOT_SUBMIT), e.blockage(reported, BlockageKind.CANNOT_SUBMIT));
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, day("2026-04-01"))).isNull();
    }

    @Test
    void compoundWithALapseWithinThirtyDaysIsHighAtLeast() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.api(EXPIRY.minusDays(1), EXPIRY.plusDays(60)), e.blockage(EXPIRY.plusDays(10), BlockageKind.API_NOT_RENEWED));
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, EXPIRY.plusDays(24)).severity()).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.API_EXPIRING, EXPIRY.plusDays(30)).severity()).isEqualTo(Severity.WARNING);
      assertThat(s.condition(RuleId.API_EXPIRING, EXPIRY.plusDays(31)).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.BLOCKAGE_UNRESOLVED, EXPIRY.plusDays(31)).severity()).isEqualTo(Severity.HIGH);
    }
  }

  @Nested
  class CccUnansweredRule {
    @Test
    void raisedOnTheThirdUnresolvedAttemptWithinThirtyDaysAndEndedByAResolvedOne() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.ccc(day("2026-02-01"), CccOutcome.NO_ANSWER),
          e.ccc(day("2026-02-10"), CccOutcome.AUTOMATED_REPLY), e.ccc(day("2026-03-02"), CccOutcome.ANSWERED_UNRESOLVED),
          e.ccc(day("2026-03-20"), CccOutcome.RESOLVED));
      assertThat(s.condition(RuleId.CCC_UNANSWERED, day("2026-03-01"))).isNull();
      Condition c = s.condition(RuleId.CCC_UNANSWERED, day("2026-03-02"));
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.message().fr()).contains("alternative non numérique").contains("point d'accueil numérique")
          .as("not to chase the CCC again").doesNotContain("Relancer le Centre de contact citoyen");
      assertThat(c.message().en()).doesNotContain("Chase the Centre de contact citoyen");
      assertThat(s.condition(RuleId.CCC_UNANSWERED, day("2026-03-20"))).isNull();
    }

    @Test
    void itsTextStaysTrueAsMoreAttemptsAreRecorded() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.ccc(day("2026-02-01"), CccOutcome.NO_ANSWER),
          e.ccc(day("2026-02-10"), CccOutcome.AUTOMATED_REPLY), e.ccc(day("2026-03-02"), CccOutcome.ANSWERED_UNRESOLVED));
      Condition raised = s.condition(RuleId.CCC_UNANSWERED, day("2026-03-02"));
      assertThat(raised.message().fr()).contains("Au moins 3 tentatives de contact avec le Centre de contact citoyen "
          + "(CCC) en moins de 30 jours, sans résolution : seuil atteint le 2 mars 2026.");
      s.record(e.ccc(day("2026-03-05"), CccOutcome.NO_ANSWER)).record(e.ccc(day("2026-03-06"), CccOutcome.NO_ANSWER));
      assertThat(s.condition(RuleId.CCC_UNANSWERED, day("2026-03-06")).message()).as("the alert is not raised again for "
          + "an attempt: its text must not count them").isEqualTo(raised.message());
    }

    @Test
    void attemptsSpreadOverMoreThanThirtyDaysDoNotCount() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.ccc(day("2026-02-01"), CccOutcome.NO_ANSWER),
          e.ccc(day("2026-02-20"), CccOutcome.NO_ANSWER), e.ccc(day("2026-03-03"), CccOutcome.NO_ANSWER));
      assertThat(s.condition(RuleId.CCC_UNANSWERED, day("2026-03-10"))).isNull();
    }
  }

  @Nested
  class EmploymentAtRiskRule {
    @Test
    void criticalAtOnceWhenTheEmployerRefusesTheApi() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_TEMPORAIRE, EXPIRY, true, false),
          e.submission(EXPIRY.minusDays(90)), e.api(EXPIRY, EXPIRY.plusDays(90)), e.employerRefusal(EXPIRY.plusDays(5)));
      assertThat(s.condition(RuleId.EMPLOYMENT_AT_RISK, EXPIRY.plusDays(4))).isNull();
      Condition c = s.condition(RuleId.EMPLOYMENT_AT_RISK, EXPIRY.plusDays(5));
      assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(c.message().fr()).contains("R.431-15-2");
      s.record(e.situation(EXPIRY.plusDays(8), false, null));
      assertThat(s.condition(RuleId.EMPLOYMENT_AT_RISK, EXPIRY.plusDays(8))).isNull();
    }

    @Test
    void criticalWhenTheRightToWorkLapsesAfterTheTolerance() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_PLURIANNUELLE, EXPIRY, true, false),
          e.submission(EXPIRY.minusDays(90)));
      assertThat(s.condition(RuleId.EMPLOYMENT_AT_RISK, EXPIRY.plusDays(90))).isNull();
      assertThat(s.condition(RuleId.EMPLOYMENT_AT_RISK, EXPIRY.plusDays(91)).episodeStart())
          .isEqualTo(EXPIRY.plusDays(91));
    }

    @Test
    void notWhenThePersonDoesNotWork() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)));
      assertThat(s.condition(RuleId.EMPLOYMENT_AT_RISK, EXPIRY.plusDays(200))).isNull();
    }
  }

  @Nested
  class BenefitsAtRiskRule {
    @Test
    void criticalTheDayAfterExpiryWithoutApiEvenWithTheTolerance() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_RESIDENT, EXPIRY, false, true),
          e.submission(EXPIRY.minusDays(90)), e.api(EXPIRY.plusDays(20), EXPIRY.plusDays(110)));
      assertThat(s.condition(RuleId.BENEFITS_AT_RISK, EXPIRY)).isNull();
      Condition c = s.condition(RuleId.BENEFITS_AT_RISK, EXPIRY.plusDays(1));
      assertThat(c.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(c.message().fr()).contains("CAF").contains("L.433-3");
      assertThat(s.condition(RuleId.BENEFITS_AT_RISK, EXPIRY.plusDays(20))).isNull();
    }
  }

  @Nested
  class HealthCoverClosingRule {
    @Test
    void sixMonthsAfterTheLastDocument() {
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)));
      LocalDate lapse = EXPIRY.plusDays(1);
      LocalDate closes = lapse.plusMonths(6);
      Condition c = s.condition(RuleId.HEALTH_COVER_CLOSING, lapse);
      assertThat(c.severity()).isEqualTo(Severity.WARNING);
      assertThat(c.deadline()).isEqualTo(closes);
      assertThat(s.condition(RuleId.HEALTH_COVER_CLOSING, closes.minusDays(30)).severity()).isEqualTo(Severity.HIGH);
      assertThat(s.condition(RuleId.HEALTH_COVER_CLOSING, closes.minusDays(30)).message().fr())
          .contains("prend fin le 2 juin 2027").contains("obtenir une API avant cette date");
      Condition closed = s.condition(RuleId.HEALTH_COVER_CLOSING, closes);
      assertThat(closed.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(closed.message().fr()).as("told once it has ended, not as still to come")
          .contains("a pris fin le 2 juin 2027").doesNotContain("prend fin").doesNotContain("avant cette date");
      assertThat(closed.message().en()).contains("health cover ended on 2 June 2027");
    }
  }

  @Nested
  class RupturesAfterARefusal {
    final LocalDate refused = EXPIRY.plusDays(10);

    @Test
    void pointToContestingTheRefusalNotToAnApiThatWillNotCome() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_TEMPORAIRE, EXPIRY, true, true),
          e.submission(EXPIRY.minusDays(90)));
      LocalDate before = EXPIRY.plusDays(5);
      assertThat(s.condition(RuleId.HEALTH_COVER_CLOSING, before).message().fr()).contains("obtenir une API")
          .contains("(CJA L.521-3)");
      assertThat(s.condition(RuleId.BENEFITS_AT_RISK, before).message().fr()).contains("la preuve du dépôt");
      assertThat(s.condition(RuleId.EMPLOYMENT_AT_RISK, before).message().fr()).contains("Centre de contact citoyen");

      s.record(e.decision(refused, Decision.REFUSED_WITH_OQTF, null));
      for (RuleId rule : List.of(RuleId.HEALTH_COVER_CLOSING, RuleId.BENEFITS_AT_RISK, RuleId.EMPLOYMENT_AT_RISK)) {
        Condition c = s.condition(rule, refused);
        assertThat(c).as("%s keeps watching", rule).isNotNull();
        assertThat(c.episodeStart()).as("%s: the same episode", rule).isEqualTo(EXPIRY.plusDays(1));
        assertThat(c.message().fr()).as(rule.name()).contains("La demande a été refusée le " + Texts.fr(refused)
                + " : aucune API ne sera plus délivrée").contains("référé-suspension (CJA L.521-1)")
            .doesNotContain("obtenir une API").doesNotContain("Centre de contact citoyen").doesNotContain("L.521-3")
            .doesNotContain("preuve du dépôt");
        assertThat(c.message().en()).as(rule.name()).contains("The request was refused on " + Texts.en(refused));
      }
      assertThat(s.condition(RuleId.HEALTH_COVER_CLOSING, refused).message().fr()).contains("aide médicale de l'État (AME");

      // a new request filed since: the steps before a rejection again
      s.record(e.submission(refused.plusDays(20)));
      assertThat(s.condition(RuleId.HEALTH_COVER_CLOSING, refused.plusDays(20)).message().fr()).contains("obtenir une API");
    }
  }

  @Nested
  class WatchedCases {
    @Test
    void aClosedOrErasedCaseRaisesNothing() {
      Scenario closed = Scenario.of(e.opened(OPENED, PermitKind.CARTE_TEMPORAIRE, EXPIRY, true, true),
          e.closed(EXPIRY.minusDays(10)));
      assertThat(closed.conditions(EXPIRY.minusDays(11))).isNotEmpty();
      assertThat(closed.conditions(EXPIRY.plusDays(100))).isEmpty();
      assertThat(closed.on(EXPIRY.plusDays(100)).nextChange()).isEmpty();
      Scenario erased = Scenario.of(e.opened(OPENED, EXPIRY), e.erased(OPENED.plusDays(1)),
          e.submission(OPENED.plusDays(2)));
      assertThat(erased.conditions(EXPIRY.plusDays(100))).isEmpty();
      assertThat(erased.state().getSubmissions()).isEmpty();
    }

    @Test
    void aGrantedDecisionWatchesTheNewPermit() {
      LocalDate newExpiry = EXPIRY.plusYears(2);
      Scenario s = Scenario.of(e.opened(OPENED, EXPIRY), e.submission(EXPIRY.minusDays(90)),
          e.decision(EXPIRY.minusDays(10), Decision.GRANTED, newExpiry));
      assertThat(s.conditions(newExpiry.minusDays(200))).isEmpty();
      assertThat(s.condition(RuleId.RENEWAL_WINDOW_OPEN, newExpiry.minusDays(120))).isNotNull();
    }

    @Test
    void aRefusalStopsTheInstructionRulesButNotTheRuptures() {
      Scenario s = Scenario.of(e.opened(OPENED, PermitKind.CARTE_TEMPORAIRE, EXPIRY, true, false),
          e.submission(EXPIRY.minusDays(90)), e.decision(EXPIRY.plusDays(30), Decision.REFUSED_WITH_OQTF, null));
      assertThat(s.conditions(EXPIRY.plusDays(40)).keySet())
          .containsExactly(RuleId.APPEAL_DEADLINE, RuleId.EMPLOYMENT_AT_RISK, RuleId.HEALTH_COVER_CLOSING);
      assertThat(s.conditions(EXPIRY.plusDays(61)).keySet())
          .containsExactly(RuleId.EMPLOYMENT_AT_RISK, RuleId.HEALTH_COVER_CLOSING);
    }
  }

  @Test
  void everyRuleHasAReferenceADateAndACatalogueEntry() {
    assertThat(Rules.all()).extracting(Rule::id).containsExactly(RuleId.values());
    for (Rule rule : Rules.all()) {
      assertThat(rule.reference()).isNotBlank();
      assertThat(rule.textVersionDate()).isBefore(day("2026-12-31"));
      assertThat(rule.doc().condition()).isNotBlank();
    }
    assertThat(RuleSettings.defaults(Rules.all()).threshold(RuleId.RENEWAL_DEADLINE, "lastOnTimeDays")).isEqualTo(60);
  }
}
