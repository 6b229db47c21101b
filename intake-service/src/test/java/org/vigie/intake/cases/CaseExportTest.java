package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;
import org.vigie.schemas.wording.CaseReference;

/**
 * The association's cases as a spreadsheet for its coordinators: the people's identities in clear,
 * the codes in words, the open alerts summed up per case; in English on request; never another
 * association's, never for a volunteer or the administrator.
 */
class CaseExportTest {
  private static final Api API = TestIntake.api();
  private static TestIntake.Association association;
  private static String path;
  private static String followed;
  private static String closed;
  private static String erased;

  @BeforeAll
  static void threeCases() throws Exception {
    association = TestIntake.newAssociation(API);
    String volunteer = API.post("/api/v1/associations/" + association.id() + "/volunteers", association.token(),
        "{\"displayName\":\"Karim Bénévole\",\"email\":\"k" + UUID.randomUUID() + "@example.org\",\"role\":\"VOLUNTEER\"}")
        .text("volunteerId");
    path = CaseExportRoutes.PATH.replace("{associationId}", association.id());
    followed = open("""
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "openedOn":"2026-09-14","assignedVolunteerId":"%s",
         "person":{"displayName":"Aïcha Benali","foreignerNumber":"7501234567","phone":"+33 6 11 22 33 44"}}"""
        .formatted(volunteer));
    closed = open("""
        {"permit":{"kind":"OTHER","expiresOn":"2027-03-01"},"procedure":"FIRST_REQUEST","department":"2A",
         "person":{"displayName":"Ivan Petrov"}}""");
    assertThat(API.post("/api/v1/cases/" + closed + "/events", association.token(),
        "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}").status()).isEqualTo(202);
    erased = open("""
        {"permit":{"kind":"VLS_TS","expiresOn":"2027-01-10"},"procedure":"CHANGE_OF_STATUS","department":"75",
         "person":{"displayName":"Effacée Bientôt"}}""");
    assertThat(API.delete("/api/v1/cases/" + erased + "/identity", association.token()).status()).isIn(200, 202, 204);
    alert(followed, Severity.WARNING, LocalDate.of(2026, 12, 1), AlertStatus.RAISED);
    alert(followed, Severity.CRITICAL, LocalDate.of(2026, 12, 5), AlertStatus.RAISED);
    alert(closed, Severity.CRITICAL, LocalDate.of(2026, 11, 1), AlertStatus.RESOLVED);
    await().atMost(Duration.ofSeconds(60)).until(() ->
        API.get("/api/v1/alerts?status=all", association.token()).json().get("total").asInt() == 3);
    assertThat(API.put("/api/v1/cases/" + followed + "/follow-up", association.token(),
        "{\"dueOn\":\"" + NEXT_STEP + "\",\"kind\":\"CALL_BACK\"}").status()).isEqualTo(200);
  }

  private static final LocalDate NEXT_STEP = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(5);

  @Test
  void theCoordinatorGetsEveryCaseAsAFrenchSpreadsheet() {
    Api.Response r = API.get(path, association.token());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("dossiers.csv");
    assertThat(r.body()).startsWith("\uFEFF");
    List<String> lines = r.body().substring(1).lines().toList();
    assertThat(lines.get(0)).isEqualTo("Référence;Nom;Numéro étranger;Téléphone;Titre;Expire le;Démarche;Département;"
        + "Suivi par;État;Ouvert le;Dernière activité;Alertes ouvertes;Gravité la plus haute;Échéance la plus proche;"
        + "Prochaine étape;Étape");
    assertThat(lines).hasSize(4);
    assertThat(line(lines, followed)).startsWith(CaseReference.of(followed) + ";Aïcha Benali;7501234567;+33 6 11 22 33 44;"
        + "carte de séjour temporaire;01/12/2026;renouvellement;93;Karim Bénévole;ouvert;14/09/2026;")
        .endsWith(";2;critique;01/12/2026;" + java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu").format(NEXT_STEP)
            + ";rappeler la personne");
    assertThat(line(lines, closed)).startsWith(CaseReference.of(closed) + ";Ivan Petrov;;;autre titre;01/03/2027;première demande;2A;;clos;")
        .endsWith(";0;;;;");
    assertThat(line(lines, erased)).startsWith(CaseReference.of(erased) + ";;;;VLS-TS;10/01/2027;changement de statut;75;;"
        + "ouvert, identité effacée;");
  }

