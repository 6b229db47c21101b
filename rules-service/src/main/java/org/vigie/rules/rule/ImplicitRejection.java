package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.SubmissionFact;

/**
 * Four months of silence after a complete submission are an implicit rejection (CESEDA R.432-1,
 * R.432-2). An API does not stop this clock (Conseil d'État, opinion of 6 May 2025 n°499904), so
 * APIs are deliberately ignored here. InfoMigrants (5 May 2026) quotes people with "aucune nouvelle"
 * since December 2022.
 */
public class ImplicitRejection extends BaseRule {
  /** The timing and severity both versions follow, for the catalogue. */
  static final String TIMING = "WARNING from submission + silenceMonths − warnDays; HIGH from submission + silenceMonths.";
  static final String SEVERITY = "WARNING → HIGH";

  public ImplicitRejection() {
    this("1", new RuleDoc("Complete submission with no decision; an API does not stop the clock.", TIMING, SEVERITY));
  }

  /** For a later version that changes what ends the condition, not how it is timed. */
  ImplicitRejection(String version, RuleDoc doc) {
    super(RuleId.IMPLICIT_REJECTION, "CESEDA R.432-1, R.432-2; CE avis 6/5/2025 n°499904",
        LegalTexts.CE_2025_05_06, version, doc, "silenceMonths", 4, "warnDays", 30);
  }

  /** The day the implicit rejection arises for the case's first complete submission, if pending. */
  public static Optional<LocalDate> arises(CaseView view, RuleSettings settings) {
    return view.firstCompleteSubmission().map(SubmissionFact::getSubmittedOn)
        .map(d -> d.plusMonths(settings.threshold(RuleId.IMPLICIT_REJECTION, "silenceMonths")));
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate> arises = arises(view, settings);
    if (arises.isEmpty()) {
      return Optional.empty();
    }
    LocalDate rejection = arises.get();
    LocalDate starts = rejection.minusDays(threshold(settings, "warnDays"));
    if (view.today().isBefore(starts)) {
      return Optional.empty();
    }
    boolean arisen = !view.today().isBefore(rejection);
    java.util.function.Supplier<Message> message = () -> arisen
        ? Texts.message("Sans décision depuis le dépôt, la demande est implicitement rejetée depuis le "
                + Texts.fr(rejection) + " (CESEDA R.432-1), même si une API a été délivrée.",
            Texts.AFTER_REJECTION_FR,
            "With no decision since filing, the request is implicitly rejected since " + Texts.en(rejection)
                + " (CESEDA R.432-1), even if an API was issued.",
            Texts.AFTER_REJECTION_EN)
        : Texts.message("Sans décision d'ici le " + Texts.fr(rejection) + ", la demande sera implicitement rejetée "
                + "(CESEDA R.432-1), même si une API a été délivrée. Agir avant cette date.",
            Texts.BEFORE_REJECTION_FR,
            "Without a decision by " + Texts.en(rejection) + ", the request will be implicitly rejected "
                + "(CESEDA R.432-1), even if an API was issued. Act before that date.",
            Texts.BEFORE_REJECTION_EN);
    return Optional.of(new Condition(id(), arisen ? Severity.HIGH : Severity.WARNING, starts, rejection, message));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return arises(view, settings).map(r -> List.of(r.minusDays(threshold(settings, "warnDays")), r)).orElse(List.of());
  }
}
