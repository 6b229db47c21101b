package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The person works and either the employer refuses the API, or the right to work lapses (no valid
 * permit, API, nor L.433-3 tolerance). An API for a permit that allowed work allows work (CESEDA
 * R.431-15-2). InfoMigrants (5 May 2026) tells of Paimann, dismissed because his employer wanted the
 * card and no longer accepted the API.
 */
public final class EmploymentAtRisk extends BaseRule {
  public EmploymentAtRisk() {
    super(RuleId.EMPLOYMENT_AT_RISK, "CESEDA R.431-15-2, L.433-3", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("Employed, and the employer refuses the API or the right to work lapses.",
            "At once (first day without a document, counting the L.433-3 tolerance).", "CRITICAL"));
  }

  private static int extraDays(CaseView view, RuleSettings settings) {
    return view.toleranceApplies() ? settings.threshold(RuleId.PERMIT_EXPIRED_WITHOUT_API, "toleranceDays") : 0;
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    if (!view.employed()) {
      return Optional.empty();
    }
    Optional<LocalDate> refusal = view.employerRefusals().stream().findFirst().map(r -> r.getOn());
    Optional<LocalDate> lapse = view.uncoveredSince(extraDays(view, settings));
    if (refusal.isEmpty() && lapse.isEmpty()) {
      return Optional.empty();
    }
    LocalDate start = refusal.isPresent() && (lapse.isEmpty() || refusal.get().isBefore(lapse.get()))
        ? refusal.get() : lapse.get();
    java.util.function.Supplier<Message> text = () -> {
      String fr = lapse.isPresent()
          ? "La personne travaille et n'a plus de document l'autorisant à travailler depuis le " + Texts.fr(lapse.get())
              + " : risque de licenciement."
          : "L'employeur refuse l'attestation de prolongation d'instruction (API) depuis le " + Texts.fr(refusal.get())
              + ". Or une API délivrée pour un titre qui autorisait à travailler autorise à travailler (CESEDA "
              + "R.431-15-2) : le rappeler par écrit à l'employeur.";
      String en = lapse.isPresent()
          ? "The person works and has had no document allowing work since " + Texts.en(lapse.get())
              + ": risk of dismissal."
          : "The employer has refused the API since " + Texts.en(refusal.get()) + ". An API issued for a permit that "
              + "allowed work allows work (CESEDA R.431-15-2): remind the employer in writing.";
      return Texts.pending(view, settings, fr, en); // after a refusal, the steps after it
    };
    return Optional.of(new Condition(id(), Severity.CRITICAL, start, start, text));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return view.nextLapse(extraDays(view, settings)).map(List::of).orElse(List.of());
  }

  @Override
  public boolean advisesOnRefusal() {
    return true;
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }
}
