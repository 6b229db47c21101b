package org.vigie.intake.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.PdfDownloads;
import org.vigie.intake.support.TestIntake;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.topics.Topics;
import org.vigie.schemas.wording.LetterKind;

/**
 * A volunteer prepares the letters an alert calls for: written from the case's events as the rules read
 * them, the association's settings and the person's identity; suggested by the open alerts; journaled when
 * they name the person; for the case's association only.
 */
class LetterRoutesTest {
  private static final Api API = TestIntake.api();
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
  private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"};

  @Test
  void aDraftSaysTheCasesFactsAndAsksForWhatTheyCallFor() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    LocalDate expiry = TODAY.minusDays(60);
    LocalDate submitted = TODAY.minusDays(150);
    String caseId = API.post("/api/v1/cases", a.token(), """
        {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"%s"},"procedure":"RENEWAL","department":"93","employed":true,
         "person":{"displayName":"Aminata Koné","foreignerNumber":"7512345670"}}""".formatted(expiry)).text("caseId");
    record(caseId, a, "{\"type\":\"SUBMISSION_RECORDED\",\"occurredOn\":\"" + submitted + "\",\"procedure\":\"RENEWAL\"}");
    record(caseId, a, "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"" + TODAY.minusDays(40) + "\",\"blockage\":\"ACCOUNT_LOCKED\"}");
    record(caseId, a, "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"" + TODAY.minusDays(20)
        + "\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}");
    String path = "/api/v1/cases/" + caseId + "/letters/ccc-request";

    JsonNode ccc = await().atMost(Duration.ofSeconds(60)).until(() -> API.get(path + "?format=json", a.token()),
        r -> r.status() == 200 && r.json().path("text").asText().contains("compte bloqué")).json();
    assertThat(ccc.path("kind").asText()).isEqualTo("ccc-request");
    assertThat(ccc.path("subject").asText()).isEqualTo(
        "Demande de délivrance de l'attestation de prolongation d'instruction — numéro étranger 7512345670");
    assertThat(ccc.path("text").asText()).contains("accompagne Aminata Koné, numéro étranger 7512345670",
        "a expiré le " + french(expiry), "déposée sur l'ANEF le " + french(submitted),
        "Blocage de l'ANEF signalé le " + french(TODAY.minusDays(40)) + ", toujours pas résolu : compte bloqué.",
        "Une tentative de contact du Centre de contact citoyen (CCC), le " + french(TODAY.minusDays(20)) + ", restée sans solution.", "Aminata Koné est salarié·e.",
        "la délivrance de son attestation de prolongation d'instruction");
    assertThat(ccc.path("toComplete")).hasSize(1);

    Api.Response text = API.get(path + "?format=text", a.token());
    assertThat(text.contentType()).startsWith("text/plain");
    assertThat(text.body()).startsWith("Objet : Demande de délivrance");
    assertThat(PdfDownloads.text(path, a.token()).replace('\n', ' ')).contains("Brouillon préparé par Vigie", "Aminata Koné");

    // The association's own settings: two months of silence make the implicit rejection, not four.
    String brief = "/api/v1/cases/" + caseId + "/letters/lawyer-brief?format=json";
    assertThat(API.get(brief, a.token()).json().path("text").asText())
        .contains("Une décision implicite de rejet est née le " + french(submitted.plusMonths(4)));
    assertThat(API.put("/api/v1/associations/" + a.id() + "/settings", a.token(),
        "{\"thresholds\":{\"IMPLICIT_REJECTION.silenceMonths\":2}}").status()).isEqualTo(200);
    assertThat(API.get(brief, a.token()).json().path("text").asText())
        .contains("Une décision implicite de rejet est née le " + french(submitted.plusMonths(2)));

    assertThat(actions(API.get("/api/v1/cases/" + caseId + "/identity-accesses", a.token()))).isNotEmpty().containsOnly("LETTER");

