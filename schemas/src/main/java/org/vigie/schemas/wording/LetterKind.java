package org.vigie.schemas.wording;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigie.schemas.RuleId;

/**
 * The drafts Vigie prepares for the next steps its alerts name: a message to the Centre de contact
 * citoyen, a letter reminding an employer that the API allows work, a complaint to the Défenseur des
 * droits, a summary of the facts and deadlines for a lawyer preparing a référé, a letter asking the CAF
 * or France Travail to keep the benefits, and one for a bank, a landlord or another body that refuses the API
 * (no rule raises that blockage's own alert: it is not suggested). Each is suggested
 * by the open alerts whose next steps it serves: intake drafts them, alert messages point to them.
 */
public enum LetterKind {
  CCC_REQUEST("ccc-request", "Message au Centre de contact citoyen", "Message to the Centre de contact citoyen",
      "À coller dans le formulaire du CCC ou à lire au téléphone : la situation, les dates et ce qui est demandé.",
      "To paste into the CCC's web form or read out on the phone: the situation, the dates and what is asked.",
      EnumSet.of(RuleId.API_NOT_ISSUED, RuleId.API_EXPIRING, RuleId.API_EXPIRED, RuleId.PERMIT_EXPIRED_WITHOUT_API,
          RuleId.BLOCKAGE_UNRESOLVED, RuleId.IMPLICIT_REJECTION, RuleId.BENEFITS_AT_RISK)),
  EMPLOYER("employer", "Courrier à l'employeur", "Letter to the employer",
      "Rappelle à l'employeur que l'attestation de prolongation d'instruction autorise à travailler (CESEDA R.431-15-2).",
      "Reminds the employer that the attestation de prolongation d'instruction allows work (CESEDA R.431-15-2).",
      EnumSet.of(RuleId.EMPLOYMENT_AT_RISK)),
  DEFENSEUR_DES_DROITS("defenseur-des-droits", "Réclamation au Défenseur des droits", "Complaint to the Défenseur des droits",
      "Les difficultés, les démarches restées sans réponse et ce qui est demandé, à envoyer avec l'accord de la personne.",
      "The difficulties, the steps left unanswered and what is asked, to send with the person's consent.",
      EnumSet.of(RuleId.CCC_UNANSWERED, RuleId.BLOCKAGE_UNRESOLVED, RuleId.API_NOT_ISSUED, RuleId.API_EXPIRED,
          RuleId.PERMIT_EXPIRED_WITHOUT_API, RuleId.BENEFITS_AT_RISK, RuleId.HEALTH_COVER_CLOSING)),
  LAWYER_BRIEF("lawyer-brief", "Fiche pour un·e avocat·e (référé ou recours)", "Brief for a lawyer (référé or appeal)",
      "Les faits, les échéances relevées par Vigie et la voie qu'elles ouvrent (référé, recours contre un refus), pour"
          + " préparer l'action en justice.",
      "The facts, the deadlines Vigie found and the way they open (référé, appeal against a refusal), to prepare the"
          + " court action.",
      EnumSet.of(RuleId.IMPLICIT_REJECTION, RuleId.APPEAL_DEADLINE, RuleId.API_EXPIRED, RuleId.PERMIT_EXPIRED_WITHOUT_API,
          RuleId.EMPLOYMENT_AT_RISK, RuleId.CCC_UNANSWERED)),
  BENEFITS_OFFICE("benefits-office", "Courrier à la CAF ou à France Travail", "Letter to the CAF or France Travail",
      "Demande le maintien des prestations pendant l'examen de la demande de titre, l'attestation de prolongation"
          + " d'instruction à l'appui.",
      "Asks that the benefits be kept while the permit request is examined, the attestation de prolongation"
          + " d'instruction in support.",
      EnumSet.of(RuleId.BENEFITS_AT_RISK)),
  THIRD_PARTY("third-party", "Courrier à une banque, un bailleur ou un autre organisme",
      "Letter to a bank, a landlord or another body",
      "Quand un tiers refuse l'attestation de prolongation d'instruction (blocage « API non reconnue ») : elle atteste"
          + " que le séjour reste régulier pendant l'examen de la demande.",
      "When a third party refuses the attestation de prolongation d'instruction (the \"API not recognised\" blockage):"
          + " it shows the stay remains lawful while the request is examined.",
      EnumSet.noneOf(RuleId.class));

  private final String id;
  private final String titleFr;
  private final String titleEn;
  private final String purposeFr;
  private final String purposeEn;
  private final Set<RuleId> suggestedBy;

  LetterKind(String id, String titleFr, String titleEn, String purposeFr, String purposeEn, Set<RuleId> suggestedBy) {
    this.id = id;
    this.titleFr = titleFr;
    this.titleEn = titleEn;
    this.purposeFr = purposeFr;
    this.purposeEn = purposeEn;
    this.suggestedBy = suggestedBy;
  }

  /** How the API and the page name the kind, e.g. {@code ccc-request}. */
  public String id() {
    return id;
  }

  public String title(boolean french) {
    return french ? titleFr : titleEn;
  }

  public String purpose(boolean french) {
    return french ? purposeFr : purposeEn;
  }

  /** The open rules, among {@code openRules}, whose next steps this draft serves; empty when none. */
  public List<RuleId> suggestedBy(Collection<RuleId> openRules) {
    return openRules.stream().filter(suggestedBy::contains).distinct().sorted().toList();
  }

  /** The drafts an alert of {@code rule} calls for, in this order. */
  public static List<LetterKind> suggestedFor(RuleId rule) {
    return Arrays.stream(values()).filter(k -> k.suggestedBy.contains(rule)).toList();
  }

  public static Optional<LetterKind> parse(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
