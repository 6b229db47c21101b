package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.wording.Disclaimer;

/**
 * Building blocks of alert messages. The next steps are those the associations give at their help
 * desks (InfoMigrants, 5 May 2026: the only official help is the CCC; the Défenseur des droits
 * counted +400 % ANEF complaints 2020–2024; the Conseil d'État requires a non-digital alternative).
 */
public final class Texts {
  // "d MMMM yyyy" in French and English, spelled out: DateTimeFormatter dominated the cost of a message.
  private static final String[] MONTHS_FR = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"};
  private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  static final String CONTACT_FR = "Relancer le Centre de contact citoyen (CCC, formulaire ou téléphone) et se rendre au "
      + "point d'accueil numérique de la préfecture ; saisir en parallèle le Défenseur des droits.";
  static final String CONTACT_EN = "Chase the Centre de contact citoyen (CCC, web form or phone) and go to the "
      + "prefecture's point d'accueil numérique; in parallel, refer the case to the Défenseur des droits.";

  /** The next steps once the CCC did not answer: chasing it again is not one of them. */
  static final String WITHOUT_CCC_FR = "Se rendre au point d'accueil numérique de la préfecture, en gardant la trace "
      + "des tentatives auprès du CCC (dates, captures d'écran) ; saisir en parallèle le Défenseur des droits.";
  static final String WITHOUT_CCC_EN = "Go to the prefecture's point d'accueil numérique, keeping a record of the attempts "
      + "to reach the CCC (dates, screenshots); in parallel, refer the case to the Défenseur des droits.";

  static final String BEFORE_REJECTION_FR = CONTACT_FR + " Sans réponse, un avocat ou l'association peut saisir le "
      + "tribunal administratif d'un référé mesures utiles (CJA L.521-3).";
  static final String BEFORE_REJECTION_EN = CONTACT_EN + " Without an answer, a lawyer or the association can ask the "
      + "administrative court for a référé mesures utiles (CJA L.521-3).";

  static final String AFTER_REJECTION_FR = "Contester le refus implicite devant le tribunal administratif (recours en "
      + "annulation) et, en cas d'urgence, demander un référé-suspension (CJA L.521-1) ; saisir en parallèle le "
      + "Défenseur des droits.";
  static final String AFTER_REJECTION_EN = "Challenge the implicit rejection before the administrative court (annulment "
      + "action) and, if urgent, ask for a référé-suspension (CJA L.521-1); in parallel, refer the case to the "
      + "Défenseur des droits.";

  /**
   * A rupture's message once the request was refused ({@link CaseView#refused()}): what happened ({@code fr},
   * {@code en}), then the next steps: no API will come for the request, so chasing the CCC or a référé mesures
   * utiles to obtain one (the steps before a rejection) is no longer the way; contesting is.
   */
  static Message afterRefusal(CaseView view, String fr, String en) {
    LocalDate refusedOn = view.decision().orElseThrow().getDecidedOn();
    return message(fr, "La demande a été refusée le " + fr(refusedOn) + " : aucune API ne sera plus délivrée pour elle. "
            + "Orienter vers un·e avocat·e ou une permanence juridique pour contester le refus s'il en est encore temps "
            + "et, en cas d'urgence, demander un référé-suspension (CJA L.521-1), qui peut obliger la préfecture à "
            + "délivrer un document provisoire. Saisir en parallèle le Défenseur des droits.",
        en, "The request was refused on " + en(refusedOn) + ": no API will be issued for it any more. Refer the person "
            + "to a lawyer or a legal help desk to contest the refusal if there is still time and, if urgent, to ask for "
            + "a référé-suspension (CJA L.521-1), which can oblige the prefecture to issue a provisional document. In "
            + "parallel, refer the case to the Défenseur des droits.");
  }

