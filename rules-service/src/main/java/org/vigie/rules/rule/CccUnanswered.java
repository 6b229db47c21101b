package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * The Centre de contact citoyen, the only official help (InfoMigrants, 5 May 2026), does not solve
 * the case: minAttempts unresolved attempts within windowDays since the last resolved one. A
 * non-digital alternative is owed (Conseil d'État, 3 June 2022, n°452798).
 */
public final class CccUnanswered extends BaseRule {
  public CccUnanswered() {
    super(RuleId.CCC_UNANSWERED, "CE 3/6/2022 n°452798", LegalTexts.CE_2022_06_03, "1",
        new RuleDoc("At least minAttempts CCC attempts within windowDays without a resolved outcome.",
            "On the attempt that reaches minAttempts; until an attempt is resolved.", "WARNING"),
        "minAttempts", 3, "windowDays", 30);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    List<CccAttemptFact> unresolved = new ArrayList<>();
    for (CccAttemptFact attempt : view.cccAttempts()) {
      if (attempt.getOutcome() == CccOutcome.RESOLVED) {
        unresolved.clear();
      } else {
        unresolved.add(attempt);
      }
    }
    int needed = Math.max(1, threshold(settings, "minAttempts"));
    int window = threshold(settings, "windowDays");
    for (int i = needed - 1; i < unresolved.size(); i++) {
      LocalDate first = unresolved.get(i - needed + 1).getAttemptedOn();
      LocalDate reached = unresolved.get(i).getAttemptedOn();
      if (reached.isBefore(first.plusDays(window))) {
        return Optional.of(condition(reached, needed, window));
      }
    }
    return Optional.empty();
  }

  /**
   * The alert of an episode: it says what stays true while it is open (the threshold reached, and when), not how many
   * attempts were recorded when it was raised, which later attempts would leave stale in the alert's text.
   */
  private Condition condition(LocalDate reached, int attempts, int days) {
    return new Condition(id(), Severity.WARNING, reached, null, () -> Texts.message(
        "Au moins " + attempts + " tentatives de contact avec le Centre de contact citoyen (CCC) en moins de " + days
            + " jours, sans résolution : seuil atteint le " + Texts.fr(reached) + ". Une alternative non numérique est "
            + "due (Conseil d'État, 3 juin 2022) : demander un rendez-vous en préfecture par écrit.",
        Texts.WITHOUT_CCC_FR,
        "At least " + attempts + " attempts to reach the Centre de contact citoyen (CCC) within " + days + " days, "
            + "without resolution: threshold reached on " + Texts.en(reached) + ". A non-digital alternative is owed "
            + "(Conseil d'État, 3 June 2022): ask the prefecture for an appointment in writing.",
        Texts.WITHOUT_CCC_EN));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    return List.of(); // changes only with attempts, whose dates the engine adds
  }
}
