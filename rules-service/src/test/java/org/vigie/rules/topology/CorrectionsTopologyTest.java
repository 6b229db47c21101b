package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.rules.Events;
import org.vigie.rules.rule.Texts;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.Correction;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerAssigned;

/** An event recorded in error, replaced or withdrawn: the alerts follow the corrected facts. */
class CorrectionsTopologyTest {
  private final RulesDriver driver = new RulesDriver();
  private final Events e = new Events("case-1");
  private final LocalDate today = RulesDriver.today0();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void aMistypedPermitExpiryReplacedMovesTheRenewalAlerts() {
    CaseEvent opened = e.opened(today.minusDays(3), today.plusYears(2)); // typed 2 years instead of 100 days
    driver.record(opened);
    assertThat(driver.newAlerts()).isEmpty();

    CaseOpened right = CaseOpened.newBuilder((CaseOpened) opened.getPayload()).setPermitExpiresOn(today.plusDays(100)).build();
    // dated a day earlier too: by the usual order (latest opening wins) the typo would stay
    driver.record(e.replacing(opened, opened.getOccurredOn().minusDays(1), right));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getRule()).isEqualTo(RuleId.RENEWAL_WINDOW_OPEN);
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getAssignedVolunteerId()).as("the assignment the case opened with stays").isEqualTo("vol-1");
    });
  }

  @Test
  void anApiValidityReplacedRaisesWhatTheTypoHid() {
    driver.record(e.opened(today.minusDays(200), today.minusDays(30)), e.submission(today.minusDays(150)));
    CaseEvent api = e.api(today.minusDays(80), today.plusDays(300)); // a year instead of 3 months
    driver.record(api);
    driver.newAlerts();

    driver.record(e.replacing(api, api.getOccurredOn(), new ApiIssued(today.plusDays(10))));
    assertThat(driver.newAlerts()).extracting(CaseAlert::getRule, CaseAlert::getStatus)
        .contains(org.assertj.core.groups.Tuple.tuple(RuleId.API_EXPIRING, AlertStatus.RAISED));
  }

  @Test
  void aRefusalCorrectedWithTheLastDayItStatesMovesTheAlertsDeadlineAtOnce() {
    driver.record(e.opened(today.minusDays(200), today.plusDays(400)), e.submission(today.minusDays(80)));
    CaseEvent refusal = e.decision(today, Decision.REFUSED_WITH_OQTF, null);
    driver.record(refusal);
    CaseAlert raised = driver.newAlerts().stream().filter(a -> a.getRule() == RuleId.APPEAL_DEADLINE).findFirst().orElseThrow();
    assertThat(raised.getDeadline()).isEqualTo(today.plusDays(30));

    // the decision states 15 days: the same alert, still HIGH, now with the day the decision gives
    DecisionReceived stated = DecisionReceived.newBuilder((DecisionReceived) refusal.getPayload())
        .setAppealDeadline(today.plusDays(15)).build();
    driver.record(e.replacing(refusal, refusal.getOccurredOn(), stated));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getAlertId()).isEqualTo(raised.getAlertId());
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.HIGH);
      assertThat(a.getDeadline()).isEqualTo(today.plusDays(15));
      assertThat(a.getMessage().getFr()).contains("comme l'indique la décision");
    });
    // and its last week starts from that day
    driver.advanceTo(today.plusDays(8));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.getDeadline()).isEqualTo(today.plusDays(15));
    });
    driver.advanceTo(today.plusDays(9));
    assertThat(driver.newAlerts()).as("nothing new while nothing changes").isEmpty();
  }

  @Test
  void anOqtfCorrectedWithItsTermsMovesTheAlertsDeadlineAndRaisesItsSeverityAtOnce() {
    driver.record(e.opened(today.minusDays(200), today.plusDays(400)), e.submission(today.minusDays(80)));
    CaseEvent refusal = e.decision(today, Decision.REFUSED_WITH_OQTF, null);
    driver.record(refusal);
    CaseAlert raised = driver.newAlerts().stream().filter(a -> a.getRule() == RuleId.APPEAL_DEADLINE).findFirst().orElseThrow();
    assertThat(raised.getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(raised.getMessage().getFr()).contains("si un délai de départ volontaire a été accordé");

    // the notification read again: no voluntary departure period, seven days
    DecisionReceived terms = DecisionReceived.newBuilder((DecisionReceived) refusal.getPayload())
        .setOqtfTerms(OqtfTerms.NO_DEPARTURE_PERIOD).build();
    driver.record(e.replacing(refusal, refusal.getOccurredOn(), terms));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getAlertId()).isEqualTo(raised.getAlertId());
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.getDeadline()).isEqualTo(today.plusDays(7));
      assertThat(a.getMessage().getFr()).contains("sans délai de départ volontaire, sept jours après la notification");
    });
    driver.advanceTo(today.plusDays(8));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(a.getResolution()).isEqualTo(Resolution.DEADLINE_PASSED);
    });
  }

  @Test
  void anOqtfWhoseTermsAreReadAfterItsTimeEndedTurnsItsAlertIntoTheTimeOverThenLapses() {
    driver.record(e.opened(today.minusDays(200), today.plusDays(400)), e.submission(today.minusDays(80)));
    CaseEvent refusal = Events.recordedOn(today, e.decision(today, Decision.REFUSED_WITH_OQTF, null));
    driver.record(refusal);
    CaseAlert raised = driver.newAlerts().stream().filter(a -> a.getRule() == RuleId.APPEAL_DEADLINE).findFirst().orElseThrow();
    assertThat(raised.getDeadline()).isEqualTo(today.plusDays(30));

    // ten days later the notification is read: no voluntary departure period, the seven days are over
    driver.advanceTo(today.plusDays(10));
    assertThat(driver.newAlerts()).isEmpty();
    DecisionReceived terms = DecisionReceived.newBuilder((DecisionReceived) refusal.getPayload())
        .setOqtfTerms(OqtfTerms.NO_DEPARTURE_PERIOD).build();
    driver.record(Events.recordedOn(today.plusDays(10), e.replacing(refusal, refusal.getOccurredOn(), terms)));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getAlertId()).isEqualTo(raised.getAlertId());
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(a.getDeadline()).isEqualTo(today.plusDays(7));
      assertThat(a.getRuleVersion()).isEqualTo("6");
      assertThat(a.getMessage().getFr()).contains("a pris fin le " + Texts.fr(today.plusDays(7)))
          .contains("avant que la décision soit enregistrée le " + Texts.fr(today.plusDays(10)));
    });
    driver.advanceTo(today.plusDays(17));
    assertThat(driver.newAlerts()).isEmpty();
    driver.advanceTo(today.plusDays(18));
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(a.getResolution()).isEqualTo(Resolution.DEADLINE_PASSED);
    });
  }

  @Test
  void anOqtfRecordedAfterItsTimeEndedIsRaisedAtOnce() {
    driver.record(e.opened(today.minusDays(200), today.plusDays(400)), e.submission(today.minusDays(80)));
    driver.newAlerts();
    driver.record(Events.recordedOn(today, e.oqtf(today.minusDays(4), OqtfTerms.RETENTION_CENTRE)));
    assertThat(driver.newAlerts()).filteredOn(a -> a.getRule() == RuleId.APPEAL_DEADLINE).singleElement()
        .satisfies(a -> {
          assertThat(a.getStatus()).isEqualTo(AlertStatus.RAISED);
          assertThat(a.getSeverity()).isEqualTo(Severity.CRITICAL);
          assertThat(a.getEpisodeStart()).isEqualTo(today.minusDays(4));
          assertThat(a.getDeadline()).isEqualTo(today.minusDays(2));
        });
    driver.advanceTo(today.plusDays(8));
    assertThat(driver.newAlerts()).filteredOn(a -> a.getRule() == RuleId.APPEAL_DEADLINE).singleElement()
        .satisfies(a -> {
          assertThat(a.getResolution()).isEqualTo(Resolution.DEADLINE_PASSED);
          assertThat(a.getMessage().getFr()).isEqualTo("Alerte « délai de recours » close : le délai avait pris fin le "
              + Texts.fr(today.minusDays(2)) + ", avant que ce qui l'a déclenchée soit enregistré ; l'alerte est restée"
              + " ouverte le temps de le vérifier. Si un recours a été déposé, l'enregistrer ; sinon, voir avec un·e"
              + " avocat·e ou une permanence juridique ce qui reste possible.");
        });
  }

  @Test
  void aBlockageWithdrawnResolvesItsAlertAndAComebackOfTheEventChangesNothing() {
    driver.record(e.opened(today.minusDays(60), today.plusYears(2)));
    CaseEvent blockage = e.blockage(today.minusDays(40), BlockageKind.ACCOUNT_LOCKED);
    driver.record(blockage);
    assertThat(driver.newAlerts()).extracting(CaseAlert::getRule).contains(RuleId.BLOCKAGE_UNRESOLVED);

    CaseEvent withdrawal = e.withdrawing(blockage);
    driver.record(withdrawal);
    assertThat(driver.newAlerts()).singleElement().satisfies(a -> {
      assertThat(a.getRule()).isEqualTo(RuleId.BLOCKAGE_UNRESOLVED);
      assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
      // not "the situation ended": it never was
      assertThat(a.getResolution()).isEqualTo(org.vigie.schemas.Resolution.FACT_CORRECTED);
      assertThat(a.getMessage().getFr()).endsWith("» close : le fait qui l'avait déclenchée a été corrigé ou retiré"
          + " (saisi par erreur).");
    });

    driver.record(blockage, withdrawal); // delivered again
    driver.advanceDays(30);
    assertThat(driver.newAlerts()).isEmpty();
    assertThat(driver.openAlerts()).isEmpty();
  }

  @Test
  void aDecisionRecordedOnTheWrongCaseWithdrawnResumesTheWatch() {
    driver.record(e.opened(today.minusDays(200), today.minusDays(30)), e.submission(today.minusDays(150)));
    CaseEvent decision = e.decision(today.minusDays(1), Decision.GRANTED, today.plusYears(2));
    driver.record(decision);
    driver.newAlerts();
    assertThat(driver.openAlerts()).isEmpty();

    driver.record(e.withdrawing(decision));
    assertThat(driver.newAlerts()).extracting(CaseAlert::getStatus).isNotEmpty().containsOnly(AlertStatus.RAISED);
  }

  @Test
  void aClosureWithdrawnReopensTheCase() {
    driver.record(e.opened(today.minusDays(3), today.plusDays(100)));
    assertThat(driver.newAlerts()).extracting(CaseAlert::getRule).containsExactly(RuleId.RENEWAL_WINDOW_OPEN);
    CaseEvent closed = e.closed(today);
    driver.record(closed);
    assertThat(driver.openAlerts()).isEmpty();
    driver.newAlerts();

    driver.record(e.withdrawing(closed));
    assertThat(driver.newAlerts()).extracting(CaseAlert::getRule, CaseAlert::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleId.RENEWAL_WINDOW_OPEN, AlertStatus.RAISED));
  }

  @Test
  void aCorrectionOfAnAssignmentOrOfItselfGoesToTheDeadLetterQueue() {
    CaseEvent opened = e.opened(today, today.plusDays(100));
    driver.record(opened);
    driver.newAlerts();
    CaseEvent assigned = e.volunteer(today, "vol-2");
    driver.record(assigned);
    CaseEvent reassign = CaseEvent.newBuilder(e.event(today, new VolunteerAssigned("vol-3")))
        .setCorrection(new Correction(assigned.getEventId(), CorrectionKind.REPLACES)).build();
    CaseEvent self = e.closed(today);
    CaseEvent selfCorrecting = CaseEvent.newBuilder(self)
        .setCorrection(new Correction(self.getEventId(), CorrectionKind.WITHDRAWS)).build();
    driver.events.pipeInput(reassign.getCaseId(), reassign);
    driver.events.pipeInput(selfCorrecting.getCaseId(), selfCorrecting);

    assertThat(driver.dlq.readRecordsToList()).hasSize(2);
    List<CaseAlert> after = driver.newAlerts();
    assertThat(after).isEmpty();
    assertThat(driver.openAlerts()).hasSize(1);
  }
}
