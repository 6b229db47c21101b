package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * No renewal filed as the last on-time day (expiry − 60 days, CESEDA R.431-5) nears or passes.
 * WARNING from warnDays before that day, HIGH in its last urgentDays and after it, CRITICAL once the
 * permit has expired with nothing filed: the person has no right to stay any more.
 */
public final class RenewalDeadline extends BaseRule {
  public RenewalDeadline() {
    super(RuleId.RENEWAL_DEADLINE, "CESEDA R.431-5", LegalTexts.CESEDA_2021, "1",
        new RuleDoc("No renewal submitted as the last on-time day (expiry − lastOnTimeDays) nears.",
            "From that day − warnDays; HIGH from that day − urgentDays; CRITICAL after expiry.",
            "WARNING → HIGH → CRITICAL"),
        "lastOnTimeDays", 60, "warnDays", 30, "urgentDays", 7);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate> expiry = view.permitExpiresOn();
    if (expiry.isEmpty() || view.refused() || view.firstSubmission().isPresent()) {
      return Optional.empty();
    }
    LocalDate deadline = expiry.get().minusDays(threshold(settings, "lastOnTimeDays"));
    LocalDate starts = deadline.minusDays(threshold(settings, "warnDays"));
    LocalDate today = view.today();
    if (today.isBefore(starts)) {
      return Optional.empty();
    }
    Severity severity;
    if (today.isAfter(expiry.get())) {
      severity = Severity.CRITICAL;
    } else if (!today.isBefore(deadline.minusDays(threshold(settings, "urgentDays")))) {
      severity = Severity.HIGH;
    } else {
      severity = Severity.WARNING;
    }
    java.util.function.Supplier<Message> text = () -> {
      String fr = severity == Severity.CRITICAL
          ? "Le titre de séjour a expiré le " + Texts.fr(expiry.get()) + " sans demande de renouvellement : la personne "
              + "n'a plus de droit au séjour. Déposer la demande sur l'ANEF immédiatement."
          : "Aucune demande de renouvellement n'est enregistrée : le dernier jour pour la déposer à temps est le "
              + Texts.fr(deadline) + " (expiration du titre le " + Texts.fr(expiry.get()) + ").";
      String en = severity == Severity.CRITICAL
          ? "The residence permit expired on " + Texts.en(expiry.get()) + " with no renewal filed: the person has lost "
              + "the right to stay. File on ANEF at once."
          : "No renewal is recorded: the last day to file on time is " + Texts.en(deadline) + " (permit expires "
              + Texts.en(expiry.get()) + ").";
      return Texts.message(fr, Texts.CONTACT_FR, en, Texts.CONTACT_EN);
    };
    return Optional.of(new Condition(id(), severity, starts, deadline, text));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return view.permitExpiresOn().map(e -> {
      LocalDate deadline = e.minusDays(threshold(settings, "lastOnTimeDays"));
      return List.of(deadline.minusDays(threshold(settings, "warnDays")),
          deadline.minusDays(threshold(settings, "urgentDays")), e.plusDays(1));
    }).orElse(List.of());
  }
}
