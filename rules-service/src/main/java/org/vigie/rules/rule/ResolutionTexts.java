package org.vigie.rules.rule;

import java.time.LocalDate;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.OpenAlert;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.wording.CodeWording;

/**
 * The message of a RESOLVED alert, French and English, by why it was resolved ({@link Resolution}): only the
 * situation's end is told as an end; a refusal, an appeal, a case no longer followed, a rule disabled, a fact
 * corrected and a deadline passed each say what they are and, where there is one, what remains to be done.
 */
public final class ResolutionTexts {
  private ResolutionTexts() {}

  /** An alert raised when its deadline had already passed (a refusal recorded after its time to contest ended). */
  private static boolean raisedAfterItsDeadline(OpenAlert alert) {
    return alert.getDeadline() != null
        && LocalDate.ofInstant(alert.getRaisedAt(), CaseFold.PARIS).isAfter(alert.getDeadline());
  }

  public static AlertMessage message(CaseState state, OpenAlert alert, Resolution why) {
    String fr = "Alerte « " + CodeWording.FRENCH.of(alert.getRule()) + " » ";
    String en = "Alert \"" + CodeWording.ENGLISH.of(alert.getRule()) + "\" ";
    return switch (why) {
      case SITUATION_ENDED -> new AlertMessage(fr + "résolue : la situation qui l'a déclenchée a pris fin.",
          en + "resolved: the situation that raised it has ended.");
      case REQUEST_REFUSED -> {
        var decided = state.getDecision() == null ? null : state.getDecision().getDecidedOn();
        yield new AlertMessage(fr + "close : la demande a été refusée" + (decided == null ? "" : " le " + Texts.fr(decided))
            + " ; ce que cette alerte surveillait ne se pose plus. Les alertes ouvertes par le refus (délai pour le"
            + " contester, droits perdus) disent ce qui reste à faire.",
            en + "closed: the request was refused" + (decided == null ? "" : " on " + Texts.en(decided))
                + "; what this alert watched no longer applies. The alerts the refusal opened (time to contest it, rights"
                + " lost) say what remains to be done.");
      }
      case APPEAL_FILED -> new AlertMessage(fr + "close : le recours devant le tribunal administratif est enregistré."
          + " Suivre l'affaire avec l'avocat·e ; enregistrer la suite (décision de la préfecture, jugement) quand elle"
          + " arrive.", en + "closed: the appeal to the administrative court is recorded. Follow it with the lawyer;"
          + " record what follows (the prefecture's decision, the judgment) when it comes.");
      case CASE_CLOSED -> new AlertMessage(fr + "close : le dossier n'est plus suivi.",
          en + "closed: the case is no longer followed.");
      case RULE_DISABLED -> new AlertMessage(fr + "close : votre association a désactivé cette règle ; Vigie ne la"
          + " surveille plus.", en + "closed: your association disabled this rule; Vigie no longer watches it.");
      case FACT_CORRECTED -> new AlertMessage(fr + "close : le fait qui l'avait déclenchée a été corrigé ou retiré"
          + " (saisi par erreur).", en + "closed: the fact that raised it was corrected or withdrawn (recorded by"
          + " mistake).");
      case DEADLINE_PASSED -> raisedAfterItsDeadline(alert) ? new AlertMessage(fr + "close : le délai avait pris fin le "
          + Texts.fr(alert.getDeadline()) + ", avant que ce qui l'a déclenchée soit enregistré ; l'alerte est restée"
          + " ouverte le temps de le vérifier. Si un recours a été déposé, l'enregistrer ; sinon, voir avec un·e avocat·e"
          + " ou une permanence juridique ce qui reste possible.", en + "closed: the time had ended on "
          + Texts.en(alert.getDeadline()) + ", before what raised it was recorded; the alert stayed open for that to be"
          + " checked. If an appeal was filed, record it; otherwise, see with a lawyer or a legal help desk what remains"
          + " possible.")
          : new AlertMessage(fr + "close : son échéance du " + Texts.fr(alert.getDeadline())
          + " est passée sans que rien de ce qui l'aurait résolue ait été enregistré. Si c'est fait, l'enregistrer ;"
          + " sinon, voir avec la personne ce qui reste possible.",
          en + "closed: its deadline of " + Texts.en(alert.getDeadline()) + " passed with nothing recorded that would"
              + " have resolved it. If it was done, record it; otherwise, see with the person what remains possible.");
    };
  }
}
