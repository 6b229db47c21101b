package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * Version 6 of APPEAL_DEADLINE: as version 5 ({@link AppealDeadlineV5}), and a refusal recorded after its time to
 * contest ended is told. People often come to a help desk days after a notification: an OQTF without a departure
 * period recorded ten days after it was received had its seven days over, and version 5, which watches a time still
 * running, raised nothing: the volunteer who had just typed in the most urgent decision of a case heard nothing of
 * it, nor did the coordinators. The alert is raised on the day the decision is recorded ({@code
 * DecisionFact.recordedOn}, CaseState version 7), CRITICAL with an OQTF (it can now be enforced), HIGH otherwise,
 * its deadline the day the time ended; it says to check the notification (the day it was received, and whether it
 * stated the appeal routes and times, without which the time does not run: CJA R.421-5) and to correct the decision
 * if the recorded day or terms are wrong, and it stays open {@code lateRecordDays} (7) days, long enough for the
 * coordinators to be told when nobody takes it in hand. A refusal recorded more than {@code appealMonthsWithoutRoutes}
 * (12) months after it was notified raises nothing: even a notification without the appeal routes leaves a
 * reasonable time of a year at most (Conseil d'État, 13 July 2016, Czabaj, n°387763), and an association importing
 * the spreadsheet of its former cases is not told of each old refusal. A refusal recorded in time is watched as in
 * version 5, its alert closing as lapsed at its deadline; a decision recorded before CaseState version 7 has no
 * recording day and is watched as in version 5 too. A correction that moves the time back before the day it is
 * recorded (the terms of an OQTF read at last) turns the open alert into this one.
 */
public final class AppealDeadlineV6 extends AppealDeadlineV5 {
  private static final String RECORDED_LATE = " A refusal recorded after its time to contest ended (its recording day "
      + "after the deadline, within appealMonthsWithoutRoutes of the decision) raises it from that day to + "
      + "lateRecordDays, its deadline the day the time ended: CRITICAL with an OQTF, HIGH otherwise.";

  public AppealDeadlineV6() {
    super("6", new RuleDoc(CONDITION_V5 + " A refusal recorded after its time to contest ended is told for "
        + "lateRecordDays: check the notification.", TIMING_V5 + RECORDED_LATE, SEVERITY
        + "; a refusal recorded late: CRITICAL with an OQTF, else HIGH"), "lateRecordDays", 7);
  }

  /** A refusal recorded after its time to contest ended: the day the time ended, and the days the alert is open. */
  record RecordedLate(DecisionFact decision, LocalDate lastDay, Optional<LocalDate> appealedToPrefecture,
      LocalDate recorded, LocalDate until) {
    boolean oqtf() {
      return decision.getDecision() == Decision.REFUSED_WITH_OQTF;
    }
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<Condition> watched = super.evaluate(view, settings);
    if (watched.isPresent()) {
      return watched;
    }
    Optional<RecordedLate> found = recordedLate(view, settings);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RecordedLate late = found.get();
    LocalDate today = view.today();
    if (today.isBefore(late.recorded()) || today.isAfter(late.until())
        || view.courtAppealFiledSince(late.decision().getDecidedOn())) {
      return Optional.empty();
    }
    return Optional.of(new Condition(id(), late.oqtf() ? Severity.CRITICAL : Severity.HIGH,
        late.decision().getDecidedOn(), late.lastDay(), () -> Texts.withAppealToRecord(message(late))));
  }

  /**
   * The last day to contest a refusal, and the appeal to the prefecture that interrupted its time if one did: counted
   * as this version does ({@link #deadlineOf}), or from that appeal filed within the time (not with an OQTF; CRPA
   * L.411-2). Empty for a grant.
   */
  public static Optional<LastDay> lastDayToContest(CaseView view, DecisionFact refusal, RuleSettings settings) {
    Optional<LocalDate> deadline = deadlineOf(refusal, settings);
    if (deadline.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalDate> appealed = refusal.getDecision() == Decision.REFUSED
        ? view.administrativeAppealFiled(refusal.getDecidedOn(), deadline.get()) : Optional.empty();
    int months = settings.threshold(RuleId.APPEAL_DEADLINE, "appealMonths");
    return Optional.of(new LastDay(appealed.map(a -> afterAppealToPrefecture(a, months)).orElse(deadline.get()),
        appealed));
  }

  /** The last day to contest a refusal, and the day of the appeal to the prefecture that moved it, if one did. */
  public record LastDay(LocalDate day, Optional<LocalDate> appealedToPrefecture) {}

  /**
   * The case's latest decision when it refused the request and was recorded after its time to contest ended
   * ({@link #lastDayToContest}), within the reasonable time.
   */
  Optional<RecordedLate> recordedLate(CaseView view, RuleSettings settings) {
    Optional<DecisionFact> decision = view.decision();
    if (decision.isEmpty() || decision.get().getRecordedOn() == null) {
      return Optional.empty();
    }
    DecisionFact d = decision.get();
    LocalDate recorded = d.getRecordedOn();
    Optional<LocalDate> uninterrupted = deadlineOf(d, settings);
    if (uninterrupted.isEmpty() || !recorded.isAfter(uninterrupted.get())) {
      return Optional.empty(); // granted, or recorded in time (an appeal to the prefecture only moves the day later)
    }
    if (recorded.isAfter(d.getDecidedOn().plusMonths(threshold(settings, "appealMonthsWithoutRoutes")))) {
      return Optional.empty(); // past even the reasonable time (former cases imported)
    }
    LastDay last = lastDayToContest(view, d, settings).orElseThrow();
    if (!recorded.isAfter(last.day())) {
      return Optional.empty();
    }
    return Optional.of(new RecordedLate(d, last.day(), last.appealedToPrefecture(), recorded,
        recorded.plusDays(threshold(settings, "lateRecordDays"))));
  }

  private static Message message(RecordedLate late) {
    DecisionFact d = late.decision();
    Message how = how(late);
    String on = Texts.fr(d.getDecidedOn());
    String onEn = Texts.en(d.getDecidedOn());
    String check = " Vérifier sans attendre sur la notification le jour où elle a été reçue et si elle indiquait les "
        + "voies et délais de recours : sans cette mention, ce délai ne court pas (CJA R.421-5) et un recours reste "
        + "possible dans un délai raisonnable, en principe un an au plus (CE, 13 juillet 2016, n°387763). Si le jour ou "
        + "les conditions enregistrés sont inexacts, corriger la décision enregistrée : Vigie recompte le délai.";
    String checkEn = " Check at once on the notification the day it was received and whether it stated the appeal "
        + "routes and times: without them, this time does not run (CJA R.421-5) and an appeal remains possible within a "
        + "reasonable time, a year at most as a rule (Conseil d'État, 13 July 2016, n°387763). If the recorded day or "
        + "terms are wrong, correct the recorded decision: Vigie counts the time again.";
    if (late.oqtf()) {
      return Texts.message("La préfecture a refusé la demande le " + on + " avec une obligation de quitter le "
              + "territoire français (OQTF). D'après la date enregistrée, le délai pour la contester devant le tribunal "
              + "administratif a pris fin le " + Texts.fr(late.lastDay()) + how.fr() + ", avant que la décision soit "
              + "enregistrée le " + Texts.fr(late.recorded()) + " : l'OQTF peut désormais être exécutée." + check,
          "Orienter sans attendre vers un·e avocat·e ou une permanence juridique, qui dira ce qui reste possible ; en "
              + "cas d'interpellation ou de placement en rétention, prévenir aussitôt l'association d'aide juridique "
              + "présente au centre. Saisir en parallèle le Défenseur des droits.",
          "The prefecture refused the request on " + onEn + " with an obligation to leave France (OQTF). As recorded, "
              + "the time to contest it before the administrative court ended on " + Texts.en(late.lastDay()) + how.en()
              + ", before the decision was recorded on " + Texts.en(late.recorded()) + ": the OQTF can now be "
              + "enforced." + checkEn,
          "Refer the person at once to a lawyer or a legal help desk, who will say what remains possible; if the "
              + "person is arrested or placed in a retention centre, tell at once the legal help association present "
              + "there. In parallel, refer the case to the Défenseur des droits.");
    }
    return Texts.message("La préfecture a refusé la demande le " + on + ". D'après la date enregistrée, le délai pour "
            + "contester ce refus devant le tribunal administratif a pris fin le " + Texts.fr(late.lastDay()) + how.fr()
            + ", avant que la décision soit enregistrée le " + Texts.fr(late.recorded()) + "." + check,
        "Orienter vers un·e avocat·e ou une permanence juridique, qui dira ce qui reste possible (une nouvelle demande "
            + "si la situation a changé). Saisir en parallèle le Défenseur des droits.",
        "The prefecture refused the request on " + onEn + ". As recorded, the time to contest this refusal before the "
            + "administrative court ended on " + Texts.en(late.lastDay()) + how.en() + ", before the decision was "
            + "recorded on " + Texts.en(late.recorded()) + "." + checkEn,
        "Refer the person to a lawyer or a legal help desk, who will say what remains possible (a new request if the "
            + "situation changed). In parallel, refer the case to the Défenseur des droits.");
  }

  /** How the time that ended was counted, for the message. */
  private static Message how(RecordedLate late) {
    DecisionFact d = late.decision();
    if (late.appealedToPrefecture().isPresent()) {
      return new Message(" (deux mois après le rejet implicite du recours gracieux ou hiérarchique du "
          + Texts.fr(late.appealedToPrefecture().get()) + ", CRPA L.411-2)", " (two months after the implicit "
          + "rejection of the appeal to the prefecture of " + Texts.en(late.appealedToPrefecture().get())
          + ", CRPA L.411-2)");
    }
    if (d.getAppealDeadline() != null) {
      return new Message(", comme l'indique la décision", ", as the decision states");
    }
    if (!late.oqtf()) {
      return new Message(" (deux mois après la notification, CJA R.421-1)", " (two months after the notification, "
          + "CJA R.421-1)");
    }
    OqtfTerms terms = d.getOqtfTerms();
    if (terms == null) {
      return new Message(" (un mois avec un délai de départ volontaire, CESEDA L.911-1 ; sept jours ou 48 heures sans "
          + "ce délai)", " (a month with a voluntary departure period, CESEDA L.911-1; seven days or 48 hours without "
          + "one)");
    }
    return switch (terms) {
      case DEPARTURE_PERIOD -> new Message(" (un mois avec un délai de départ volontaire, CESEDA L.911-1)",
          " (a month with a voluntary departure period, CESEDA L.911-1)");
      case NO_DEPARTURE_PERIOD -> new Message(" (sept jours sans délai de départ volontaire, CESEDA L.921-1)",
          " (seven days without a voluntary departure period, CESEDA L.921-1)");
      case HOUSE_ARREST_OR_PRISON -> new Message(" (sept jours en assignation à résidence ou en détention, CESEDA "
          + "L.921-1)", " (seven days under house arrest or in prison, CESEDA L.921-1)");
      case RETENTION_CENTRE -> new Message(" (48 heures en rétention, CESEDA L.921-2)", " (48 hours in a retention "
          + "centre, CESEDA L.921-2)");
    };
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> days = new ArrayList<>(super.boundaries(view, settings));
    recordedLate(view, settings).ifPresent(late -> {
      days.add(late.recorded());
      days.add(late.until().plusDays(1));
    });
    return days;
  }
}