  @Test
  void inEnglishOnRequestAndOnlyTheOpenCasesWhenAsked() {
    Api.Response r = API.send("GET", path + "?status=open", association.token(), null, Map.of("Accept-Language", "en"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("cases.csv");
    List<String> lines = r.body().substring(1).lines().toList();
    assertThat(lines.get(0)).startsWith("Reference,Name,Foreigner number,Phone,Permit,Expires on,");
    assertThat(lines).hasSize(3);
    assertThat(line(lines, followed)).contains(",2026-12-01,renewal,93,Karim Bénévole,open,2026-09-14,").endsWith(",2,critical,2026-12-01," + NEXT_STEP + ",call the person back");
    assertThat(r.body()).doesNotContain(CaseReference.of(closed));
    Api.Response bad = API.get(path + "?status=archived", association.token());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("field").asText()).isEqualTo("status");
  }

  @Test
  void aNameASpreadsheetWouldReadAsAFormulaIsExportedAsText() {
    TestIntake.Association other = TestIntake.newAssociation(API);
    String volunteer = API.post("/api/v1/associations/" + other.id() + "/volunteers", other.token(),
        "{\"displayName\":\"@Camille\",\"email\":\"c" + UUID.randomUUID() + "@example.org\",\"role\":\"VOLUNTEER\"}")
        .text("volunteerId");
    Api.Response opened = API.post("/api/v1/cases", other.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2026-12-01"},"procedure":"RENEWAL","department":"93",
         "assignedVolunteerId":"%s",
         "person":{"displayName":"=HYPERLINK(\\"http://example.org\\")","phone":"+33 6 11 22 33 44"}}"""
        .formatted(volunteer));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

    String body = API.get(CaseExportRoutes.PATH.replace("{associationId}", other.id()), other.token()).body();
    assertThat(line(body.substring(1).lines().toList(), opened.text("caseId")))
        .contains(";\"'=HYPERLINK(\"\"http://example.org\"\")\";;+33 6 11 22 33 44;")
        .contains(";'@Camille;");
  }

  @Test
  void onlyTheAssociationsCoordinatorsMayExportItsCases() {
    TestIntake.Association other = TestIntake.newAssociation(API);
    assertThat(API.get(path, other.token()).status()).isEqualTo(404);
    String volunteer = TestIntake.tokenFor(API, association, TestIntake.newVolunteer(API, association, "VOLUNTEER"));
    assertThat(API.get(path, volunteer).status()).isEqualTo(403);
    assertThat(API.get(path, TestIntake.ADMIN_TOKEN).status()).isEqualTo(403);
  }

  private static String line(List<String> lines, String caseId) {
    return lines.stream().filter(l -> l.startsWith(CaseReference.of(caseId))).findFirst().orElseThrow();
  }

  private static String open(String body) {
    Api.Response r = API.post("/api/v1/cases", association.token(), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("caseId");
  }

  private static void alert(String caseId, Severity severity, LocalDate deadline, AlertStatus status) throws Exception {
    Instant at = Instant.parse("2026-11-02T08:00:00Z");
    CaseAlert alert = CaseAlert.newBuilder().setAlertId("export-" + UUID.randomUUID()).setCaseId(caseId)
        .setAssociationId(association.id()).setRule(RuleId.PERMIT_EXPIRED_WITHOUT_API).setSeverity(severity).setStatus(status)
        .setEpisodeStart(LocalDate.of(2026, 11, 2)).setRaisedAt(at).setEmittedAt(at).setDeadline(deadline)
        .setReference("CESEDA").setTextVersionDate(LocalDate.of(2026, 1, 1)).setRuleVersion("1")
        .setMessage(new AlertMessage("Alerte", "Alert")).build();
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-case-export"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, alert)).get();
    }
  }
}
