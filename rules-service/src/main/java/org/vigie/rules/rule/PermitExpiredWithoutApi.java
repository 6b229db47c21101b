package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The permit expired while its renewal is pending and no API was ever issued for it (CESEDA
 * R.431-15-1). For multi-year cards and resident cards renewed before expiry, L.433-3 keeps the rights
 * for three months (toleranceDays): HIGH during that time, CRITICAL after. When an API was issued
 * and lapsed, API_EXPIRED speaks instead.
 */
public final class PermitExpiredWithoutApi extends BaseRule {
  public PermitExpiredWithoutApi() {
    super(RuleId.PERMIT_EXPIRED_WITHOUT_API, "CESEDA R.431-15-1, L.433-3", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("Permit expired, renewal pending, no API issued in this instruction.",
            "From the day after expiry; with the L.433-3 tolerance, HIGH until expiry + toleranceDays.",
            "HIGH (tolerance) or CRITICAL"),
        "toleranceDays", 90);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate> expiry = view.permitExpiresOn();
    if (expiry.isEmpty() || view.firstSubmission().isEmpty() || !view.apis().isEmpty()
        || !view.today().isAfter(expiry.get())) {
      return Optional.empty();
    }
    LocalDate toleranceEnd = expiry.get().plusDays(threshold(settings, "toleranceDays"));
    boolean tolerated = view.toleranceApplies() && !view.today().isAfter(toleranceEnd);
    java.util.function.Supplier<Message> text = () -> {
      String fr = "Le titre de séjour a expiré le " + Texts.fr(expiry.get()) + ", le renouvellement est en cours et "
          + "aucune attestation de prolongation d'instruction (API) n'a été délivrée. "
          + (tolerated ? "La carte expirée garde ses effets jusqu'au " + Texts.fr(toleranceEnd) + " (CESEDA L.433-3)."
              : "La personne n'a plus de document prouvant son droit au séjour.");
      String en = "The residence permit expired on " + Texts.en(expiry.get()) + ", the renewal is pending and no API "
          + "(attestation de prolongation d'instruction) was issued. "
          + (tolerated ? "The expired card keeps its effects until " + Texts.en(toleranceEnd) + " (CESEDA L.433-3)."
              : "The person has no document proving the right to stay.");
      return Texts.pending(view, settings, fr, en);
    };
    return Optional.of(new Condition(id(), tolerated ? Severity.HIGH : Severity.CRITICAL, expiry.get().plusDays(1),
        tolerated ? toleranceEnd : expiry.get(), text));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return view.permitExpiresOn().map(e -> List.of(e.plusDays(1),
        e.plusDays(threshold(settings, "toleranceDays") + 1L))).orElse(List.of());
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }
}
