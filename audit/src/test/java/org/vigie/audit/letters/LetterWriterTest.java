package org.vigie.audit.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.vigie.audit.testing.CaseEvents;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.rule.Rules;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.wording.LetterKind;

/** The drafts say the case's facts as the rules see them, ask for what the situation calls for, and leave blanks only where needed. */
class LetterWriterTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final RuleSettings DEFAULTS = RuleSettings.defaults(Rules.all());
  private final LetterWriter writer = new LetterWriter();

  /** A renewal filed on time in June, the card expired on 1 September, no API ever, an open blockage, three unanswered calls. */
  private static CaseEvents noApiSinceExpiry() {
    return CaseEvents.of("case-1", "asso-1")
        .opened(LocalDate.of(2026, 5, 2), "93", LocalDate.of(2026, 9, 1), PermitKind.CARTE_TEMPORAIRE, true, false)
        .submitted(LocalDate.of(2026, 6, 10))
        .blockage(LocalDate.of(2026, 9, 15), BlockageKind.API_NOT_ISSUED)
        .ccc(LocalDate.of(2026, 10, 1), CccOutcome.NO_ANSWER)
        .ccc(LocalDate.of(2026, 10, 8), CccOutcome.NO_ANSWER)
        .ccc(LocalDate.of(2026, 10, 20), CccOutcome.AUTOMATED_REPLY);
  }

  private static LetterCase letterCase(CaseEvents events, String name, String number, List<LetterCase.OpenAlert> alerts) {
    CaseFold fold = new CaseFold();
    CaseState state = null;
    for (CaseEvent e : events.events()) {
      state = fold.apply(state, e);
    }
    return new LetterCase("3A8E87E2", "Permanence de Bobigny", name, number, state, DEFAULTS, alerts, TODAY);
  }

  @Test
  void theCccMessageAsksForTheMissingApiWithTheDatesAndTheAttempts() {
    Letter letter = writer.write(LetterKind.CCC_REQUEST, letterCase(noApiSinceExpiry(), "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.subject()).isEqualTo(
        "Demande de délivrance de l'attestation de prolongation d'instruction — numéro étranger 7512345670");
    assertThat(letter.text()).contains(
        "L'association Permanence de Bobigny accompagne Aminata Koné, numéro étranger 7512345670, dans sa démarche de"
            + " renouvellement de titre de séjour auprès de la préfecture (département 93).",
        "– Son titre de séjour (carte de séjour temporaire) a expiré le 1er septembre 2026.",
        "– Sa demande de renouvellement de titre de séjour a été déposée sur l'ANEF le 10 juin 2026 ; elle est sans décision"
            + " depuis 5 mois.",
        "– Aucune attestation de prolongation d'instruction (API) ne lui a été délivrée depuis ce dépôt.",
        "– Depuis le 2 septembre 2026, Aminata Koné n'a plus aucun document valide",
        "– Blocage de l'ANEF signalé le 15 septembre 2026, toujours pas résolu : API non délivrée.",
        "– 3 tentatives de contact du Centre de contact citoyen (CCC) entre le 1er octobre 2026 et le 20 octobre 2026, dont 3"
            + " sans solution.",
        "– Aminata Koné est salarié·e.",
        "– la délivrance de son attestation de prolongation d'instruction, due pendant l'examen de sa demande (CESEDA R.431-15-1) ;",
        "– des nouvelles de l'instruction de sa demande, déposée il y a 5 mois.",
        "risque de perdre son droit au séjour et son emploi.");
    assertThat(letter.toComplete()).containsExactly("[Prénom, nom et fonction de la personne qui écrit]");
  }

  @Test
  void anExpiredApiIsAskedForAgain() {
    CaseEvents events = noApiSinceExpiry().api(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 11, 19));
    Letter letter = writer.write(LetterKind.CCC_REQUEST, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.subject()).startsWith("Demande de renouvellement de l'attestation de prolongation d'instruction");
    assertThat(letter.text()).contains("La dernière attestation de prolongation d'instruction (API), délivrée le 20 septembre"
        + " 2026, n'est plus valable depuis le 20 novembre 2026 et n'a pas été renouvelée.",
        "Depuis le 20 novembre 2026, Aminata Koné n'a plus aucun document valide",
        "le renouvellement de son attestation de prolongation d'instruction, due jusqu'à la décision");
  }

  @Test
  void theEmployerIsToldTheApiAllowsWorkWhenOneIsValid() {
    CaseEvents events = noApiSinceExpiry().api(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 2, 1));
    Letter letter = writer.write(LetterKind.EMPLOYER, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.subject()).isEqualTo("Aminata Koné : droit au travail pendant l'examen de sa demande de titre de séjour");
    assertThat(letter.text()).contains("a déposé sa demande de renouvellement de titre de séjour sur l'ANEF, la plateforme du"
            + " ministère de l'Intérieur, le 10 juin 2026, son titre de séjour (carte de séjour temporaire) ayant expiré le"
            + " 1er septembre 2026.",
        "attestation de prolongation d'instruction (API), valable jusqu'au 1er février 2027",
        "autorise son titulaire à travailler (CESEDA, article R.431-15-2)", "Conseil d'État a rappelé le 5 mai 2026",
        "maintenir son contrat de travail")
        .doesNotContain("numéro étranger", "7512345670", "Blocage", "CCC");
    assertThat(letter.toComplete()).contains("[Nom de l'employeur et adresse]");
  }

  @Test
  void theEmployerIsToldTheDelayIsNotThePersonsFaultWhenNoApiCame() {
    Letter letter = writer.write(LetterKind.EMPLOYER, letterCase(noApiSinceExpiry(), "Aminata Koné", null, List.of()));
    assertThat(letter.text()).contains("ne lui est pas imputable").doesNotContain("valable jusqu'au");
  }

  @Test
  void aCardInItsThreeMonthToleranceStillAllowsWork() {
    CaseEvents events = CaseEvents.of("case-2", "asso-1")
        .opened(LocalDate.of(2026, 5, 2), "75", LocalDate.of(2026, 11, 1), PermitKind.CARTE_PLURIANNUELLE, true, false)
        .submitted(LocalDate.of(2026, 8, 1));
    LetterCase c = letterCase(events, "Karim Haddad", "7598765430", List.of());
    assertThat(writer.write(LetterKind.EMPLOYER, c).text())
        .contains("celle-ci reste valable jusqu'au 30 janvier 2027 (CESEDA, article L.433-3)");
    assertThat(writer.write(LetterKind.CCC_REQUEST, c).text())
        .contains("a expiré le 1er novembre 2026 ; la demande de renouvellement ayant été déposée avant, la carte reste"
            + " valable jusqu'au 30 janvier 2027 (CESEDA L.433-3).")
        .doesNotContain("n'a plus aucun document");
  }

  @Test
  void theLawyerBriefGivesTheAppealDeadlineOnceTheImplicitRejectionHasArisen() {
    List<LetterCase.OpenAlert> alerts = List.of(
        new LetterCase.OpenAlert(RuleId.IMPLICIT_REJECTION, Severity.HIGH, LocalDate.of(2026, 10, 10), "CESEDA R.432-1, R.432-2"),
        new LetterCase.OpenAlert(RuleId.PERMIT_EXPIRED_WITHOUT_API, Severity.CRITICAL, LocalDate.of(2026, 9, 2), null));
    Letter letter = writer.write(LetterKind.LAWYER_BRIEF, letterCase(noApiSinceExpiry(), "Aminata Koné", "7512345670", alerts));
    assertThat(letter.text()).contains("Éléments pour un référé — Aminata Koné, dossier 3A8E87E2",
        "– titre expiré sans API (critique), échéance le 2 septembre 2026",
        "– décision implicite de rejet (élevée), échéance le 10 octobre 2026 — CESEDA R.432-1, R.432-2",
        "Une décision implicite de rejet est née le 10 octobre 2026",
        "dans les deux mois (CJA R.421-2), soit au plus tard le 10 décembre 2026",
        "référé-suspension (CJA L.521-1)", "le 1er octobre 2026, par téléphone : sans réponse")
        .doesNotContain("référé mesures utiles");
    assertThat(letter.text().indexOf("titre expiré sans API")).isLessThan(letter.text().indexOf("décision implicite de rejet ("));
  }

  @Test
  void onceTheTimeToContestTheImplicitRejectionEndedTheBriefSaysItIsFinal() {
    CaseEvents over = CaseEvents.of("case-4", "asso-1")
        .opened(LocalDate.of(2026, 1, 5), "93", LocalDate.of(2026, 6, 1))
        .submitted(LocalDate.of(2026, 5, 10));
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(over, "Aminata Koné", "7512345670", List.of())).text())
        .contains("Une décision implicite de rejet est née le 10 septembre 2026",
            "le délai de recours contentieux a pris fin le 10 novembre 2026 (deux mois, CJA R.421-2), sans recours"
                + " enregistré : la décision est devenue définitive",
            "la mention des voies et délais de recours (à défaut, le délai est d'un an au plus",
            "Reste envisageable : une nouvelle demande de titre de séjour")
        .doesNotContain("au plus tard le", "En cas d'urgence, référé-suspension");

    CaseEvents withoutRoutes = CaseEvents.of("case-5", "asso-1")
        .opened(LocalDate.of(2025, 1, 5), "93", LocalDate.of(2025, 6, 1))
        .add(LocalDate.of(2025, 5, 10), SubmissionRecorded.newBuilder().setProcedure(Procedure.RENEWAL)
            .setReceiptMentionsAppealRoutes(false).build());
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(withoutRoutes, "Aminata Koné", "7512345670", List.of()))
        .text()).contains("a pris fin le 10 septembre 2026 (un an, l'association ayant noté que l'accusé de réception ne"
            + " mentionnait pas les voies et délais de recours)").doesNotContain("à défaut, le délai");

    CaseEvents contested = over.add(LocalDate.of(2026, 10, 2), SituationUpdated.newBuilder()
        .setAppeal(AppealKind.COURT_APPEAL).build());
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(contested, "Aminata Koné", "7512345670", List.of()))
        .text()).as("contested in time").doesNotContain("définitive");
  }

  @Test
  void beforeTheImplicitRejectionTheBriefPointsToTheReferéMesuresUtiles() {
    CaseEvents events = CaseEvents.of("case-3", "asso-1")
        .opened(LocalDate.of(2026, 8, 2), "13", LocalDate.of(2026, 11, 10))
        .submitted(LocalDate.of(2026, 9, 1));
    Letter letter = writer.write(LetterKind.LAWYER_BRIEF, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.text()).contains("référé mesures utiles (CJA L.521-3), pour obtenir la délivrance de l'attestation",
        "la demande sera implicitement rejetée le 1er janvier 2027").doesNotContain("est née");
  }

  @Test
  void aDecisionEndsTheInstructionTheLettersSpeakOf() {
    CaseEvents events = noApiSinceExpiry().blockageResolved(LocalDate.of(2026, 11, 2), BlockageKind.API_NOT_ISSUED)
        .decision(LocalDate.of(2026, 11, 10), Decision.REFUSED);
    Letter letter = writer.write(LetterKind.CCC_REQUEST, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.text()).contains("Décision de la préfecture du 10 novembre 2026 : refus.",
        "– des informations sur l'état de son dossier.")
        .doesNotContain("déposée sur l'ANEF", "attestation de prolongation d'instruction, due", "Blocage de l'ANEF");
    assertThat(letter.subject()).startsWith("Demande d'information sur un dossier de titre de séjour");
  }

  @Test
  void theLawyersBriefAfterARefusalWithAnOqtfSpeaksOfItsShortAppealTime() {
    CaseEvents events = noApiSinceExpiry().decision(LocalDate.of(2026, 11, 10), Decision.REFUSED_WITH_OQTF);
    Letter letter = writer.write(LetterKind.LAWYER_BRIEF, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.text()).contains("obligation de quitter le territoire français (OQTF), décision du 10 novembre 2026",
        "Vigie retient le 10 décembre 2026 en supposant un délai de départ volontaire accordé",
        "en rétention de 48 heures (L.921-2), à vérifier sur la notification", "Le recours suspend l'éloignement")
        .doesNotContain("référé mesures utiles", "implicitement rejetée");
    assertThat(letter.subject()).startsWith("Éléments pour un recours — Aminata Koné");

    CaseEvents refused = noApiSinceExpiry().decision(LocalDate.of(2026, 11, 10), Decision.REFUSED);
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(refused, "Aminata Koné", "7512345670", List.of())).text())
        .contains("dans les deux mois de sa notification (CJA R.421-1) : Vigie retient le 10 janvier 2027")
        .doesNotContain("OQTF");

    CaseEvents stated = noApiSinceExpiry().refusal(LocalDate.of(2026, 11, 25), Decision.REFUSED_WITH_OQTF,
        LocalDate.of(2026, 12, 2));
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(stated, "Aminata Koné", "7512345670", List.of())).text())
        .contains("à compter de sa notification : jusqu'au 2 décembre 2026 selon la décision.")
        .doesNotContain("Vigie retient");

    CaseEvents withoutDeparture = noApiSinceExpiry().add(LocalDate.of(2026, 11, 25), DecisionReceived.newBuilder()
        .setDecision(Decision.REFUSED_WITH_OQTF).setOqtfTerms(OqtfTerms.NO_DEPARTURE_PERIOD).build());
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(withoutDeparture, "Aminata Koné", "7512345670",
        List.of())).text()).as("the time the rules count from the OQTF's terms")
        .contains("Vigie retient le 2 décembre 2026 (sans délai de départ volontaire : sept jours, CESEDA L.921-1), à "
            + "vérifier sur la notification.");

    CaseEvents appealed = noApiSinceExpiry().decision(LocalDate.of(2026, 11, 10), Decision.REFUSED_WITH_OQTF)
        .add(LocalDate.of(2026, 11, 20), SituationUpdated.newBuilder().setAppeal(AppealKind.SUSPENSION_REFERRAL).build());
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(appealed, "Aminata Koné", "7512345670", List.of())).text())
        .contains("Recours déposé le 20 novembre 2026 : référé-suspension.").doesNotContain("a pris fin");
    assertThat(letter.text()).as("a time still running").doesNotContain("a pris fin");
  }

  @Test
  void theLawyersBriefSaysWhenTheTimeToContestEndedAsRecorded() {
    CaseEvents over = noApiSinceExpiry().add(LocalDate.of(2026, 11, 16), DecisionReceived.newBuilder()
        .setDecision(Decision.REFUSED_WITH_OQTF).setOqtfTerms(OqtfTerms.NO_DEPARTURE_PERIOD).build());
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(over, "Aminata Koné", "7512345670", List.of())).text())
        .contains("Vigie retient le 23 novembre 2026 (sans délai de départ volontaire : sept jours, CESEDA L.921-1)",
            "D'après la date enregistrée, ce délai a pris fin le 23 novembre 2026 : vérifier sur la notification le jour"
                + " où elle a été reçue et si elle mentionnait les voies et délais de recours ; à défaut, il n'est pas"
                + " opposable (CJA R.421-5), le recours restant enfermé dans un délai raisonnable, en principe d'un an (CE,"
                + " 13 juillet 2016, n°387763).");
    CaseEvents refused = noApiSinceExpiry().decision(LocalDate.of(2026, 9, 10), Decision.REFUSED);
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(refused, "Aminata Koné", "7512345670", List.of())).text())
        .contains("Vigie retient le 10 novembre 2026", "ce délai a pris fin le 10 novembre 2026");
  }

  @Test
  void theLawyersBriefTellsTheTimeAnAppealToThePrefectureInterrupted() {
    SituationUpdated gracieux = SituationUpdated.newBuilder().setAppeal(AppealKind.ADMINISTRATIVE_APPEAL).build();
    CaseEvents refused = noApiSinceExpiry().decision(LocalDate.of(2026, 11, 10), Decision.REFUSED)
        .add(LocalDate.of(2026, 11, 20), gracieux);
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(refused, "Aminata Koné", "7512345670", List.of())).text())
        .contains("Refus de titre de séjour, décision du 10 novembre 2026.",
            "Recours gracieux ou hiérarchique déposé le 20 novembre 2026, dans le délai de recours contentieux, qu'il a "
                + "interrompu (CRPA L.411-2) : sans réponse, il est rejeté implicitement le 20 janvier 2027",
            "reste possible jusqu'au 20 mars 2027")
        .doesNotContain("Vigie retient le 10 janvier 2027");

    CaseEvents oqtf = noApiSinceExpiry().decision(LocalDate.of(2026, 11, 10), Decision.REFUSED_WITH_OQTF)
        .add(LocalDate.of(2026, 11, 20), gracieux);
    assertThat(writer.write(LetterKind.LAWYER_BRIEF, letterCase(oqtf, "Aminata Koné", "7512345670", List.of())).text())
        .as("an OQTF's time is not interrupted").contains("Vigie retient le 10 décembre 2026", "un recours gracieux ne "
            + "prolonge pas ce délai").doesNotContain("CRPA L.411-2");
  }

  @Test
  void withoutAnIdentityTheDraftLeavesBlanksToFillIn() {
    Letter letter = writer.write(LetterKind.DEFENSEUR_DES_DROITS, letterCase(noApiSinceExpiry(), null, null, List.of()));
    assertThat(letter.toComplete()).contains(Situation.NAME_PLACEHOLDER, Situation.NUMBER_PLACEHOLDER,
        "[accord ou mandat signé de la personne]");
    assertThat(letter.text()).contains("accompagne [Nom et prénom de la personne], numéro étranger [numéro étranger à 10 chiffres]",
        "3 juin 2022, n°452798", "Nous vous demandons d'intervenir auprès de la préfecture (département 93)",
        "– le 20 octobre 2026, par téléphone : réponse automatique");
  }

  @Test
  void theBenefitsOfficeIsAskedToKeepTheBenefitsWithTheApiInSupport() {
    CaseEvents events = noApiSinceExpiry().api(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 2, 1));
    Letter letter = writer.write(LetterKind.BENEFITS_OFFICE, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.subject()).startsWith("Aminata Koné : maintien des prestations");
    assertThat(letter.text()).contains("attestation de prolongation d'instruction (API), valable jusqu'au 1er février 2027,"
        + " jointe à ce courrier", "maintenir ses prestations pendant l'examen de sa demande")
        .doesNotContain("7512345670");
    assertThat(letter.toComplete()).contains("[numéro d'allocataire ou identifiant]", "[CAF ou agence France Travail, et son adresse]");
    assertThat(writer.write(LetterKind.BENEFITS_OFFICE, letterCase(noApiSinceExpiry(), "Aminata Koné", null, List.of())).text())
        .contains("ne lui est pas imputable").doesNotContain("jointe à ce courrier");
    assertThat(LetterKind.suggestedFor(RuleId.BENEFITS_AT_RISK)).contains(LetterKind.BENEFITS_OFFICE);
  }

  @Test
  void aBankOrALandlordIsToldTheApiShowsTheStayRemainsLawful() {
    CaseEvents events = noApiSinceExpiry().api(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 2, 1));
    Letter letter = writer.write(LetterKind.THIRD_PARTY, letterCase(events, "Aminata Koné", "7512345670", List.of()));
    assertThat(letter.subject()).startsWith("Aminata Koné : séjour régulier pendant l'examen");
    assertThat(letter.text()).contains("valable jusqu'au 1er février 2027, jointe à ce courrier",
        "son séjour reste régulier pendant l'examen de sa demande (CESEDA, article R.431-15-1)",
        "au seul motif de l'échéance de son ancien titre");
    assertThat(letter.toComplete()).contains("[Banque, bailleur ou organisme, et son adresse]");
    assertThat(writer.write(LetterKind.THIRD_PARTY, letterCase(noApiSinceExpiry(), "Aminata Koné", null, List.of())).text())
        .contains("ne lui est pas imputable").doesNotContain("jointe à ce courrier");
    assertThat(LetterKind.parse("third-party")).contains(LetterKind.THIRD_PARTY);
  }

  @Test
  void theOpenAlertsSuggestTheDraftsThatServeTheirNextSteps() {
    assertThat(LetterKind.EMPLOYER.suggestedBy(List.of(RuleId.EMPLOYMENT_AT_RISK, RuleId.API_EXPIRED)))
        .containsExactly(RuleId.EMPLOYMENT_AT_RISK);
    assertThat(LetterKind.EMPLOYER.suggestedBy(List.of(RuleId.RENEWAL_WINDOW_OPEN))).isEmpty();
    assertThat(LetterKind.parse("defenseur-des-droits")).contains(LetterKind.DEFENSEUR_DES_DROITS);
    assertThat(LetterKind.parse("DEFENSEUR_DES_DROITS")).isEmpty();
  }

  @Test
  void theDraftRendersAsAFrenchPdf() throws Exception {
    Letter letter = writer.write(LetterKind.DEFENSEUR_DES_DROITS, letterCase(noApiSinceExpiry(), "Aminata Koné", "7512345670",
        List.of()));
    try (PDDocument document = Loader.loadPDF(LetterPdf.toPdf(letter, "Permanence de Bobigny"))) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 60);
      int dark = 0;
      for (int x = 0; x < page.getWidth(); x++) {
        for (int y = 0; y < page.getHeight(); y++) {
          dark += (page.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
        }
      }
      assertThat(dark).isGreaterThan(2_000);
      String text = new PDFTextStripper().getText(document).replace('\n', ' ').replaceAll(" +", " ");
      assertThat(text).contains("Brouillon préparé par Vigie", "Permanence de Bobigny", "Le 27 novembre 2026",
          "Objet : Réclamation — démarche de titre de séjour bloquée sur l'ANEF (Aminata Koné)", "salarié·e",
          "(3 juin 2022, n°452798)", "Défenseur des droits");
    }
  }
}
