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
 * The latest API nears its valid-until date and no newer one was issued. An API lasts at most three
 * months and must be renewed until the decision (CESEDA R.431-15-1); InfoMigrants (5 May 2026)
 * reports that it is often "ni délivrée ni renouvelée en temps utile".
 */
public final class ApiExpiring extends BaseRule {
  public ApiExpiring() {
    super(RuleId.API_EXPIRING, "CESEDA R.431-15-1", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("Latest API of a pending renewal approaches its valid-until date, no newer API.",
            "From valid-until − warnDays (WARNING); HIGH from valid-until − urgentDays.", "WARNING → HIGH"),
        "warnDays", 30, "urgentDays", 7);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<ApiFact> latest = view.latestApi();
    if (view.firstSubmission().isEmpty() || latest.isEmpty() || view.apiLapseRecorded(latest.get())) {
      return Optional.empty();
    }
    LocalDate validUntil = latest.get().getValidUntil();
    LocalDate starts = validUntil.minusDays(threshold(settings, "warnDays"));
    LocalDate today = view.today();
    if (today.isBefore(starts) || today.isAfter(validUntil)) {
      return Optional.empty();
    }
    Severity severity = today.isBefore(validUntil.minusDays(threshold(settings, "urgentDays")))
        ? Severity.WARNING : Severity.HIGH;
    return Optional.of(new Condition(id(), severity, starts, validUntil, () -> Texts.pending(view, settings,
        "L'attestation de prolongation d'instruction (API) expire le " + Texts.fr(validUntil)
            + " et aucune nouvelle API n'est enregistrée. Demander son renouvellement sur l'ANEF dès maintenant.",
        "The API (attestation de prolongation d'instruction) expires on " + Texts.en(validUntil)
            + " and no new API is recorded. Ask for its renewal on ANEF now.")));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return view.latestApi().map(a -> List.of(a.getValidUntil().minusDays(threshold(settings, "warnDays")),
        a.getValidUntil().minusDays(threshold(settings, "urgentDays")), a.getValidUntil().plusDays(1)))
        .orElse(List.of());
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }
}
