package org.vigie.intake.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.topics.Topics;

class CsvImportTest {
  private final Api api = TestIntake.api();

  private Api.Response importCsv(String token, String csv) {
    return api.send("POST", "/api/v1/imports", token, csv, Map.of("Content-Type", "text/csv"));
  }

  @Test
  void aSpreadsheetIsImportedWithAReportPerLineAndOnlyOnce() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    String email = api.get("/api/v1/associations/" + a.id() + "/volunteers", a.token()).json().at("/volunteers/0/email").asText();
    String csv = """
        Référence;Nom;Numéro étranger;Téléphone;Type titre;Date d'expiration;Démarche;Département;Bénévole;Salarié;Allocations;Date dépôt;API délivrée le;API valide jusqu'au;Blocage
        D-1;Awa Diallo;0123456789;06 12 34 56 78;carte temporaire;01/12/2026;renouvellement;93;%s;oui;non;15/09/2026;20/09/2026;20/12/2026;
        D-2;Ion Popescu;;;carte pluriannuelle;31/02/2026;renouvellement;93;;non;non;;;;
        D-3;;;;;;première demande;2A;;non;oui;;;;ACCOUNT_CREATION_FAILED
        D-4;Sans titre;;;carte temporaire;01/12/2026;renouvellement;99;;;;;;;
        D-5;API trop longue;;;carte temporaire;01/12/2026;renouvellement;75;;;;;01/09/2026;01/01/2027;
        """.formatted(email);
    Api.Response first = importCsv(a.token(), csv);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonNode report = first.json();
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("rejected").asInt()).isEqualTo(3);
    assertThat(report.get("events").asInt()).isEqualTo(5);
    assertThat(report.at("/report/0/line").asInt()).isEqualTo(2);
    assertThat(report.at("/report/0/status").asText()).isEqualTo("ACCEPTED");
    assertThat(report.at("/report/1/column").asText()).isEqualTo("date_expiration");
    assertThat(report.at("/report/2/status").asText()).isEqualTo("ACCEPTED");
    assertThat(report.at("/report/3/column").asText()).isEqualTo("departement");
    assertThat(report.at("/report/3/error").asText()).startsWith("Le champ 'departement' doit être un code de département");
    // the same in both languages, for a page that switches language after the import
    assertThat(report.at("/report/3/message/fr").asText()).isEqualTo(report.at("/report/3/error").asText());
    assertThat(report.at("/report/3/message/en").asText()).contains("'departement' must be a French department code");
    assertThat(report.at("/report/0/message").isMissingNode()).as("an accepted line says nothing").isTrue();
    assertThat(first.headers().firstValue("Content-Language")).contains("fr");
    assertThat(report.at("/report/4/column").asText()).isEqualTo("api_valide_jusqu_au");

    String caseId = report.at("/report/0/caseId").asText();
    JsonNode c = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(c.at("/person/displayName").asText()).isEqualTo("Awa Diallo");
    assertThat(c.get("assignedVolunteerId").asText()).isEqualTo(volunteer);
    assertThat(c.at("/permit/expiresOn").asText()).isEqualTo("2026-12-01");
    assertThat(c.get("timeline")).hasSize(3);
    var events = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId));
    assertThat(events).extracting(r -> r.value().getSource()).containsOnly(EventSource.CSV_IMPORT);
    CaseEvent api1 = events.stream().map(r -> r.value()).filter(v -> v.getPayload() instanceof ApiIssued).findFirst().orElseThrow();
    assertThat(api1.getOccurredOn()).hasToString("2026-09-20");

    Api.Response second = api.send("POST", "/api/v1/imports", a.token(), csv,
        Map.of("Content-Type", "text/csv", "Accept-Language", "en"));
    assertThat(second.json().at("/report/3/error").asText()).startsWith("Field 'departement' must be a French department code");
    assertThat(second.json().at("/report/1/error").asText()).contains("date_expiration");
    assertThat(second.json().get("accepted").asInt()).isZero();
    assertThat(second.json().get("duplicates").asInt()).isEqualTo(2);
    assertThat(second.json().at("/report/0/caseId").asText()).isEqualTo(caseId);
    assertThat(api.get("/api/v1/cases?status=all", a.token()).json().get("total").asInt()).isEqualTo(2);
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.value().getAssociationId().equals(a.id()))).hasSize(5);
  }

  @Test
  void commaSeparatedFilesAndUnknownColumns() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    Api.Response ok = importCsv(a.token(), "demarche,departement,type_titre,date_expiration\nrenouvellement,13,VLS-TS,01/03/2027\n");
    assertThat(ok.json().get("accepted").asInt()).as(ok.toString()).isEqualTo(1);
    Api.Response unknown = importCsv(a.token(), "demarche;departement;couleur\nrenouvellement;13;bleu\n");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("couleur");
    // the columns it could be, named in the message: a volunteer importing from the page has no README at hand
    assertThat(unknown.json().get("detail").asText())
        .startsWith("Colonne 'couleur' inconnue ; les colonnes reconnues sont : reference, nom, numero_etranger,")
        .contains("blocage").endsWith("prochain_rdv");
    Api.Response missing = importCsv(a.token(), "nom;departement\nX;13\n");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("demarche");
  }

  @Test
  void aFileThatIsNotASheetIsSaidToBeOne() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    for (String notASheet : new String[] {"%PDF-1.4 garbage\n%\u00e2\u00e3\n1 0 obj\n", "GIF89a\u0001\u0000\u0001\u0000\u0080\u0000"}) {
      Api.Response r = importCsv(a.token(), notASheet);
      assertThat(r.status()).as(r.toString()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("body");
      assertThat(r.json().get("detail").asText())
          .isEqualTo("Ce fichier n'est pas un tableau : importez un classeur Excel (.xlsx) ou un fichier CSV");
    }
  }

  @Test
  void excelsUnicodeTextIsReadTabsAndUtf16() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String tsv = "\uFEFFréférence\tdémarche\tdépartement\ttype_titre\tdate_expiration\tnom\r\n"
        + "U-1\trenouvellement\t93\tcarte temporaire\t01/03/2027\tÉlodie Ngô\r\n";
    Api.Response r = api.sendBytes("POST", "/api/v1/imports", a.token(), tsv.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
        Map.of("Content-Type", "text/csv"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("accepted").asInt()).as(r.toString()).isEqualTo(1);
    String caseId = r.json().at("/report/0/caseId").asText();
    assertThat(api.get("/api/v1/cases/" + caseId, a.token()).json().at("/person/displayName").asText()).isEqualTo("Élodie Ngô");
  }

  @Test
  void aBlockageIsWrittenInThePagesWords() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    JsonNode report = importCsv(a.token(), """
        reference;demarche;departement;type_titre;date_expiration;blocage
        B-1;renouvellement;93;carte temporaire;01/12/2026;Compte bloqué
        B-2;renouvellement;93;carte temporaire;01/12/2026;création de compte impossible
        B-3;renouvellement;93;carte temporaire;01/12/2026;NO_NEWS_IN_INSTRUCTION
        B-4;renouvellement;93;carte temporaire;01/12/2026;ça bloque
        """).json();
    assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(3);
    java.util.List<String> kinds = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String caseId = report.at("/report/" + i + "/caseId").asText();
      api.get("/api/v1/cases/" + caseId, a.token()).json().get("timeline").forEach(e -> {
        if (e.get("type").asText().equals("BLOCKAGE_REPORTED")) {
          kinds.add(e.get("blockage").asText());
        }
      });
    }
    assertThat(kinds).containsExactly("ACCOUNT_LOCKED", "ACCOUNT_CREATION_FAILED", "NO_NEWS_IN_INSTRUCTION");
    assertThat(report.at("/report/3/column").asText()).isEqualTo("blocage");
    assertThat(report.at("/report/3/error").asText())
        .startsWith("La colonne 'blocage' doit valoir : création de compte impossible (numéro étranger non reconnu), compte bloqué,")
        .doesNotContain("ACCOUNT_LOCKED");
  }

  @Test
  void twoColumnsForOneFieldAreRefusedRatherThanOneTakenAtRandom() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    Api.Response same = importCsv(a.token(), "demarche;departement;demarche\nrenouvellement;93;première demande\n");
    assertThat(same.status()).as(same.toString()).isEqualTo(400);
    assertThat(same.json().get("field").asText()).isEqualTo("demarche");
    assertThat(same.json().get("detail").asText())
        .isEqualTo("Les colonnes 'demarche' et 'demarche' désignent la même donnée (demarche) : n'en garder qu'une");
    Api.Response aliases = importCsv(a.token(), "titre;type de titre;demarche;departement\nVLS-TS;APS;renouvellement;93\n");
    assertThat(aliases.status()).isEqualTo(400);
    assertThat(aliases.json().get("field").asText()).isEqualTo("type de titre");
  }

  @Test
  void aLinesErrorSpeaksOfTheSheetItsDatesAndItsWords() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    JsonNode report = importCsv(a.token(), """
        reference;demarche;departement;type_titre;date_expiration;decision;date_decision
        W-1;renouvellement;93;carte temporaire;;;
        W-2;renouvèlement;93;carte temporaire;01/12/2026;;
        W-3;renouvellement;93;carte bleue;01/12/2026;;
        W-4;renouvellement;93;carte temporaire;01/12/2026;favorable;
        W-5;renouvellement;93;carte temporaire;01/12/2026;peut-être;04/05/2026
        """).json();
    assertThat(report.get("rejected").asInt()).as(report.toString()).isEqualTo(5);
    assertThat(report.at("/report/0/column").asText()).isEqualTo("date_expiration");
    assertThat(report.at("/report/0/error").asText()).contains("jj/mm/aaaa").doesNotContain("AAAA-MM-JJ");
    assertThat(report.at("/report/1/column").asText()).isEqualTo("demarche");
    assertThat(report.at("/report/1/error").asText()).isEqualTo("La colonne 'demarche' doit valoir : renouvellement, "
        + "première demande, changement de statut (ou le code de l'API)");
    assertThat(report.at("/report/2/column").asText()).isEqualTo("type_titre");
    assertThat(report.at("/report/2/error").asText()).startsWith("La colonne 'type_titre' doit valoir : carte temporaire,");
    assertThat(report.at("/report/3/column").asText()).as("a decision without its day").isEqualTo("date_decision");
    assertThat(report.at("/report/4/column").asText()).isEqualTo("decision");
    assertThat(report.at("/report/4/error").asText()).startsWith("La colonne 'decision' doit valoir : accordé, refus");
  }

  @Test
  void aLineRepeatedInTheSameFileIsADuplicate() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    Api.Response r = importCsv(a.token(), "reference;demarche;departement;type_titre;date_expiration\n"
        + "X-1;renouvellement;93;carte temporaire;01/12/2026\nX-1;renouvellement;93;carte temporaire;01/12/2026\n");
    assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(r.json().get("duplicates").asInt()).isEqualTo(1);
    assertThat(r.json().at("/report/1/caseId").asText()).isEqualTo(r.json().at("/report/0/caseId").asText());
  }

  @Test
  void aNextAppointmentToComeIsPlannedOnePastIsLeftAndOneTooFarIsRefused() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");
    String csv = """
        Référence;Démarche;Département;Prochain RDV
        N-1;première demande;93;%s
        N-2;première demande;93;%s
        N-3;première demande;93;%s
        """.formatted(french.format(today.plusDays(9)), french.format(today.minusDays(9)), french.format(today.plusYears(3)));
    JsonNode report = importCsv(a.token(), csv).json();
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    assertThat(report.at("/report/2/column").asText()).isEqualTo("prochain_rdv");

    String planned = report.at("/report/0/caseId").asText();
    JsonNode followUp = api.get("/api/v1/cases/" + planned + "/follow-up", a.token()).json().get("followUp");
    assertThat(followUp.get("dueOn").asText()).isEqualTo(today.plusDays(9).toString());
    assertThat(followUp.get("kind").asText()).isEqualTo("APPOINTMENT");
    assertThat(api.get("/api/v1/cases/" + report.at("/report/1/caseId").asText() + "/follow-up", a.token()).json()
        .get("followUp").isNull()).as("a past appointment is the sheet's history").isTrue();
  }

  @Test
  void thePrefecturesDecisionIsRecordedWithItsDate() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String csv = """
        Référence;Démarche;Département;Date d'expiration;Date dépôt;Décision;Date décision;Recours jusqu'au
        R-1;renouvellement;93;01/06/2026;10/03/2026;Refus avec OQTF;04/05/2026;11/05/2026
        R-2;renouvellement;93;01/06/2026;10/03/2026;accordé;04/05/2026;
        R-3;renouvellement;93;01/06/2026;10/03/2026;refus;;
        R-4;renouvellement;93;01/06/2026;10/03/2026;peut-être;04/05/2026;
        R-5;renouvellement;93;01/06/2026;10/03/2026;;04/05/2026;
        R-6;renouvellement;93;01/06/2026;10/03/2026;refus;04/05/2099;
        R-7;renouvellement;93;01/06/2026;10/03/2026;accordé;04/05/2026;11/05/2026
        """;
    JsonNode report = importCsv(a.token(), csv).json();
    assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(2);
    assertThat(report.get("events").asInt()).as("each case opened, filed and decided").isEqualTo(6);
    assertThat(report.at("/report/2/column").asText()).isEqualTo("date_decision");
    assertThat(report.at("/report/2/error").asText()).isEqualTo("La colonne 'date_decision' est obligatoire avec 'decision'");
    assertThat(report.at("/report/3/column").asText()).isEqualTo("decision");
    assertThat(report.at("/report/4/column").asText()).isEqualTo("decision");
    assertThat(report.at("/report/5/column").asText()).isEqualTo("date_decision");
    assertThat(report.at("/report/6/column").asText()).as("a deadline to appeal a grant").isEqualTo("recours_jusqu_au");

    String refused = report.at("/report/0/caseId").asText();
    var decisions = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(refused)).stream().map(r -> r.value())
        .filter(e -> e.getPayload() instanceof org.vigie.schemas.DecisionReceived).toList();
    assertThat(decisions).singleElement().satisfies(e -> {
      assertThat(e.getOccurredOn()).hasToString("2026-05-04");
      assertThat(((org.vigie.schemas.DecisionReceived) e.getPayload()).getDecision())
          .isEqualTo(org.vigie.schemas.Decision.REFUSED_WITH_OQTF);
      assertThat(((org.vigie.schemas.DecisionReceived) e.getPayload()).getAppealDeadline()).hasToString("2026-05-11");
    });
  }

  @Test
  void anOqtfsTermsAreReadInWordsAndOnlyWithAnOqtf() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String csv = """
        Référence;Démarche;Département;Date d'expiration;Décision;Date décision;Conditions OQTF
        Q-1;renouvellement;93;01/06/2026;refus avec OQTF;04/05/2026;Sans délai de départ
        Q-2;renouvellement;93;01/06/2026;OQTF;04/05/2026;centre de rétention
        Q-3;renouvellement;93;01/06/2026;refus;04/05/2026;assignation à résidence
        Q-4;renouvellement;93;01/06/2026;refus avec OQTF;04/05/2026;trois semaines
        Q-5;renouvellement;93;01/06/2026;;;détenu
        """;
    JsonNode report = importCsv(a.token(), csv).json();
    assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(2);
    assertThat(report.at("/report/2/column").asText()).as("terms with a refusal without an OQTF").isEqualTo("conditions_oqtf");
    assertThat(report.at("/report/3/column").asText()).isEqualTo("conditions_oqtf");
    assertThat(report.at("/report/4/column").asText()).isEqualTo("decision");
    assertThat(report.at("/report/4/error").asText()).isEqualTo("La colonne 'decision' est obligatoire avec 'conditions_oqtf'");

    for (int line = 0; line < 2; line++) {
      String caseId = report.at("/report/" + line + "/caseId").asText();
      org.vigie.schemas.OqtfTerms expected = line == 0 ? org.vigie.schemas.OqtfTerms.NO_DEPARTURE_PERIOD
          : org.vigie.schemas.OqtfTerms.RETENTION_CENTRE;
      assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId)).stream().map(r -> r.value())
          .filter(e -> e.getPayload() instanceof org.vigie.schemas.DecisionReceived)).singleElement()
          .satisfies(e -> assertThat(((org.vigie.schemas.DecisionReceived) e.getPayload()).getOqtfTerms()).isEqualTo(expected));
    }
  }

  @Test
  void anAppealFiledIsRecordedWithItsDayAndItsKindInWords() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String csv = """
        Référence;Démarche;Département;Date d'expiration;Décision;Date décision;Recours;Recours déposé le
        P-1;renouvellement;93;01/06/2026;refus avec OQTF;04/05/2026;Référé-suspension;12/05/2026
        P-2;renouvellement;93;01/06/2026;refus;04/05/2026;recours gracieux;
        P-3;renouvellement;93;01/06/2026;refus;04/05/2026;cassation;12/05/2026
        """;
    JsonNode report = importCsv(a.token(), csv).json();
    assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
    assertThat(report.at("/report/1/column").asText()).isEqualTo("date_recours_depose");
    assertThat(report.at("/report/1/error").asText()).isEqualTo("La colonne 'date_recours_depose' est obligatoire avec 'recours_depose'");
    assertThat(report.at("/report/2/column").asText()).isEqualTo("recours_depose");

    String appealed = report.at("/report/0/caseId").asText();
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(appealed)).stream().map(r -> r.value())
        .filter(e -> e.getPayload() instanceof org.vigie.schemas.SituationUpdated)).singleElement().satisfies(e -> {
          assertThat(e.getOccurredOn()).hasToString("2026-05-12");
          assertThat(((org.vigie.schemas.SituationUpdated) e.getPayload()).getAppeal())
              .isEqualTo(org.vigie.schemas.AppealKind.SUSPENSION_REFERRAL);
        });
    assertThat(importCsv(a.token(), csv).json().get("events").asInt()).as("imported again: recorded once").isZero();
  }

  @Test
  void aSheetKeptUpToDateAndImportedAgainBringsItsNewFactsOnce() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String before = """
        Référence;Démarche;Département;Date d'expiration;Date dépôt;Décision;Date décision
        U-1;renouvellement;93;01/06/2026;10/03/2026;;
        U-2;renouvellement;93;01/06/2026;10/03/2026;;
        """;
    JsonNode first = importCsv(a.token(), before).json();
    assertThat(first.get("accepted").asInt()).isEqualTo(2);
    String updated = before.replace("U-1;renouvellement;93;01/06/2026;10/03/2026;;",
        "U-1;renouvellement;93;01/06/2026;10/03/2026;refus avec OQTF;04/05/2026")
        .replace("U-2;renouvellement;93;01/06/2026;10/03/2026;;", "U-2;renouvellement;93;01/06/2026;10/03/2026;accordé;04/05/2026");
    String closed = first.at("/report/1/caseId").asText();
    assertThat(api.send("POST", "/api/v1/cases/" + closed + "/events", a.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}", Map.of("Content-Type", "application/json")).status())
        .isEqualTo(202);

    JsonNode again = importCsv(a.token(), updated).json();
    assertThat(again.get("duplicates").asInt()).isEqualTo(2);
    assertThat(again.get("events").asInt()).as("the decision, not the filing recorded before").isEqualTo(1);
    assertThat(again.at("/report/0/eventsAdded").asInt()).isEqualTo(1);
    assertThat(again.at("/report/1/eventsAdded").isMissingNode()).isTrue();
    assertThat(again.at("/report/1/notice").asText()).contains("clos");
    String refused = again.at("/report/0/caseId").asText();
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(refused)).stream().map(r -> r.value())
        .filter(e -> e.getPayload() instanceof org.vigie.schemas.DecisionReceived)).hasSize(1);

    JsonNode third = importCsv(a.token(), updated).json();
    assertThat(third.get("events").asInt()).as("nothing new the third time").isZero();

    // a next appointment added to the sheet: planned, unless the page planned one since
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    java.time.format.DateTimeFormatter french = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");
    String withAppointment = updated.replace("Date décision\n", "Date décision;Prochain RDV\n")
        .replace("refus avec OQTF;04/05/2026", "refus avec OQTF;04/05/2026;" + french.format(today.plusDays(10)));
    importCsv(a.token(), withAppointment);
    assertThat(api.get("/api/v1/cases/" + refused + "/follow-up", a.token()).json().at("/followUp/dueOn").asText())
        .isEqualTo(today.plusDays(10).toString());
    api.send("PUT", "/api/v1/cases/" + refused + "/follow-up", a.token(),
        "{\"dueOn\":\"" + today.plusDays(3) + "\",\"kind\":\"CALL_BACK\"}", Map.of("Content-Type", "application/json"));
    importCsv(a.token(), withAppointment);
    assertThat(api.get("/api/v1/cases/" + refused + "/follow-up", a.token()).json().at("/followUp/dueOn").asText())
        .as("the page's plan is kept").isEqualTo(today.plusDays(3).toString());
  }

  @Test
  void aTitleAboveTheTableIsLeftOutAndTheLinesKeepTheirNumbers() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String csv = """
        Suivi des dossiers ANEF 2026;;
        ;;
        Référence;Démarche;Département
        T-1;première demande;93
        T-2;première demande;99
        """;
    JsonNode report = importCsv(a.token(), csv).json();
    assertThat(report.get("accepted").asInt()).isEqualTo(1);
    assertThat(report.at("/report/0/line").asInt()).isEqualTo(4);
    assertThat(report.at("/report/1/line").asInt()).isEqualTo(5);
    assertThat(report.at("/report/1/column").asText()).isEqualTo("departement");
  }

  @Test
  void aVolunteerIsNamedByEmailIdOrNameWhenNoOtherHasIt() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String lou = api.post("/api/v1/associations/" + a.id() + "/volunteers", a.token(),
        "{\"displayName\":\"Loïc Martin\",\"email\":\"loic-" + System.nanoTime() + "@asso.example\"}").text("volunteerId");
    TestIntake.newVolunteer(api, a, "VOLUNTEER");
    TestIntake.newVolunteer(api, a, "VOLUNTEER"); // two volunteers named "Bénévole"
    String csv = """
        Référence;Démarche;Département;Suivi par
        B-1;première demande;93;loic MARTIN
        B-2;première demande;93;Bénévole
        """;
    JsonNode report = importCsv(a.token(), csv).json();
    assertThat(report.at("/report/0/status").asText()).isEqualTo("ACCEPTED");
    assertThat(api.get("/api/v1/cases/" + report.at("/report/0/caseId").asText(), a.token()).json()
        .get("assignedVolunteerId").asText()).isEqualTo(lou);
    assertThat(report.at("/report/1/status").asText()).as("a name two volunteers share").isEqualTo("REJECTED");
    assertThat(report.at("/report/1/column").asText()).isEqualTo("benevole");
  }
}
