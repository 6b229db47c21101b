package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The person receives CAF or France Travail benefits and has no valid document (permit or API).
 * The CAF requires one of the documents listed by CSS D.512-1; France Travail ends the registration
 * the day after the document expires. The L.433-3 tolerance is not counted here: in practice these
 * bodies stop paying as soon as the card has expired, and the message says to invoke it.
 * InfoMigrants (5 May 2026): people "peuvent perdre aussi leur emploi, leur logement, leurs allocations".
 */
public final class BenefitsAtRisk extends BaseRule {
  public BenefitsAtRisk() {
    super(RuleId.BENEFITS_AT_RISK, "CSS D.512-1; France Travail rules", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("Receives CAF / France Travail benefits and no valid permit or API.",
            "At once: the first day without a document (France Travail: the day after expiry).", "CRITICAL"));
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    if (!view.receivesBenefits()) {
      return Optional.empty();
    }
    Optional<LocalDate> lapse = view.uncoveredSince(0);
    if (lapse.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Condition(id(), Severity.CRITICAL, lapse.get(), lapse.get(),
        () -> message(view, settings, lapse.get())));
  }

  private static Message message(CaseView view, RuleSettings settings, LocalDate lapse) {
    String fr = "La personne perçoit des prestations (CAF, France Travail) et n'a plus de titre ni d'API valable depuis le "
        + Texts.fr(lapse) + " : suspension probable.";
    String en = "The person receives benefits (CAF, France Travail) and has had no valid permit or API since "
        + Texts.en(lapse) + ": suspension is likely.";
    if (view.refused()) {
      return Texts.afterRefusal(view, fr, en); // the proof of filing no longer stands for a document
    }
    return Texts.pending(view, settings,
        fr + " Transmettre à la CAF et à France Travail la preuve du dépôt et, pour une carte pluriannuelle ou de "
            + "résident renouvelée à temps, invoquer CESEDA L.433-3.",
        en + " Send CAF and France Travail the proof of filing and, for a multi-year or resident card renewed on time, "
            + "invoke CESEDA L.433-3.");
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return view.nextLapse(0).map(List::of).orElse(List.of());
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
