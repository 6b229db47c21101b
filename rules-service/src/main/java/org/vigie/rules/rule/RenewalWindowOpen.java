package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/** The renewal can be filed on ANEF: from 120 to 60 days before the permit expires (CESEDA R.431-5). */
public final class RenewalWindowOpen extends BaseRule {
  public RenewalWindowOpen() {
    super(RuleId.RENEWAL_WINDOW_OPEN, "CESEDA R.431-5", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("Permit renewable and no submission recorded yet.",
            "From expiry − openDays until expiry − closeDays (the last on-time day).", "INFO"),
        "openDays", 120, "closeDays", 60);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate> expiry = view.permitExpiresOn();
    if (expiry.isEmpty() || view.refused() || view.firstSubmission().isPresent()) {
      return Optional.empty();
    }
    LocalDate opens = expiry.get().minusDays(threshold(settings, "openDays"));
    LocalDate lastDay = expiry.get().minusDays(threshold(settings, "closeDays"));
    LocalDate today = view.today();
    if (today.isBefore(opens) || today.isAfter(lastDay)) {
      return Optional.empty();
    }
    return Optional.of(new Condition(id(), Severity.INFO, opens, lastDay, () -> Texts.message(
        "La fenêtre de renouvellement du titre de séjour (expiration le " + Texts.fr(expiry.get()) + ") est ouverte : "
            + "déposer la demande sur l'ANEF au plus tard le " + Texts.fr(lastDay) + ".",
        "En cas de blocage de l'ANEF, garder une preuve (capture d'écran) et contacter le CCC.",
        "The residence permit (expires " + Texts.en(expiry.get()) + ") can now be renewed: file on ANEF by "
            + Texts.en(lastDay) + ".",
        "If ANEF blocks, keep proof (screenshot) and contact the CCC.")));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return view.permitExpiresOn().map(e -> List.of(
        e.minusDays(threshold(settings, "openDays")),
        e.minusDays(threshold(settings, "closeDays")).plusDays(1))).orElse(List.of());
  }
}
