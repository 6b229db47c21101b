package org.vigie.intake.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.topics.Topics;

/**
 * Events recorded in error, replaced or withdrawn through the API, on the real broker and database: what Kafka
 * carries, how intake's case row and timeline follow, and every refusal.
 */
class EventCorrectionTest {
  private static final Map<String, String> ENGLISH = Map.of("Content-Type", "application/json", "Accept-Language", "en");
  private final Api api = TestIntake.api();
  private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));

  @Test
  void aMistypedApiValidityIsReplacedAndKafkaCarriesTheCorrection() {
    MistypedApi m = mistypedApi(20);
    TestIntake.Association a = m.association();
    String caseId = m.caseId();
    LocalDate issued = m.issued();
    String wrong = m.eventId();

    Api.Response replaced = correct(a.token(), caseId, wrong, apiIssued(issued, issued.plusMonths(3)));

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(202);
    String replacement = replaced.text("eventId");
    assertThat(replaced.json().get("correction").toString())
        .isEqualTo("{\"eventId\":\"" + wrong + "\",\"kind\":\"REPLACES\"}");
    CaseEvent published = event(caseId, replacement);
    assertThat(published.getCorrection().getEventId()).isEqualTo(wrong);
    assertThat(published.getCorrection().getKind()).isEqualTo(CorrectionKind.REPLACES);
    assertThat(published.getPayload()).isEqualTo(new ApiIssued(issued.plusMonths(3)));
    assertThat(published.getOccurredOn()).isEqualTo(issued);
    assertThat(published.getSchemaVersion()).isEqualTo(CaseCommands.CORRECTION_SCHEMA_VERSION);
    assertThat(event(caseId, wrong).getCorrection()).isNull();

    JsonNode timeline = api.get("/api/v1/cases/" + caseId, a.token()).json().get("timeline");
    assertThat(entry(timeline, wrong).get("correctedBy").toString())
        .isEqualTo("{\"eventId\":\"" + replacement + "\",\"kind\":\"REPLACES\"}");
    assertThat(entry(timeline, wrong).get("validUntil").asText()).isEqualTo(issued.plusMonths(1).toString());
    assertThat(entry(timeline, replacement).get("correction").get("eventId").asText()).isEqualTo(wrong);
    assertThat(entry(timeline, replacement).get("validUntil").asText()).isEqualTo(issued.plusMonths(3).toString());
    assertThat(entry(timeline, replacement).has("correctedBy")).isFalse();

    // only the newest version is corrected: the replacement itself can be
    Api.Response again = correct(a.token(), caseId, replacement, apiIssued(issued, issued.plusMonths(2)));
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    assertThat(event(caseId, again.text("eventId")).getCorrection().getEventId()).isEqualTo(replacement);
  }

  @Test
  void withdrawingAClosureReopensTheCaseAndPublishesACopyOfIt() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String closure = record(a, caseId, "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + today + "\"}");
    assertThat(api.get("/api/v1/cases?status=open", a.token()).body()).doesNotContain(caseId);

    Api.Response withdrawn = api.post("/api/v1/cases/" + caseId + "/events/" + closure + "/withdrawal", a.token(), null);

    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(202);
    assertThat(withdrawn.json().at("/correction/kind").asText()).isEqualTo("WITHDRAWS");
    JsonNode open = api.get("/api/v1/cases?status=open", a.token()).json().get("cases");
    assertThat(open).extracting(c -> c.get("caseId").asText()).containsExactly(caseId);
    assertThat(open.get(0).get("status").asText()).isEqualTo("OPEN");
    CaseEvent original = event(caseId, closure);
    CaseEvent copy = event(caseId, withdrawn.text("eventId"));
    assertThat(copy.getPayload()).isEqualTo(new CaseClosed()).isEqualTo(original.getPayload());
    assertThat(copy.getOccurredOn()).isEqualTo(original.getOccurredOn());
    assertThat(copy.getCorrection().getEventId()).isEqualTo(closure);
    assertThat(copy.getCorrection().getKind()).isEqualTo(CorrectionKind.WITHDRAWS);
    JsonNode timeline = api.get("/api/v1/cases/" + caseId, a.token()).json().get("timeline");
    assertThat(entry(timeline, closure).at("/correctedBy/kind").asText()).isEqualTo("WITHDRAWS");

    // reopened: events are recorded again
    assertThat(api.post("/api/v1/cases/" + caseId + "/events", a.token(),
        "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"" + today + "\"}").status()).isEqualTo(202);
  }

  @Test
  void aWithdrawnBlockageIsCopiedWithItsNoteReference() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    String blockage = record(a, caseId, "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"" + today.minusDays(3)
        + "\",\"blockage\":\"ACCOUNT_LOCKED\",\"note\":\"appelé le CCC\"}");

    Api.Response withdrawn = api.post("/api/v1/cases/" + caseId + "/events/" + blockage + "/withdrawal", a.token(), null);

    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(202);
    assertThat(event(caseId, withdrawn.text("eventId")).getPayload()).isEqualTo(event(caseId, blockage).getPayload());
    JsonNode timeline = api.get("/api/v1/cases/" + caseId, a.token()).json().get("timeline");
    assertThat(entry(timeline, withdrawn.text("eventId")).get("note").asText()).isEqualTo("appelé le CCC");
  }

  @Test
  void replacingTheOpeningCorrectsThePermitColumnsAndAssignsNobody() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    Api.Response opened = api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"assignedVolunteerId\":\"" + volunteer + "\",\"employed\""));
    String caseId = opened.text("caseId");
    LocalDate expires = today.plusMonths(5);

    Api.Response replaced = correct(a.token(), caseId, opened.text("eventId"), """
        {"type":"CASE_OPENED","occurredOn":"%s","permit":{"kind":"CARTE_PLURIANNUELLE","expiresOn":"%s"},
         "procedure":"CHANGE_OF_STATUS","department":"2a","employed":false,"receivesBenefits":true,"benefitKinds":["CAF"]}"""
        .formatted(today.minusDays(40), expires));

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(202);
    JsonNode c = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(c.at("/permit/kind").asText()).isEqualTo("CARTE_PLURIANNUELLE");
    assertThat(c.at("/permit/expiresOn").asText()).isEqualTo(expires.toString());
    assertThat(c.get("procedure").asText()).isEqualTo("CHANGE_OF_STATUS");
    assertThat(c.get("department").asText()).isEqualTo("2A");
    assertThat(c.get("openedOn").asText()).isEqualTo(today.minusDays(40).toString());
    assertThat(c.get("employed").asBoolean()).isFalse();
    assertThat(c.get("receivesBenefits").asBoolean()).isTrue();
    assertThat(c.get("benefitKinds").toString()).isEqualTo("[\"CAF\"]");
    assertThat(c.get("assignedVolunteerId").asText()).isEqualTo(volunteer);
    assertThat(api.get("/api/v1/cases?permitExpiresBefore=" + expires.plusDays(1) + "&department=2A", a.token()).body())
        .contains(caseId);
    CaseOpened payload = (CaseOpened) event(caseId, replaced.text("eventId")).getPayload();
    assertThat(payload.getPermitKind()).isEqualTo(PermitKind.CARTE_PLURIANNUELLE);
    assertThat(payload.getProcedure()).isEqualTo(Procedure.CHANGE_OF_STATUS);
    assertThat(payload.getAssignedVolunteerId()).isNull();
  }

  @Test
  void theCaseRowFollowsTheDecisionsThatStand() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    LocalDate decided = today.minusDays(5);
    String decision = record(a, caseId, "{\"type\":\"DECISION_RECEIVED\",\"occurredOn\":\"" + decided
        + "\",\"decision\":\"GRANTED\",\"newPermitExpiresOn\":\"" + decided.plusYears(1) + "\"}");
    assertThat(api.get("/api/v1/cases/" + caseId, a.token()).json().at("/permit/expiresOn").asText())
        .isEqualTo(decided.plusYears(1).toString());

    Api.Response replaced = correct(a.token(), caseId, decision, "{\"type\":\"DECISION_RECEIVED\",\"occurredOn\":\"" + decided
        + "\",\"decision\":\"GRANTED\",\"newPermitExpiresOn\":\"" + decided.plusYears(4) + "\",\"newPermitKind\":\"CARTE_PLURIANNUELLE\"}");
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(202);
    JsonNode c = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(c.at("/permit/expiresOn").asText()).isEqualTo(decided.plusYears(4).toString());
    assertThat(c.at("/permit/kind").asText()).isEqualTo("CARTE_PLURIANNUELLE");

    Api.Response withdrawn = api.post("/api/v1/cases/" + caseId + "/events/" + replaced.text("eventId") + "/withdrawal",
        a.token(), null);
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(202);
    c = api.get("/api/v1/cases/" + caseId, a.token()).json();
    assertThat(c.at("/permit/expiresOn").asText()).isEqualTo("2026-12-01");
    assertThat(c.at("/permit/kind").asText()).isEqualTo("CARTE_TEMPORAIRE");
    assertThat(c.get("lastEventOn").asText()).isEqualTo(c.get("openedOn").asText());
  }

  @Test
  void refusalsNameTheirFieldInFrenchAndInEnglish() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String volunteer = TestIntake.newVolunteer(api, a, "VOLUNTEER");
    Api.Response opened = api.post("/api/v1/cases", a.token(), TestIntake.RENEWAL_CASE);
    String token = a.token();
    String caseId = opened.text("caseId");
    String opening = opened.text("eventId");
    String refusal = record(a, caseId, "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"" + today + "\"}");
    String assignment = api.put("/api/v1/cases/" + caseId + "/assignee", a.token(), "{\"volunteerId\":\"" + volunteer + "\"}")
        .text("eventId");
    String refused = "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"" + today + "\"}";
    int published = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId)).size();

    refused(correctIn(token, caseId, UUID.randomUUID().toString(), refused), 404, null, "Événement introuvable", "event not found");
    refused(correctIn(token, caseId, "not-an-id", refused), 404, null, "Événement introuvable", "event not found");
    refused(withdrawIn(token, caseId, UUID.randomUUID().toString()), 404, null, "Événement introuvable", "event not found");
    refused(correctIn(token, caseId, refusal, "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + today + "\"}"), 422, "type",
        "Le champ 'type' doit être celui de l'événement corrigé", "Field 'type' must be the type of the event corrected");
    refused(correctIn(token, caseId, assignment, "{\"type\":\"VOLUNTEER_ASSIGNED\",\"occurredOn\":\"" + today
        + "\",\"volunteerId\":\"" + volunteer + "\"}"), 422, "type", "ne se corrige pas", "is not corrected");
    refused(correctIn(token, caseId, assignment, refused), 422, "eventId", "ne se corrige pas", "is not corrected");
    refused(withdrawIn(token, caseId, assignment), 422, "eventId", "ne se corrige pas", "is not corrected");
    refused(withdrawIn(token, caseId, opening), 422, "eventId", "L'ouverture d'un dossier ne se retire pas",
        "A case's opening is not withdrawn");
    refused(correctIn(token, caseId, refusal, "{\"type\":\"EMPLOYER_REFUSED_API\"}"), 400, "occurredOn",
        "Le champ 'occurredOn' est obligatoire", "Field 'occurredOn' is required");
    refused(correctIn(token, caseId, refusal, "{\"type\":\"EMPLOYER_REFUSED_API\",\"occurredOn\":\"" + today.plusDays(1) + "\"}"),
        422, "occurredOn", "est dans le futur", "is in the future");
    refused(correctIn(token, caseId, opening, "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + today
        + "\",\"procedure\":\"RENEWAL\",\"department\":\"93\",\"permit\":{\"kind\":\"RECEPISSE\",\"expiresOn\":\"" + today
        + "\"},\"person\":{\"displayName\":\"X\"}}"), 400, "person", "Champ 'person' inconnu", "Unknown field 'person'");
    refused(correctIn(token, caseId, opening, "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + today
        + "\",\"procedure\":\"RENEWAL\",\"department\":\"99\",\"permit\":{\"kind\":\"RECEPISSE\",\"expiresOn\":\"" + today
        + "\"}}"), 422, "department", "code de département", "French department code");
    refused(correctIn(token, caseId, opening, "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + today
        + "\",\"procedure\":\"RENEWAL\",\"department\":\"93\"}"), 400, "permit", "'permit' est obligatoire", "'permit' is required");

    String withdrawal = withdrawIn(token, caseId, refusal).apply(Map.of("Content-Type", "application/json")).text("eventId");
    refused(withdrawIn(token, caseId, refusal), 409, "eventId", "déjà été retiré", "already withdrawn");
    refused(correctIn(token, caseId, refusal, refused), 409, "eventId", "déjà été retiré", "already withdrawn");
    refused(withdrawIn(token, caseId, withdrawal), 422, "eventId", "Un retrait ne se corrige pas", "A withdrawal is not corrected");
    String replacement = correct(a.token(), caseId, opening, "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + today
        + "\",\"procedure\":\"FIRST_REQUEST\",\"department\":\"93\"}").text("eventId");
    assertThat(replacement).isNotNull();
    refused(correctIn(token, caseId, opening, "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + today
        + "\",\"procedure\":\"FIRST_REQUEST\",\"department\":\"75\"}"), 409, "eventId", "déjà été remplacé", "already replaced");
    // nothing refused was published: the withdrawal and the replacement only
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(published + 2);

    // an erased case: the answer recording an event on it gets
    assertThat(api.delete("/api/v1/cases/" + caseId + "/identity", a.token()).status()).isEqualTo(202);
    Api.Response recording = api.post("/api/v1/cases/" + caseId + "/events", a.token(), refused);
    Api.Response correcting = correct(a.token(), caseId, replacement, "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + today
        + "\",\"procedure\":\"FIRST_REQUEST\",\"department\":\"75\"}");
    assertThat(correcting.status()).isEqualTo(recording.status()).isEqualTo(422);
    assertThat(correcting.json().get("field")).isEqualTo(recording.json().get("field"));
    assertThat(correcting.json().get("detail")).isEqualTo(recording.json().get("detail"));
    assertThat(withdrawIn(token, caseId, replacement).apply(Map.of()).json().get("detail")).isEqualTo(recording.json().get("detail"));
  }

  /**
   * A case is not closed before its follow-up began: a closure dated before the opening is refused, recorded or
   * corrected, and so is an opening corrected to a day after the closure (422 naming occurredOn, the day in the way
   * said, French and English); nothing refused is published. A case followed before it was recorded has its opening
   * corrected first, then its closure goes through.
   */
  @Test
  void aClosureIsNeverDatedBeforeTheCaseOpened() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String token = a.token();
    LocalDate openedOn = today.minusDays(10);
    Api.Response opened = api.post("/api/v1/cases", token, TestIntake.RENEWAL_CASE.replace("\"employed\"",
        "\"openedOn\":\"" + openedOn + "\",\"employed\""));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    String caseId = opened.text("caseId");
    String opening = opened.text("eventId");
    String events = "/api/v1/cases/" + caseId + "/events";
    String openedOnInFrench = String.format("%02d/%02d/%d", openedOn.getDayOfMonth(), openedOn.getMonthValue(), openedOn.getYear());

    refused(headers -> api.send("POST", events, token, closure(openedOn.minusDays(1)), headers), 422, "occurredOn",
        "Le champ 'occurredOn' (la clôture) est antérieur à l'ouverture du dossier, le " + openedOnInFrench
            + " ; si le suivi a commencé plus tôt, corrigez d'abord la date d'ouverture",
        "Field 'occurredOn' (the closure) is before the case's opening, on " + openedOn
            + "; if the follow-up began earlier, correct the opening date first");
    assertThat(api.get("/api/v1/cases/" + caseId, token).text("status")).isEqualTo("OPEN");

    String closure = record(a, caseId, closure(openedOn)); // the day it opened: closed
    refused(correctIn(token, caseId, closure, closure(openedOn.minusDays(2))), 422, "occurredOn",
        "(la clôture) est antérieur à l'ouverture du dossier, le " + openedOnInFrench, "(the closure) is before the case's opening, on " + openedOn);
    refused(correctIn(token, caseId, opening, opening(openedOn.plusDays(1))), 422, "occurredOn",
        "Le champ 'occurredOn' (l'ouverture) est postérieur à la clôture du dossier, le " + openedOnInFrench
            + " ; corrigez d'abord la date de clôture",
        "Field 'occurredOn' (the opening) is after the case's closure, on " + openedOn + "; correct the closure date first");
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).as("the opening and the closure only").hasSize(2);

    // followed before it was recorded: the opening corrected to its real day, the closure can be dated before the first one
    assertThat(correct(token, caseId, opening, opening(openedOn.minusDays(20))).status()).isEqualTo(202);
    Api.Response earlier = correct(token, caseId, closure, closure(openedOn.minusDays(5)));
    assertThat(earlier.status()).as(earlier.toString()).isEqualTo(202);
    JsonNode c = api.get("/api/v1/cases/" + caseId, token).json();
    assertThat(c.get("openedOn").asText()).isEqualTo(openedOn.minusDays(20).toString());
    assertThat(c.get("status").asText()).isEqualTo("CLOSED");
  }

  private static String closure(LocalDate on) {
    return "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + on + "\"}";
  }

  /** A correction of a case's opening to {@code on}, its other fields as TestIntake.RENEWAL_CASE has them. */
  private String opening(LocalDate on) {
    return "{\"type\":\"CASE_OPENED\",\"occurredOn\":\"" + on + "\",\"procedure\":\"RENEWAL\",\"department\":\"93\","
        + "\"permit\":{\"kind\":\"CARTE_TEMPORAIRE\",\"expiresOn\":\"" + today.plusMonths(5) + "\"},\"employed\":true}";
  }

  @Test
  void anotherAssociationsEventIsNotFound() {
    TestIntake.Association a = TestIntake.newAssociation(api);
    TestIntake.Association b = TestIntake.newAssociation(api);
    String caseA = TestIntake.newCase(api, a.token());
    String eventA = record(a, caseA, "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + today + "\"}");
    String caseB = TestIntake.newCase(api, b.token());
    String closed = "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + today + "\"}";

    assertThat(correct(b.token(), caseA, eventA, closed).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/cases/" + caseA + "/events/" + eventA + "/withdrawal", b.token(), null).status()).isEqualTo(404);
    // A's event through B's own case: not found either
    Api.Response viaOwnCase = correct(b.token(), caseB, eventA, closed);
    assertThat(viaOwnCase.status()).isEqualTo(404);
    assertThat(viaOwnCase.json().get("detail").asText()).isEqualTo("Événement introuvable dans ce dossier");
    assertThat(api.post("/api/v1/cases/" + caseB + "/events/" + eventA + "/withdrawal", b.token(), null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/cases?status=closed", a.token()).body()).contains(caseA);
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseA))).hasSize(2);
  }

  @Test
  void anIdempotencyKeyGivesTheSameAnswerAndOneCorrection() {
    MistypedApi m = mistypedApi(3);
    String token = m.association().token();
    String caseId = m.caseId();
    LocalDate issued = m.issued();
    String path = "/api/v1/cases/" + caseId + "/events/" + m.eventId() + "/correction";
    String key = UUID.randomUUID().toString();
    Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", key);

    Api.Response first = api.send("POST", path, token, apiIssued(issued, issued.plusMonths(2)), headers);
    Api.Response again = api.send("POST", path, token, apiIssued(issued, issued.plusMonths(2)), headers);
    Api.Response other = api.send("POST", path, token, apiIssued(issued, issued.plusMonths(3)), headers);

    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("field").asText()).isEqualTo("Idempotency-Key");
    String withdrawalKey = UUID.randomUUID().toString();
    String withdrawal = "/api/v1/cases/" + caseId + "/events/" + first.text("eventId") + "/withdrawal";
    Api.Response w1 = api.send("POST", withdrawal, token, null, Map.of("Idempotency-Key", withdrawalKey));
    Api.Response w2 = api.send("POST", withdrawal, token, null, Map.of("Idempotency-Key", withdrawalKey));
    assertThat(w1.status()).as(w1.toString()).isEqualTo(202);
    assertThat(w2.body()).isEqualTo(w1.body());
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId))).hasSize(4);
  }

  @Test
  void concurrentCorrectionsOfOneEventLetOnlyOneThrough() {
    MistypedApi m = mistypedApi(3);
    String path = "/api/v1/cases/" + m.caseId() + "/events/" + m.eventId();

    List<Api.Response> answers = IntStream.range(0, 12)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> i % 2 == 0
            ? api.post(path + "/correction", m.association().token(), apiIssued(m.issued(), m.issued().plusDays(40 + i)))
            : api.post(path + "/withdrawal", m.association().token(), null)))
        .toList().stream().map(CompletableFuture::join).toList();

    assertThat(answers).filteredOn(r -> r.status() == 202).hasSize(1);
    assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(11);
    assertThat(TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(m.caseId()))).hasSize(3);
  }

  /** A case whose API_ISSUED, issued {@code daysAgo}, was recorded valid one month instead of three. */
  private record MistypedApi(TestIntake.Association association, String caseId, LocalDate issued, String eventId) {}

  private MistypedApi mistypedApi(int daysAgo) {
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    LocalDate issued = today.minusDays(daysAgo);
    return new MistypedApi(a, caseId, issued, record(a, caseId, apiIssued(issued, issued.plusMonths(1))));
  }

  private String record(TestIntake.Association a, String caseId, String body) {
    Api.Response r = api.post("/api/v1/cases/" + caseId + "/events", a.token(), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return r.text("eventId");
  }

  private Api.Response correct(String token, String caseId, String eventId, String body) {
    return api.post("/api/v1/cases/" + caseId + "/events/" + eventId + "/correction", token, body);
  }

  private static String apiIssued(LocalDate on, LocalDate validUntil) {
    return "{\"type\":\"API_ISSUED\",\"occurredOn\":\"" + on + "\",\"validUntil\":\"" + validUntil + "\"}";
  }

  /** A request sent with the headers given (to ask for English, say), by the case's association. */
  private interface Request {
    Api.Response apply(Map<String, String> headers);
  }

  private Request correctIn(String token, String caseId, String eventId, String body) {
    return headers -> api.send("POST", "/api/v1/cases/" + caseId + "/events/" + eventId + "/correction", token, body, headers);
  }

  private Request withdrawIn(String token, String caseId, String eventId) {
    return headers -> api.send("POST", "/api/v1/cases/" + caseId + "/events/" + eventId + "/withdrawal", token, null, headers);
  }

  private void refused(Request request, int status, String field, String french, String english) {
    Api.Response fr = request.apply(Map.of("Content-Type", "application/json"));
    Api.Response en = request.apply(ENGLISH);
    for (Api.Response r : List.of(fr, en)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(status);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().path("field").isNull() || r.json().path("field").isMissingNode() ? null : r.json().get("field").asText())
          .as(r.toString()).isEqualTo(field);
    }
    assertThat(fr.json().get("detail").asText()).as(fr.toString()).contains(french);
    assertThat(en.json().get("detail").asText()).as(en.toString()).contains(english);
  }

  private static JsonNode entry(JsonNode timeline, String eventId) {
    for (JsonNode e : timeline) {
      if (e.get("eventId").asText().equals(eventId)) {
        return e;
      }
    }
    throw new AssertionError("no event " + eventId + " in " + timeline);
  }

  private static CaseEvent event(String caseId, String eventId) {
    List<ConsumerRecord<String, CaseEvent>> found =
        TopicReader.readAll(Topics.CASE_EVENTS, r -> r.key().equals(caseId) && r.value().getEventId().equals(eventId));
    assertThat(found).as("event %s on Kafka", eventId).hasSize(1);
    return found.get(0).value();
  }
}
