package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.SubmissionFact;

/**
 * Version 4 of APPEAL_DEADLINE: as version 3 ({@link AppealDeadlineV3}), and an appeal to the prefecture (recours
 * gracieux or hiérarchique) filed within the time to contest a rejection interrupts that time (CRPA L.411-2): the
 * two months start again from the prefecture's answer, and its silence for two months is a rejection (CRPA
 * L.231-4). The deadline is then the appeal's day + {@link #SILENCE_MONTHS} + appealMonths, the same alert (its
 * episode is the rejection's) carrying the new day; an explicit answer is recorded as a decision, which opens its
 * own time. Version 3 kept the first deadline, turned CRITICAL in its last week and then closed the alert as a
 * right perhaps lost, while the time ran on. Not with an OQTF, whose time no appeal to the prefecture extends
 * (CESEDA L.614-1 and book IX), nor for the year given when the filing receipt lacked the appeal routes (a
 * reasonable time, not a time limit to interrupt): both stay as in version 3. Only the first appeal to the
 * prefecture interrupts the time.
 */
public class AppealDeadlineV4 extends AppealDeadlineV3 {
  /** How long the prefecture's silence on an appeal to it takes to become a rejection (CRPA L.231-4): fixed by law. */
  static final int SILENCE_MONTHS = 2;

  public AppealDeadlineV4() {
    super("4", new RuleDoc("A rejection can still be contested: an implicit rejection arose, or the prefecture refused "
        + "the request (with or without an OQTF); ends once an annulment action or a référé-suspension is filed. An "
        + "appeal to the prefecture filed within the time interrupts it (not with an OQTF).", TIMING
        + " An appeal to the prefecture within a two-month time: its day + 2 months (its implicit rejection) + "
        + "appealMonths.", SEVERITY), "CJA R.421-1, R.421-2, R.421-5; CRPA L.411-2, L.231-4; CESEDA L.614-1, livre IX");
  }

  /** For a later version that changes how a refusal with an OQTF is timed. */
  AppealDeadlineV4(String version, RuleDoc doc, String reference, Object... moreThresholds) {
    super(version, doc, reference, moreThresholds);
  }

  /**
   * A rejection's time interrupted by an appeal to the prefecture: the rejection's day (an explicit {@code refusal}
   * or an implicit rejection), the appeal's, the day the prefecture's silence rejects it, and the new deadline.
   */
  public record Interrupted(LocalDate rejection, boolean refusal, LocalDate appealed, LocalDate deadline) {
    public LocalDate silenceRejects() {
      return appealed.plusMonths(SILENCE_MONTHS);
    }
  }

  /** The case's time to contest a rejection as interrupted by an appeal to the prefecture, if it is (as on today). */
  public static Optional<Interrupted> interrupted(CaseView view, RuleSettings settings) {
    if (view.administrativeAppealFiled(LocalDate.MIN, LocalDate.MAX).isEmpty()) {
      return Optional.empty(); // the common case, on the evaluation path: one look at the situations, no dates counted
    }
    int months = settings.threshold(RuleId.APPEAL_DEADLINE, "appealMonths");
    Optional<DecisionFact> decision = view.decision();
    if (decision.isPresent() && decision.get().getDecision() == Decision.REFUSED) {
      LocalDate refused = decision.get().getDecidedOn();
      LocalDate deadline = refusalDeadline(decision.get(), settings).orElseThrow();
      Optional<LocalDate> appealed = view.administrativeAppealFiled(refused, deadline);
      LocalDate interrupted = appealed.map(a -> afterAppealToPrefecture(a, months)).orElse(null);
      // once that time is over too, a later request's implicit rejection is watched, as in version 3
      if (interrupted != null && !view.today().isAfter(interrupted)) {
        return Optional.of(new Interrupted(refused, true, appealed.get(), interrupted));
      }
    }
    if (decision.isPresent() && decision.get().getDecision() == Decision.REFUSED_WITH_OQTF && view.refused()) {
      return Optional.empty(); // an OQTF's time runs as in version 3
    }
    Optional<SubmissionFact> submission = view.firstCompleteSubmission();
    Optional<LocalDate> arises = ImplicitRejection.arises(view, settings);
    if (submission.isEmpty() || arises.isEmpty() || !submission.get().getReceiptMentionsAppealRoutes()) {
      return Optional.empty();
    }
    return view.administrativeAppealFiled(arises.get(), arises.get().plusMonths(months)).map(appealed ->
        new Interrupted(arises.get(), false, appealed, afterAppealToPrefecture(appealed, months)));
  }

  /**
   * The last day to contest a rejection whose time an appeal to the prefecture filed on {@code appealed} interrupted:
   * its implicit rejection ({@link #SILENCE_MONTHS} of silence), then {@code appealMonths}.
   */
  static LocalDate afterAppealToPrefecture(LocalDate appealed, int appealMonths) {
    return appealed.plusMonths(SILENCE_MONTHS).plusMonths(appealMonths);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<Interrupted> found = interrupted(view, settings);
    if (found.isEmpty()) {
      return super.evaluate(view, settings);
    }
    Interrupted i = found.get();
    LocalDate today = view.today();
    if (today.isBefore(i.rejection()) || today.isAfter(i.deadline()) || view.courtAppealFiledSince(i.rejection())) {
      return Optional.empty();
    }
    Severity severity = severity(view, i.deadline(), i.refusal(), false, settings);
    LocalDate silence = i.silenceRejects();
    return Optional.of(new Condition(id(), severity, i.rejection(), i.deadline(), () -> Texts.withAppealToRecord(
        Texts.message((i.refusal() ? "Le refus du " : "Le rejet implicite du ") + Texts.fr(i.rejection())
                + " a fait l'objet d'un recours gracieux ou hiérarchique le " + Texts.fr(i.appealed()) + ", qui a "
                + "interrompu le délai de recours (CRPA L.411-2). Sans réponse, ce recours sera rejeté implicitement le "
                + Texts.fr(silence) + " et le tribunal administratif pourra être saisi jusqu'au " + Texts.fr(i.deadline())
                + ". Une réponse écrite de la préfecture ouvre un nouveau délai de deux mois : l'enregistrer comme "
                + "décision reçue. Le tribunal peut aussi être saisi sans attendre.",
            REFUSAL_STEPS_FR,
            (i.refusal() ? "The refusal of " : "The implicit rejection of ") + Texts.en(i.rejection())
                + " was appealed to the prefecture on " + Texts.en(i.appealed()) + ", which interrupted the time to "
                + "appeal (CRPA L.411-2). Without an answer, that appeal will be implicitly rejected on " + Texts.en(silence)
                + " and the administrative court can then be seized until " + Texts.en(i.deadline()) + ". A written "
                + "answer from the prefecture opens a new two-month time: record it as a decision received. The court "
                + "can also be seized right away.",
            REFUSAL_STEPS_EN))));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> days = new ArrayList<>(super.boundaries(view, settings));
    interrupted(view, settings).ifPresent(i -> {
      days.add(i.deadline().minusDays(threshold(settings, "warnDays")));
      if (i.refusal()) {
        days.add(i.deadline().minusDays(threshold(settings, "criticalDays")));
      }
      days.add(i.deadline().plusDays(1));
    });
    return days;
  }
}