  /**
   * A rupture's message while the request awaits its decision: what happened ({@code fr}, {@code en}), then the next
   * steps, which depend on the implicit rejection ({@link ImplicitRejectionV3#timeToContest}). Before it arises, the
   * CCC, the point d'accueil numérique and a référé mesures utiles (CJA L.521-3). Once it arose, a référé mesures
   * utiles is no longer the way (it cannot stand against a decision, the rejection included): contesting the
   * rejection is, with a référé-suspension (CJA L.521-1) if urgent; once contested before the court, the lawyer who
   * follows the appeal is told; once the time to contest it ended, a lawyer says what remains (DOMAIN.md). Once the
   * request was refused, the steps after a refusal ({@link #afterRefusal}).
   */
  static Message pending(CaseView view, RuleSettings settings, String fr, String en) {
    if (view.refused()) {
      return afterRefusal(view, fr, en);
    }
    Optional<ImplicitRejectionV3.TimeToContest> time = ImplicitRejectionV3.timeToContest(view, settings);
    ImplicitRejectionV3.Stage stage = ImplicitRejectionV3.stage(view, time);
    if (stage == ImplicitRejectionV3.Stage.NONE) {
      return message(fr, BEFORE_REJECTION_FR, en, BEFORE_REJECTION_EN);
    }
    LocalDate rejection = time.orElseThrow().rejection();
    LocalDate lastDay = time.orElseThrow().lastDay();
    String since = "La demande est implicitement rejetée depuis le " + fr(rejection) + " (CESEDA R.432-1)";
    String sinceEn = "The request is implicitly rejected since " + en(rejection) + " (CESEDA R.432-1)";
    if (stage == ImplicitRejectionV3.Stage.CONTESTED) {
      return message(fr, CONTACT_FR + " " + since + " et ce rejet est contesté devant le tribunal administratif : "
              + "signaler cette situation à l'avocat·e qui suit le recours.",
          en, CONTACT_EN + " " + sinceEn + " and the rejection is contested before the administrative court: tell the "
              + "lawyer who follows the appeal.");
    }
    if (stage == ImplicitRejectionV3.Stage.ARISEN) {
      return message(fr, CONTACT_FR + " " + since + " : le référé mesures utiles n'est plus la voie. Un·e avocat·e peut "
              + "contester ce rejet devant le tribunal administratif jusqu'au " + fr(lastDay) + " et, en cas d'urgence, "
              + "demander un référé-suspension (CJA L.521-1), qui peut obliger la préfecture à délivrer un document "
              + "provisoire.",
          en, CONTACT_EN + " " + sinceEn + ": a référé mesures utiles is no longer the way. A lawyer can contest the "
              + "rejection before the administrative court until " + en(lastDay) + " and, if urgent, ask for a "
              + "référé-suspension (CJA L.521-1), which can oblige the prefecture to issue a provisional document.");
    }
    return message(fr, CONTACT_FR + " " + since + " et le délai pour contester ce rejet a pris fin le " + fr(lastDay)
            + " : orienter vers un·e avocat·e ou une permanence juridique, qui dira ce qui reste possible (le plus "
            + "souvent une nouvelle demande).",
        en, CONTACT_EN + " " + sinceEn + " and the time to contest the rejection ended on " + en(lastDay) + ": refer the "
            + "person to a lawyer or a legal help desk, who will say what remains possible (most often a new request).");
  }

  /** What ends an alert on a rejection that can be contested: the appeal, once recorded. */
  static Message withAppealToRecord(Message m) {
    return withHint(m, "Une fois le recours déposé au tribunal, l'enregistrer sur le dossier (« Recours déposé ») : "
        + "l'alerte se clôt.", "Once the appeal is filed with the court, record it on the case (\"Appeal filed\"): the "
        + "alert closes.");
  }

  /** A message with one more sentence after its next steps, before the disclaimer that ends every message. */
  static Message withHint(Message m, String fr, String en) {
    return new Message(beforeDisclaimer(m.fr(), fr, DISCLAIMER_FR), beforeDisclaimer(m.en(), en, DISCLAIMER_EN));
  }

  private static String beforeDisclaimer(String text, String hint, String disclaimer) {
    int at = text.endsWith(disclaimer) ? text.length() - disclaimer.length() : text.length();
    String head = text.substring(0, at).stripTrailing();
    return head + " " + hint + (at < text.length() ? " " + disclaimer : "");
  }

  static final String DISCLAIMER_FR = Disclaimer.FRENCH;
  static final String DISCLAIMER_EN = Disclaimer.ENGLISH;

  private Texts() {}

  /** A day as the messages write it in French ("3 juin 2026"). */
  public static String fr(LocalDate date) {
    return date.getDayOfMonth() + " " + MONTHS_FR[date.getMonthValue() - 1] + " " + date.getYear();
  }

  /** A day as the messages write it in English ("3 June 2026"). */
  public static String en(LocalDate date) {
    return date.getDayOfMonth() + " " + MONTHS_EN[date.getMonthValue() - 1] + " " + date.getYear();
  }

  static Message message(String fr, String frSteps, String en, String enSteps) {
    return new Message(fr + " " + frSteps + " " + DISCLAIMER_FR, en + " " + enSteps + " " + DISCLAIMER_EN);
  }
}
