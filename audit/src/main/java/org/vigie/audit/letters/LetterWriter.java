package org.vigie.audit.letters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigie.rules.rule.AppealDeadlineV4;
import org.vigie.rules.rule.ImplicitRejectionV3;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.wording.CodeWording;
import org.vigie.schemas.wording.LetterKind;

/**
 * Writes a draft of each kind from a case's facts. Every draft says what the facts are, as recorded by the
 * association, and is to be read and completed by a volunteer before it is sent: it is help, not a legal
 * act (as the alerts say). References are those the rules cite.
 */
public final class LetterWriter {
  static final String DISCLAIMER = "Brouillon préparé par Vigie à partir des faits enregistrés par l'association : "
      + "relire, vérifier les dates sur les pièces et compléter ce qui est entre crochets avant de l'envoyer.";
  private static final String SIGNATURE = "[Prénom, nom et fonction de la personne qui écrit]";
  private static final String CE_2026 = "« dans l'attente d'un renouvellement de titre de séjour, une attestation de "
      + "prolongation de l'instruction doit être délivrée et garantir des droits »";
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\[[^\\]]+\\]");

  public Letter write(LetterKind kind, LetterCase c) {
    Situation s = new Situation(c);
    Draft d = switch (kind) {
      case CCC_REQUEST -> ccc(s);
      case EMPLOYER -> employer(s);
      case DEFENSEUR_DES_DROITS -> defenseur(s);
      case LAWYER_BRIEF -> lawyerBrief(s, c);
      case BENEFITS_OFFICE -> benefitsOffice(s);
      case THIRD_PARTY -> thirdParty(s);
    };
    Set<String> toComplete = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>(List.of(d.recipient, d.subject));
    texts.addAll(d.paragraphs);
    for (String text : texts) {
      java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        toComplete.add(m.group());
      }
    }
    return new Letter(kind, c.reference(), c.today(), d.recipient, d.subject, d.paragraphs, List.copyOf(toComplete));
  }

  private static final class Draft {
    final String recipient;
    final String subject;
    final List<String> paragraphs = new ArrayList<>();

    Draft(String recipient, String subject) {
      this.recipient = recipient;
      this.subject = subject;
    }

    Draft add(String paragraph) {
      paragraphs.add(paragraph);
      return this;
    }

    /** The closing formula, then the writer's signature (to fill in) and the association. */
    Draft signedBy(Situation s, String formula) {
      return add(formula).add(SIGNATURE + ", " + s.association());
    }

    Draft items(List<String> items) {
      items.forEach(i -> paragraphs.add(Letter.BULLET + i));
      return this;
    }
  }

  private Draft ccc(Situation s) {
    String subject;
    if (s.apiNeeded()) {
      subject = s.apiEverIssued() ? "Demande de renouvellement de l'attestation de prolongation d'instruction"
          : "Demande de délivrance de l'attestation de prolongation d'instruction";
    } else if (!s.openBlockages().isEmpty()) {
      subject = "Blocage d'un dossier sur l'ANEF : " + CodeWording.FRENCH.of(s.openBlockages().get(0).getKind());
    } else if (s.submission().isPresent()) {
      subject = "Demande de " + s.procedure() + " sans réponse";
    } else {
      subject = "Demande d'information sur un dossier de titre de séjour";
    }
    subject += " — numéro étranger " + s.number();
    Draft d = new Draft("Centre de contact citoyen (CCC), par son formulaire en ligne ou par téléphone", subject);
    d.add("Madame, Monsieur,");
    d.add("L'association " + s.association() + " accompagne " + s.name() + ", numéro étranger " + s.number()
        + ", dans sa démarche de " + s.procedure() + " auprès de " + s.prefecture() + ". Voici sa situation :");
    d.items(s.facts());
    d.add("Nous vous demandons :");
    d.items(requests(s));
    d.add("Sans réponse, " + s.name() + " risque de perdre " + s.atStake() + ". Merci de nous répondre par écrit en"
        + " rappelant le numéro étranger.");
    return d.signedBy(s, "Avec nos remerciements,");
  }

  private Draft employer(Situation s) {
    Draft d = aboutTheFiling(s, new Draft("[Nom de l'employeur et adresse]",
        s.name() + " : droit au travail pendant l'examen de sa demande de titre de séjour"), "que vous employez");
    Optional<ApiFact> api = s.validApi();
    Optional<LocalDate> tolerance = s.toleranceUntil();
    if (api.isPresent()) {
      d.add("Pendant l'examen de cette demande, la préfecture lui a délivré une attestation de prolongation d'instruction"
          + " (API), valable jusqu'au " + FrenchDates.of(s.apiEnd(api.get())) + ". Cette attestation remplace l'ancien"
          + " récépissé : délivrée pour le renouvellement d'un titre qui autorisait à travailler, elle autorise son"
          + " titulaire à travailler (CESEDA, article R.431-15-2). Le Conseil d'État a rappelé le 5 mai 2026 que " + CE_2026 + ".");
      d.add("Cette attestation suffit donc à poursuivre son contrat de travail. Vous pouvez nous en demander une copie si"
          + " vous ne l'avez pas reçue.");
    } else if (tolerance.isPresent()) {
      d.add(tolerated(s, tolerance.get()) + ", et avec elle son autorisation de travail.");
    } else if (s.uncoveredSince().isPresent()) {
      d.add("La préfecture devait lui délivrer une attestation de prolongation d'instruction, qui autorise à travailler"
          + " (CESEDA, articles R.431-15-1 et R.431-15-2) ; elle ne l'a pas encore fait. Ce retard, dû aux"
          + " dysfonctionnements de l'ANEF que le Conseil d'État a enjoint à l'État de corriger le 5 mai 2026, ne lui"
          + " est pas imputable. Nous faisons le nécessaire pour qu'elle soit délivrée au plus vite.");
    } else {
      d.add(s.permitExpiresOn().filter(e -> !e.isBefore(s.today()))
          .map(e -> "Son titre de séjour, valable jusqu'au " + FrenchDates.of(e) + ", l'autorise à travailler. ").orElse("")
          + "Pendant l'examen de sa demande, la préfecture doit lui délivrer une attestation de prolongation d'instruction"
          + " qui, délivrée pour le renouvellement d'un titre qui autorisait à travailler, l'autorise à travailler"
          + " (CESEDA, article R.431-15-2).");
    }
    d.add("Nous vous remercions en conséquence de maintenir son contrat de travail, et restons à votre disposition pour"
        + " toute question avant quelque décision que ce soit.");
    return d.signedBy(s, "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
  }

  private Draft benefitsOffice(Situation s) {
    Draft d = aboutTheFiling(s, new Draft("[CAF ou agence France Travail, et son adresse]",
        s.name() + " : maintien des prestations pendant l'examen de sa demande de titre de séjour — allocataire n°"
            + " [numéro d'allocataire ou identifiant]"), "qui perçoit des prestations");
    theApiEnclosed(d, s, "Elle remplace l'ancien récépissé et atteste que sa demande est en cours d'examen ; le Conseil"
        + " d'État a rappelé le 5 mai 2026 que " + CE_2026 + ".");
    d.add("Nous vous demandons en conséquence de maintenir ses prestations pendant l'examen de sa demande ou, si elles"
        + " ont été suspendues, de les rétablir depuis leur suspension, et de nous indiquer toute pièce qui vous"
        + " manquerait.");
    return enclosingTheApi(d, s);
  }

  /** For a bank, a landlord, an insurer, a school: the stay remains lawful while the renewal is examined. */
  private Draft thirdParty(Situation s) {
    Draft d = aboutTheFiling(s, new Draft("[Banque, bailleur ou organisme, et son adresse]",
        s.name() + " : séjour régulier pendant l'examen de sa demande de titre de séjour — [référence du compte, du"
            + " bail ou du dossier]"), "votre [client·e, locataire ou adhérent·e]");
    theApiEnclosed(d, s, "Cette attestation, qui remplace l'ancien récépissé, établit que son séjour reste régulier pendant"
        + " l'examen de sa demande (CESEDA, article R.431-15-1). Le Conseil d'État a rappelé le 5 mai 2026 que " + CE_2026 + ".");
    d.add("Nous vous demandons en conséquence d'accepter cette attestation comme justificatif de la régularité de son"
        + " séjour, et de ne prendre aucune décision (clôture ou blocage d'un compte, refus ou fin d'un bail, suspension"
        + " d'un contrat) au seul motif de l'échéance de son ancien titre. Nous restons à votre disposition pour toute"
        + " question.");
    return enclosingTheApi(d, s);
  }

  /**
   * What proves the person's rights while the request is examined, for a letter sent with the API: the API
   * (then {@code whatItShows}), the card's L.433-3 tolerance, the API the prefecture has not issued yet (not the
   * person's fault), or the permit still valid.
   */
  private static void theApiEnclosed(Draft d, Situation s, String whatItShows) {
    Optional<ApiFact> api = s.validApi();
    Optional<LocalDate> tolerance = s.toleranceUntil();
    if (api.isPresent()) {
      d.add("Pendant l'examen de cette demande, la préfecture lui a délivré une attestation de prolongation d'instruction"
          + " (API), valable jusqu'au " + FrenchDates.of(s.apiEnd(api.get())) + ", jointe à ce courrier. " + whatItShows);
    } else if (tolerance.isPresent()) {
      d.add(tolerated(s, tolerance.get()) + ".");
    } else if (s.uncoveredSince().isPresent()) {
      d.add("La préfecture devait lui délivrer, pendant l'examen de sa demande, une attestation de prolongation"
          + " d'instruction (CESEDA, article R.431-15-1) ; elle ne l'a pas encore fait. Ce retard, dû aux"
          + " dysfonctionnements de l'ANEF que le Conseil d'État a enjoint à l'État de corriger le 5 mai 2026, ne lui"
          + " est pas imputable ; nous faisons le nécessaire pour qu'elle soit délivrée au plus vite.");
    } else {
      s.permitExpiresOn().filter(e -> !e.isBefore(s.today()))
          .ifPresent(e -> d.add("Son titre de séjour est valable jusqu'au " + FrenchDates.of(e) + "."));
    }
  }

  private static Draft enclosingTheApi(Draft d, Situation s) {
    d.add("Pièces jointes : [copie de l'attestation de prolongation d'instruction, ou de l'accusé de dépôt sur l'ANEF].");
    return d.signedBy(s, "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
  }

  private Draft defenseur(Situation s) {
    Draft d = new Draft("Défenseur des droits, par son formulaire en ligne ou auprès d'un·e délégué·e de votre département",
        "Réclamation — démarche de titre de séjour bloquée sur l'ANEF (" + s.name() + ")");
    d.add("Madame, Monsieur,");
    d.add("L'association " + s.association() + " accompagne " + s.name() + ", numéro étranger " + s.number()
        + ", dans sa démarche de " + s.procedure() + " auprès de " + s.prefecture() + ". Avec son accord, nous vous"
        + " saisissons des difficultés suivantes :");
    d.items(s.facts());
    List<String> attempts = s.cccAttemptLines();
    if (!attempts.isEmpty()) {
      d.add("Les démarches faites auprès du Centre de contact citoyen, seule aide proposée par l'administration :");
      d.items(attempts);
    }
    d.add("Ces difficultés exposent " + s.name() + " à perdre " + s.atStake() + ". Le Conseil d'État a jugé qu'une"
        + " solution de substitution au téléservice doit être offerte à qui ne peut l'utiliser (3 juin 2022, n°452798),"
        + " et a enjoint le 5 mai 2026 au ministère de l'Intérieur de corriger les dysfonctionnements de l'ANEF.");
    d.add("Nous vous demandons d'intervenir auprès de " + s.prefecture() + " afin d'obtenir :");
    d.items(requests(s));
    d.add("Pièces jointes : la chronologie du dossier (Vigie), [copies du titre de séjour, de l'accusé de dépôt ANEF,"
        + " des attestations et des échanges avec le CCC], [accord ou mandat signé de la personne].");
    return d.signedBy(s, "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
  }

  private Draft lawyerBrief(Situation s, LetterCase c) {
    Optional<DecisionFact> refusal = s.refusal();
    Draft d = new Draft("[Nom de l'avocat·e]", (refusal.isPresent() ? "Éléments pour un recours — " : "Éléments pour un référé — ")
        + s.name() + ", dossier " + c.reference());
    d.add("Personne : " + s.name() + ", numéro étranger " + s.number() + ". Démarche : " + s.procedure() + " auprès de "
        + s.prefecture() + ". Accompagnée par l'association " + s.association() + ".");
    d.add("Faits au " + FrenchDates.of(c.today()) + ", tels qu'enregistrés par l'association :");
    d.items(s.facts());
    List<String> attempts = s.cccAttemptLines();
    if (!attempts.isEmpty()) {
      d.add("Démarches auprès du Centre de contact citoyen :");
      d.items(attempts);
    }
    List<LetterCase.OpenAlert> alerts = c.openAlerts().stream()
        .sorted(Comparator.comparing(LetterCase.OpenAlert::deadline, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    if (!alerts.isEmpty()) {
      d.add("Échéances relevées par Vigie (alertes ouvertes) :");
      d.items(alerts.stream().map(a -> CodeWording.FRENCH.of(a.rule()) + " (" + CodeWording.FRENCH.of(a.severity()) + ")"
          + (a.deadline() == null ? "" : ", échéance le " + FrenchDates.of(a.deadline()))
          + (a.reference() == null ? "" : " — " + a.reference())).toList());
    }
    d.add("Voie envisageable :");
    Optional<LocalDate> rejection = s.implicitRejection();
    Optional<ImplicitRejectionV3.TimeToContest> uncontested = rejection
        .filter(r -> !r.isAfter(c.today()) && !s.courtSeizedSince(r))
        .flatMap(r -> s.implicitRejectionTimeToContest()).filter(t -> t.lastDay().isBefore(c.today()));
    Optional<AppealDeadlineV4.Interrupted> interrupted = s.interruptedAppealTime()
        .filter(i -> !i.deadline().isBefore(c.today()));
    if (interrupted.isPresent()) {
      AppealDeadlineV4.Interrupted i = interrupted.get();
      d.items(List.of((i.refusal() ? "Refus de titre de séjour, décision du " : "Décision implicite de rejet née le ")
              + FrenchDates.of(i.rejection()) + ".",
          "Recours gracieux ou hiérarchique déposé le " + FrenchDates.of(i.appealed()) + ", dans le délai de recours "
              + "contentieux, qu'il a interrompu (CRPA L.411-2) : sans réponse, il est rejeté implicitement le "
              + FrenchDates.of(i.silenceRejects()) + " (CRPA L.231-4), et le recours en annulation devant le tribunal "
              + "administratif reste possible jusqu'au " + FrenchDates.of(i.deadline()) + " ; une réponse écrite ouvre "
              + "un nouveau délai de deux mois.",
          "En cas d'urgence, référé-suspension (CJA L.521-1) avec le recours, sans attendre la réponse."));
    } else if (refusal.isPresent()) {
      LocalDate deadline = s.refusalAppealDeadline(refusal.get());
      List<String> items = new ArrayList<>(refusalRoutes(refusal.get(), deadline));
      LocalDate lastDay = s.lastDayToContest(refusal.get());
      if (lastDay.isBefore(c.today()) && !s.courtSeizedSince(refusal.get().getDecidedOn())) {
        items.add("D'après la date enregistrée, ce délai a pris fin le " + FrenchDates.of(lastDay) + " : vérifier sur la"
            + " notification le jour où elle a été reçue et si elle mentionnait les voies et délais de recours ; à défaut,"
            + " il n'est pas opposable (CJA R.421-5), le recours restant enfermé dans un délai raisonnable, en principe d'un"
            + " an (CE, 13 juillet 2016, n°387763).");
      }
      d.items(items);
    } else if (uncontested.isPresent()) {
      d.items(timeToContestOver(uncontested.get()));
    } else if (rejection.isPresent() && !rejection.get().isAfter(c.today())) {
      d.items(List.of("Une décision implicite de rejet est née le " + FrenchDates.of(rejection.get()) + " (CESEDA R.432-1 et"
          + " R.432-2 ; une API n'arrête pas ce délai, CE avis 6 mai 2025 n°499904).",
          "Recours en annulation devant le tribunal administratif dans les deux mois (CJA R.421-2), soit au plus tard le "
              + FrenchDates.of(rejection.get().plusMonths(2)) + " ; un an si l'accusé de réception ne mentionnait pas les"
              + " voies et délais de recours" + appealRoutesNote(s) + ".",
          "En cas d'urgence, référé-suspension (CJA L.521-1) avec le recours."));
    } else {
      List<String> items = new ArrayList<>();
      items.add("Avant toute décision : référé mesures utiles (CJA L.521-3), pour obtenir "
          + (s.apiNeeded() ? "la délivrance de l'attestation de prolongation d'instruction (CESEDA R.431-15-1)"
              : s.openBlockages().isEmpty() ? "une réponse de la préfecture" : "le déblocage du dossier")
          + ", après les démarches restées sans réponse ci-dessus.");
      rejection.ifPresent(r -> items.add("Sans décision, la demande sera implicitement rejetée le " + FrenchDates.of(r)
          + " (CESEDA R.432-1) ; le délai de recours courra alors deux mois (CJA R.421-2)."));
      d.items(items);
    }
    d.add("Urgence : " + s.name() + " risque de perdre " + s.atStake()
        + s.uncoveredSince().map(u -> " ; sans document valide depuis le " + FrenchDates.of(u)).orElse("") + ".");
    d.add("Pièces : la chronologie du dossier (Vigie, PDF), [titre de séjour, accusé de dépôt ANEF, attestations,"
        + " échanges avec le CCC, contrat de travail ou attestations de prestations].");
    return d;
  }

  /** An implicit rejection whose time to contest ended with no appeal to the court recorded: final. */
  private static List<String> timeToContestOver(ImplicitRejectionV3.TimeToContest time) {
    String how = time.appealedToPrefecture().map(a -> "deux mois après le rejet implicite du recours gracieux ou"
            + " hiérarchique du " + FrenchDates.of(a) + ", CRPA L.411-2")
        .orElse(time.routesStated() ? "deux mois, CJA R.421-2"
            : "un an, l'association ayant noté que l'accusé de réception ne mentionnait pas les voies et délais de recours");
    return List.of("Une décision implicite de rejet est née le " + FrenchDates.of(time.rejection()) + " (CESEDA R.432-1 et"
            + " R.432-2 ; une API n'arrête pas ce délai, CE avis 6 mai 2025 n°499904).",
        "D'après les dates enregistrées, le délai de recours contentieux a pris fin le " + FrenchDates.of(time.lastDay())
            + " (" + how + "), sans recours enregistré : la décision est devenue définitive, et un référé-suspension,"
            + " qui accompagne un recours en annulation, n'est plus ouvert contre elle. Vérifier qu'aucun recours n'a"
            + " été déposé" + (time.routesStated() ? " et, sur l'accusé de réception, la mention des voies et délais de"
            + " recours (à défaut, le délai est d'un an au plus, CE, 13 juillet 2016, n°387763)." : "."),
        "Reste envisageable : une nouvelle demande de titre de séjour, notamment si la situation a changé.");
  }

  /** How an explicit refusal is contested: with an OQTF, within the short time the decision states. */
  private static List<String> refusalRoutes(DecisionFact refusal, LocalDate deadline) {
    String on = FrenchDates.of(refusal.getDecidedOn());
    boolean stated = refusal.getAppealDeadline() != null;
    if (refusal.getDecision() == Decision.REFUSED_WITH_OQTF) {
      return List.of("Refus de titre de séjour assorti d'une obligation de quitter le territoire français (OQTF), décision"
              + " du " + on + ".",
          "Recours en annulation devant le tribunal administratif dans le délai, bref, que fixe la décision à compter de"
              + " sa notification : " + (stated ? "jusqu'au " + FrenchDates.of(deadline) + " selon la décision."
                  : "Vigie retient le " + FrenchDates.of(deadline) + oqtfTime(refusal.getOqtfTerms())
                  + ", à vérifier sur la notification.")
              + " Le recours suspend l'éloignement ; un recours gracieux ne prolonge pas ce délai.",
          "Aide juridictionnelle à demander au plus tôt.");
    }
    return List.of("Refus de titre de séjour, décision du " + on + ".",
        "Recours en annulation devant le tribunal administratif dans les deux mois de sa notification (CJA R.421-1) : "
            + (stated ? "jusqu'au " + FrenchDates.of(deadline) + " selon la décision."
                : "Vigie retient le " + FrenchDates.of(deadline) + ", à vérifier sur la notification."),
        "En cas d'urgence, référé-suspension (CJA L.521-1) avec le recours.");
  }

  /** What the rules counted for an OQTF's time when the decision's last day was not recorded, by its terms. */
  private static String oqtfTime(OqtfTerms terms) {
    if (terms == null) {
      return " en supposant un délai de départ volontaire accordé (un mois, CESEDA L.911-1) ; sans ce délai, en"
          + " assignation à résidence ou en détention, il est de sept jours (L.921-1), en rétention de 48 heures (L.921-2)";
    }
    return switch (terms) {
      case DEPARTURE_PERIOD -> " (délai de départ volontaire accordé : un mois, CESEDA L.911-1)";
      case NO_DEPARTURE_PERIOD -> " (sans délai de départ volontaire : sept jours, CESEDA L.921-1)";
      case HOUSE_ARREST_OR_PRISON -> " (assignation à résidence ou détention : sept jours, CESEDA L.921-1)";
      case RETENTION_CENTRE -> " (rétention : 48 heures à compter de la notification, CESEDA L.921-2)";
    };
  }

  /**
   * The opening of a letter to a third party about the person ({@code who}: "que vous employez"): who the
   * association accompanies, and when the request was filed on ANEF with the permit's expiry beside it.
   */
  private static Draft aboutTheFiling(Situation s, Draft d, String who) {
    d.add("Madame, Monsieur,");
    d.add("L'association " + s.association() + " accompagne " + s.name() + ", " + who + ", dans ses démarches auprès de "
        + s.prefecture() + ".");
    s.submission().ifPresent(sub -> d.add(s.name() + " a déposé sa demande de " + s.procedure() + " sur l'ANEF, la"
        + " plateforme du ministère de l'Intérieur, le " + FrenchDates.of(sub.getSubmittedOn())
        + s.permitExpiresOn().map(e -> ", son titre de séjour (" + s.permitKind() + ") "
            + (e.isBefore(s.today()) ? "ayant expiré le " : "expirant le ") + FrenchDates.of(e)).orElse("") + "."));
    return d;
  }

  /** The card kept valid by the L.433-3 tolerance, until {@code until} (without the final stop). */
  private static String tolerated(Situation s, LocalDate until) {
    return "Sa demande de renouvellement ayant été déposée avant l'expiration de sa carte (" + s.permitKind() + "), celle-ci"
        + " reste valable jusqu'au " + FrenchDates.of(until) + " (CESEDA, article L.433-3)";
  }

  private static String appealRoutesNote(Situation s) {
    return s.submission().filter(sub -> !sub.getReceiptMentionsAppealRoutes())
        .map(sub -> " (l'association a noté que l'accusé de réception ne les mentionnait pas)").orElse("");
  }

  /** What the association asks the administration for, given the situation. */
  private static List<String> requests(Situation s) {
    List<String> asks = new ArrayList<>();
    if (s.apiNeeded()) {
      asks.add(s.apiEverIssued()
          ? "le renouvellement de son attestation de prolongation d'instruction, due jusqu'à la décision (CESEDA R.431-15-1) ;"
          : "la délivrance de son attestation de prolongation d'instruction, due pendant l'examen de sa demande (CESEDA"
              + " R.431-15-1) ;");
    }
    List<BlockageFact> blockages = s.openBlockages();
    if (!blockages.isEmpty()) {
      asks.add("la résolution du blocage signalé (" + blockages.stream().map(b -> CodeWording.FRENCH.of(b.getKind()))
          .distinct().collect(Collectors.joining(", ")) + "), ou la transmission du dossier au service compétent de la"
          + " préfecture ;");
    }
    s.submission().filter(sub -> sub.getSubmittedOn().isBefore(s.today().minusMonths(2)))
        .ifPresent(sub -> asks.add("des nouvelles de l'instruction de sa demande, déposée il y a "
            + FrenchDates.elapsed(sub.getSubmittedOn(), s.today()) + " ;"));
    if (asks.isEmpty()) {
      asks.add("des informations sur l'état de son dossier ;");
    }
    String last = asks.remove(asks.size() - 1);
    asks.add(last.substring(0, last.length() - 2) + ".");
    return asks;
  }
}