    String volunteer = TestIntake.tokenFor(API, a, TestIntake.newVolunteer(API, a, "VOLUNTEER"));
    assertThat(API.get(path + "?format=json", volunteer).status()).isEqualTo(200);
    assertThat(API.get(path, TestIntake.newAssociation(API).token()).status()).isEqualTo(404);
    Api.Response unknown = API.get("/api/v1/cases/" + caseId + "/letters/prefecture", a.token());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    Api.Response badFormat = API.get(path + "?format=docx", a.token());
    assertThat(badFormat.status()).isEqualTo(400);
    assertThat(badFormat.json().path("field").asText()).isEqualTo("format");

    assertThat(API.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isIn(200, 202, 204);
    Api.Response erased = API.get(path, a.token());
    assertThat(erased.status()).isEqualTo(409);
  }

  @Test
  void theOpenAlertsSuggestTheLettersAndAnAnonymousCaseLeavesBlanksUnjournaled() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(API);
    String caseId = TestIntake.newCase(API, a.token());
    try (KafkaProducer<String, CaseAlert> p = new KafkaProducer<>(SharedKafka.settings().producer("test-letters"),
        Topics.CASE_ALERTS.keySerde().serializer(), Topics.CASE_ALERTS.valueSerde().serializer())) {
      Instant now = Instant.now();
      p.send(new ProducerRecord<>(Topics.CASE_ALERTS.name(), caseId, CaseAlert.newBuilder().setAlertId("letters-" + caseId)
          .setCaseId(caseId).setAssociationId(a.id()).setRule(RuleId.EMPLOYMENT_AT_RISK).setSeverity(Severity.CRITICAL)
          .setStatus(AlertStatus.RAISED).setEpisodeStart(TODAY).setRaisedAt(now).setEmittedAt(now).setDeadline(TODAY)
          .setReference("CESEDA R.431-15-2, L.433-3").setTextVersionDate(LocalDate.of(2021, 5, 1)).setRuleVersion("1")
          .setMessage(new AlertMessage("Emploi menacé", "Employment at risk")).build())).get();
    }
    String list = "/api/v1/cases/" + caseId + "/letters";
    JsonNode letters = await().atMost(Duration.ofSeconds(60)).until(() -> API.get(list, a.token()).json().path("letters"),
        l -> l.size() == LetterKind.values().length && l.get(1).path("suggested").asBoolean());
    assertThat(letters.get(1).path("kind").asText()).isEqualTo("employer");
    assertThat(letters.get(1).path("suggestedBy").get(0).asText()).isEqualTo("EMPLOYMENT_AT_RISK");
    assertThat(letters.get(1).path("title").path("en").asText()).isEqualTo("Letter to the employer");
    assertThat(letters.get(0).path("suggested").asBoolean()).isFalse();
    assertThat(letters.get(3).path("kind").asText()).isEqualTo("lawyer-brief");
    assertThat(letters.get(3).path("suggestedBy").get(0).asText()).isEqualTo("EMPLOYMENT_AT_RISK");

    JsonNode employer = await().atMost(Duration.ofSeconds(60))
        .until(() -> API.get(list + "/employer?format=json", a.token()), r -> r.status() == 200).json();
    assertThat(employer.path("toComplete").toString()).contains("[Nom et prénom de la personne]", "[Nom de l'employeur et adresse]");
    assertThat(actions(API.get("/api/v1/cases/" + caseId + "/identity-accesses", a.token()))).isEmpty();
  }

  private static void record(String caseId, TestIntake.Association a, String body) {
    Api.Response r = API.post("/api/v1/cases/" + caseId + "/events", a.token(), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
  }

  private static List<String> actions(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().path("accesses").forEach(x -> out.add(x.path("action").asText()));
    return out;
  }

  private static String french(LocalDate d) {
    return (d.getDayOfMonth() == 1 ? "1er" : String.valueOf(d.getDayOfMonth())) + " " + MONTHS[d.getMonthValue() - 1] + " "
        + d.getYear();
  }
}
