package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The latest API lapsed (its date passed, or a lapse was recorded), no newer API, no decision, and
 * the permit no longer covers: a rupture of the right to stay, to work and to benefits.
 */
public final class ApiExpired extends BaseRule {
  public ApiExpired() {
    super(RuleId.API_EXPIRED, "CESEDA R.431-15-1", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("Latest API lapsed, no newer API, no decision, permit expired.",
            "From the day after the API's last valid day.", "CRITICAL"));
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<ApiFact> latest = view.latestApi();
    if (view.firstSubmission().isEmpty() || latest.isEmpty()) {
      return Optional.empty();
    }
    LocalDate lastValid = view.apiEnd(latest.get());
    if (!view.today().isAfter(lastValid) || view.uncoveredSince(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Condition(id(), Severity.CRITICAL, lastValid.plusDays(1), lastValid,
        () -> Texts.pending(view, settings,
            "L'attestation de prolongation d'instruction (API) n'est plus valable depuis le " + Texts.fr(lastValid.plusDays(1))
                + " et aucune nouvelle API n'a été délivrée : rupture du droit au séjour, au travail et aux prestations.",
            "The API (attestation de prolongation d'instruction) lapsed on " + Texts.en(lastValid.plusDays(1))
                + " and no new API was issued: the rights to stay, to work and to benefits are broken.")));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> dates = new java.util.ArrayList<>();
    view.latestApi().ifPresent(a -> dates.add(view.apiEnd(a).plusDays(1)));
    view.nextLapse(0).ifPresent(dates::add);
    return dates;
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }
}
