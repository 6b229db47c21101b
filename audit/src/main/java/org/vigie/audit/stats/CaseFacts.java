package org.vigie.audit.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.AppealDeadlineV6;
import org.vigie.rules.state.CaseEventCheck;
import org.vigie.rules.state.CaseFold;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.DatedFact;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.SubmissionFact;

/**
 * What the statistics need of one case, gathered from its events in any order (the figures are
 * computed at the end, so an event recorded late still counts where it belongs). The events are
 * folded by the rules' own {@link CaseFold}, so duplicates count once and corrections are honoured
 * exactly as the rules honour them: a replaced or withdrawn event counts for nothing, a replacement
 * counts with its corrected content and date, a withdrawal never counts. Events the rules refuse
 * ({@link CaseEventCheck}) count for nothing either. The erasure of a case is kept apart: it ends
 * the case's figures but does not drop its past facts (the fold of an erased case keeps none).
 * Holds no identity: the rules' state of the case (dates, kinds, department, pseudonymous ids).
 */
final class CaseFacts {
  private CaseState state;
  private LocalDate erasedOn;

  void add(CaseFold fold, CaseEvent event) {
    if (CaseEventCheck.problem(null, event).isPresent()) {
      return;
    }
    if (event.getPayload() instanceof CaseErased) {
      erasedOn = erasedOn == null || event.getOccurredOn().isBefore(erasedOn) ? event.getOccurredOn() : erasedOn;
      return;
    }
    state = fold.apply(state, event);
  }

  List<BlockageFact> blockages() {
    return state == null ? List.of() : state.getBlockages();
  }

  List<CccAttemptFact> cccAttempts() {
    return state == null ? List.of() : state.getCccAttempts();
  }

  String departmentOrUnknown() {
    String department = state == null ? null : state.getDepartment();
    return department == null || department.isBlank() ? FederationStats.UNKNOWN_DEPARTMENT : department;
  }

  LocalDate firstSubmission() {
    return state == null ? null
        : state.getSubmissions().stream().map(SubmissionFact::getSubmittedOn).min(LocalDate::compareTo).orElse(null);
  }

  /** The first renewal filed (the API is owed while a renewal is examined), if any. */
  LocalDate firstRenewal() {
    return state == null ? null
        : state.getSubmissions().stream().filter(s -> s.getProcedure() == Procedure.RENEWAL).map(SubmissionFact::getSubmittedOn)
            .min(LocalDate::compareTo).orElse(null);
  }

  /** The first API issued on or after {@code day}, if any. */
  LocalDate firstApiFrom(LocalDate day) {
    return state.getApis().stream().map(ApiFact::getIssuedOn).filter(d -> !d.isBefore(day)).min(LocalDate::compareTo).orElse(null);
  }

  /** The day the case stopped being followed (closed or erased), if it did. */
  LocalDate endedOnOrNull() {
    return state == null ? erasedOn : endedOn();
  }

  /** The day of the first decision on or after the first submission, if any. */
  LocalDate firstDecisionAfter(LocalDate submittedOn) {
    DecisionFact first = firstDecisionFactAfter(submittedOn);
    return first == null ? null : first.getDecidedOn();
  }

  /**
   * Whether a request filed on {@code filedOn} still waits for its decision on {@code day}: no decision
   * on or after its filing by then, and the case still followed.
   */
  boolean waitsForDecision(LocalDate filedOn, LocalDate day) {
    LocalDate decided = firstDecisionAfter(filedOn);
    LocalDate ended = endedOnOrNull();
    return (decided == null || decided.isAfter(day)) && (ended == null || ended.isAfter(day));
  }

  /** The first decision on or after the first submission, if any. */
  DecisionFact firstDecisionFactAfter(LocalDate submittedOn) {
    return CaseFold.decisions(state).stream().filter(d -> !d.getDecidedOn().isBefore(submittedOn))
        .min(java.util.Comparator.comparing(DecisionFact::getDecidedOn)).orElse(null);
  }

  /** Whether the court was seized (an annulment action or a référé-suspension) from {@code from} to {@code asOf}. */
  boolean courtSeized(LocalDate from, LocalDate asOf) {
    return CaseView.of(state, asOf).courtAppealFiledSince(from);
  }

  /**
   * Whether a refusal was recorded after the last day to contest it, as the rules count it with {@code settings} (an
   * appeal to the prefecture filed within the time, by {@code asOf}, moving it).
   */
  boolean recordedAfterItsTime(DecisionFact refusal, LocalDate asOf, RuleSettings settings) {
    LocalDate recorded = refusal.getRecordedOn();
    return recorded != null && AppealDeadlineV6.lastDayToContest(CaseView.of(state, asOf), refusal, settings)
        .map(last -> recorded.isAfter(last.day())).orElse(false);
  }

  /** The earliest closure or erasure, if any. */
  private LocalDate endedOn() {
    DatedFact closed = state.getClosed();
    return closed == null ? erasedOn : erasedOn == null ? closed.getOn() : min(closed.getOn(), erasedOn);
  }

  /**
   * Calls {@code sink} for each day up to {@code asOf} without a valid API: the permit has expired,
   * a submission is being examined (filed on or before that day, no decision yet), the case is
   * still followed, and no API covers the day.
   */
  void forEachDayWithoutValidApi(LocalDate asOf, Consumer<LocalDate> sink) {
    LocalDate submitted = firstSubmission();
    LocalDate permitExpiresOn = submitted == null ? null : state.getPermitExpiresOn();
    if (permitExpiresOn == null) {
      return;
    }
    LocalDate from = max(permitExpiresOn.plusDays(1), submitted);
    LocalDate until = asOf.plusDays(1);
    LocalDate decided = firstDecisionAfter(submitted);
    if (decided != null) {
      until = min(until, decided);
    }
    LocalDate endedOn = endedOn();
    if (endedOn != null) {
      until = min(until, endedOn);
    }
    for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
      if (!coveredByApi(day)) {
        sink.accept(day);
      }
    }
  }

  private boolean coveredByApi(LocalDate day) {
    for (ApiFact api : state.getApis()) {
      if (!day.isBefore(api.getIssuedOn()) && !day.isAfter(api.getValidUntil())) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
