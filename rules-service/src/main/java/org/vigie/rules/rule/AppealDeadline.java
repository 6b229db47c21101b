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
 * An implicit rejection can be contested within two months (CJA R.421-2), or within a year when the
 * filing receipt did not state the appeal routes (CJA R.421-5 and the Czabaj case law). The alert
 * lasts until that deadline; the implicit rejection itself stays watched by IMPLICIT_REJECTION.
 */
public final class AppealDeadline extends BaseRule {
  public AppealDeadline() {
    super(RuleId.APPEAL_DEADLINE, "CJA R.421-2, R.421-5", LegalTexts.CJA_2017, "1",
        new RuleDoc("An implicit rejection arose and can still be contested.",
            "From the implicit rejection to + appealMonths (appealMonthsWithoutRoutes when the receipt lacked the "
                + "appeal routes); HIGH from the deadline − warnDays.",
            "WARNING → HIGH"),
        "appealMonths", 2, "appealMonthsWithoutRoutes", 12, "warnDays", 15);
  }

  private Optional<LocalDate[]> window(CaseView view, RuleSettings settings) {
    Optional<SubmissionFact> submission = view.firstCompleteSubmission();
    Optional<LocalDate> arises = ImplicitRejection.arises(view, settings);
    if (submission.isEmpty() || arises.isEmpty()) {
      return Optional.empty();
    }
    int months = submission.get().getReceiptMentionsAppealRoutes()
        ? threshold(settings, "appealMonths") : threshold(settings, "appealMonthsWithoutRoutes");
    return Optional.of(new LocalDate[] {arises.get(), arises.get().plusMonths(months)});
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate[]> window = window(view, settings);
    if (window.isEmpty()) {
      return Optional.empty();
    }
    LocalDate rejection = window.get()[0];
    LocalDate deadline = window.get()[1];
    LocalDate today = view.today();
    if (today.isBefore(rejection) || today.isAfter(deadline)) {
      return Optional.empty();
    }
    Severity severity = today.isBefore(deadline.minusDays(threshold(settings, "warnDays")))
        ? Severity.WARNING : Severity.HIGH;
    return Optional.of(new Condition(id(), severity, rejection, deadline, () -> Texts.message(
        "Le rejet implicite du " + Texts.fr(rejection) + " peut être contesté devant le tribunal administratif "
            + "jusqu'au " + Texts.fr(deadline) + ".",
        Texts.AFTER_REJECTION_FR,
        "The implicit rejection of " + Texts.en(rejection) + " can be challenged before the administrative court "
            + "until " + Texts.en(deadline) + ".",
        Texts.AFTER_REJECTION_EN)));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return window(view, settings).map(w -> List.of(w[0],
        w[1].minusDays(threshold(settings, "warnDays")), w[1].plusDays(1))).orElse(List.of());
  }
}
