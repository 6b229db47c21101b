package org.vigie.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.vigie.cli.client.IntakeClient;
import org.vigie.cli.local.LocalMailbox;
import org.vigie.notifier.channel.WebhookSigner;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * The whole pipeline through real parts: HTTP into intake, Kafka (the shared in-process broker),
 * rules-service, notifier, PostgreSQL and SMTP (GreenMail). A case whose permit expired with a
 * renewal filed and no API raises PERMIT_EXPIRED_WITHOUT_API: one email to the volunteer; an API
 * then resolves it. The case events on Kafka decode and carry no identity given at intake.
 */
class EndToEndTest {
  private static final String RULE = "PERMIT_EXPIRED_WITHOUT_API";
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  private final IntakeClient admin = IntakeClient.create(TestVigie.intakeUrl(), TestVigie.adminToken());

  @Test
  void anExpiredPermitWithoutApiAlertsTheVolunteerOnceAndAnApiResolvesIt() {
    JsonNode association = admin.createAssociation("Permanence e2e");
    IntakeClient coordinator = admin.withToken(association.get("token").asText());
    String email = "benevole-" + UUID.randomUUID().toString().substring(0, 8) + "@asso.example";
    String volunteerId = coordinator
        .createVolunteer(association.get("associationId").asText(), "Camille Bénévole", email, "VOLUNTEER")
        .get("volunteerId").asText();

    String personName = "Amina Testperson " + UUID.randomUUID().toString().substring(0, 6);
    String foreignerNumber = "75" + (10_000_000 + new SecureRandom().nextInt(89_999_999));
    String phone = "+3361234" + (1000 + new SecureRandom().nextInt(8999));
    ObjectNode opening = coordinator.object();
    opening.putObject("permit").put("kind", "CARTE_TEMPORAIRE").put("expiresOn", TODAY.minusDays(10).toString());
    opening.put("procedure", "RENEWAL").put("department", "93").put("assignedVolunteerId", volunteerId)
        .put("employed", false).put("receivesBenefits", false);
    opening.putObject("person").put("displayName", personName).put("foreignerNumber", foreignerNumber).put("phone", phone);
    String caseId = coordinator.openCase(opening).get("caseId").asText();

    ObjectNode submission = coordinator.object().put("type", "SUBMISSION_RECORDED")
        .put("occurredOn", TODAY.minusDays(80).toString()).put("procedure", "RENEWAL").put("complete", true);
    coordinator.recordEvent(caseId, submission);

    await("one email naming " + RULE).atMost(PATIENCE).until(() -> mailsNaming(email, RULE).size() >= 1);
    await("still one email naming " + RULE).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
        .until(() -> mailsNaming(email, RULE).size() == 1);
    await("the alert is shown on the case").atMost(PATIENCE)
        .until(() -> "RAISED".equals(alert(coordinator, caseId, RULE).path("status").asText()));

    ObjectNode api = coordinator.object().put("type", "API_ISSUED")
        .put("occurredOn", TODAY.toString()).put("validUntil", TODAY.plusMonths(3).toString());
    coordinator.recordEvent(caseId, api);

    await("the alert is resolved").atMost(PATIENCE)
        .until(() -> "RESOLVED".equals(alert(coordinator, caseId, RULE).path("status").asText()));

    List<ConsumerRecord<String, byte[]>> events = caseEvents(caseId, 3);
    AvroSerde<CaseEvent> serde = AvroSerde.of(CaseEvent.class);
    for (ConsumerRecord<String, byte[]> record : events) {
      CaseEvent event = serde.decode(record.value());
      assertThat(event.getCaseId()).isEqualTo(caseId);
      String raw = new String(record.value(), StandardCharsets.ISO_8859_1);
      String decoded = event.toString();
      for (String identity : List.of(personName, foreignerNumber, phone, "Amina Testperson")) {
        assertThat(raw).as("raw bytes of %s", event.getPayload().getClass().getSimpleName()).doesNotContain(identity);
        assertThat(decoded).doesNotContain(identity);
      }
    }
  }

  @Test
  void aVolunteersWebhookGetsTheAlertSignedWithTheSecretIntakeGaveThem() throws Exception {
    record Received(String id, String timestamp, String signature, String body) {}
    List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
          exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"), body));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try {
      JsonNode association = admin.createAssociation("Permanence webhook");
      IntakeClient coordinator = admin.withToken(association.get("token").asText());
      ObjectNode volunteer = coordinator.object().put("displayName", "Sacha")
          .put("email", "sacha-" + UUID.randomUUID().toString().substring(0, 8) + "@asso.example")
          .put("webhookUrl", "http://localhost:" + receiver.getAddress().getPort() + "/hook");
      JsonNode created = coordinator.post("/api/v1/associations/" + association.get("associationId").asText() + "/volunteers",
          volunteer, Map.of());
      String secret = created.get("webhookSecret").asText();

      ObjectNode opening = coordinator.object();
      opening.putObject("permit").put("kind", "CARTE_TEMPORAIRE").put("expiresOn", TODAY.minusDays(10).toString());
      opening.put("procedure", "RENEWAL").put("department", "13").put("assignedVolunteerId", created.get("volunteerId").asText());
      String caseId = coordinator.openCase(opening).get("caseId").asText();
      coordinator.recordEvent(caseId, coordinator.object().put("type", "SUBMISSION_RECORDED")
          .put("occurredOn", TODAY.minusDays(80).toString()).put("procedure", "RENEWAL"));

      await("the alert is raised").atMost(PATIENCE).until(() -> alert(coordinator, caseId, RULE).has("alertId"));
      String alertId = alert(coordinator, caseId, RULE).get("alertId").asText();
      await("the webhook receives the alert").atMost(PATIENCE).until(() -> received.stream().anyMatch(r -> r.body().contains(alertId)));
      Received hook = received.stream().filter(r -> r.body().contains(alertId)).findFirst().orElseThrow();
      assertThat(hook.body()).contains(RULE);
      String expected = WebhookSigner.sign(secret, hook.id(), Long.parseLong(hook.timestamp()), hook.body());
      assertThat(hook.signature().split(" ")).as("signed with the secret intake gave the volunteer").contains(expected);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void anAlertTheVolunteerTakesInHandIsAcknowledgedByTheNotifier() throws Exception {
    Association association = association("Permanence prise en charge");
    String associationId = association.id();
    IntakeClient coordinator = association.coordinator();
    String email = mail("ines");
    String volunteerId = association.volunteer("Inès", email);
    IntakeClient volunteer = coordinator.withToken(coordinator.post("/api/v1/associations/" + associationId + "/tokens",
        coordinator.object().put("volunteerId", volunteerId), Map.of()).get("token").asText());
    String caseId = expiredPermitWithRenewalFiled(volunteer, "59", null);
    await("the volunteer is told").atMost(PATIENCE).until(() -> mailsNaming(email, RULE).size() == 1);
    String alertId = alert(volunteer, caseId, RULE).get("alertId").asText();

    JsonNode taken = volunteer.post("/api/v1/alerts/" + alertId + "/acknowledgement", new byte[0], "application/json", Map.of());
    assertThat(taken.get("acknowledgedBy").asText()).isEqualTo(volunteerId);

    AvroSerde<NotificationOutcome> outcomes = AvroSerde.of(NotificationOutcome.class);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        SharedKafka.settings().consumer("e2e-outcomes-" + UUID.randomUUID()), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.NOTIFICATIONS.name()));
      List<NotificationOutcome> seen = new ArrayList<>();
      await("the notifier records the acknowledgement").atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          if (alertId.equals(r.key())) {
            seen.add(outcomes.decode(r.value()));
          }
        });
        return seen.stream().anyMatch(o -> o.getState() == NotificationState.ACKNOWLEDGED && o.getRecipientVolunteerId().equals(volunteerId));
      });
    }
  }

  @Test
  void anAlertTakenInHandFromTheMailsLinkIsShownTakenInHandToTheAssociation() throws Exception {
    Association association = association("Permanence lien");
    IntakeClient coordinator = association.coordinator();
    String email = mail("nour");
    String volunteerId = association.volunteer("Nour", email);
    String caseId = expiredPermitWithRenewalFiled(coordinator, "31", volunteerId);
    await("the volunteer is told").atMost(PATIENCE).until(() -> mailsNaming(email, RULE).size() == 1);
    String body = LocalMailbox.MailSummary.of(mailsNaming(email, RULE).get(0)).body();
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:\\d+/ack/[A-Za-z0-9_-]+").matcher(body);
    assertThat(link.find()).as(body).isTrue();

    // the link opens the alert and a button; the button takes it in hand
    java.net.http.HttpResponse<String> opened = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.group())).GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(opened.body()).contains("Je m'en occupe");
    java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.group())).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);

    await("the association sees the alert taken in hand by the volunteer").atMost(PATIENCE)
        .until(() -> volunteerId.equals(alert(coordinator, caseId, RULE).path("acknowledgedBy").asText()));
  }

  @Test
  void aVolunteerLeavesAndTheOpenAlertsOfHerCasesGoToTheVolunteerTheyAreGivenTo() throws Exception {
    Association association = association("Permanence relève");
    String associationId = association.id();
    IntakeClient coordinator = association.coordinator();
    String leavingMail = mail("lea");
    String successorMail = mail("sami");
    String leaving = association.volunteer("Léa", leavingMail);
    String successor = association.volunteer("Sami", successorMail);
    String caseId = expiredPermitWithRenewalFiled(coordinator, "13", leaving);
    await("the volunteer following the case is told").atMost(PATIENCE).until(() -> mailsNaming(leavingMail, RULE).size() == 1);

    coordinator.delete("/api/v1/associations/" + associationId + "/volunteers/" + leaving);
    JsonNode given = coordinator.post("/api/v1/cases/reassignments",
        coordinator.object().put("fromVolunteerId", leaving).put("toVolunteerId", successor), Map.of());
    assertThat(given.get("reassigned").asInt()).isEqualTo(1);

    await("the volunteer the case is given to is told of its open alert").atMost(PATIENCE)
        .until(() -> mailsNaming(successorMail, RULE).size() == 1);
    assertThat(LocalMailbox.MailSummary.of(mailsNaming(successorMail, RULE).get(0)).body())
        .contains("Ce dossier vient de vous être confié");
    await("the alert's volunteer is the new one").atMost(PATIENCE)
        .until(() -> successor.equals(alert(coordinator, caseId, RULE).path("assignedVolunteerId").asText()));
    assertThat(mailsNaming(leavingMail, RULE)).hasSize(1);
  }

  @Test
  void aThresholdTheCoordinatorChangesReachesTheRulesAndEndsAnAlert() {
    JsonNode association = admin.createAssociation("Permanence réglages");
    String associationId = association.get("associationId").asText();
    IntakeClient coordinator = admin.withToken(association.get("token").asText());
    ObjectNode opening = coordinator.object();
    opening.putObject("permit").put("kind", "CARTE_PLURIANNUELLE").put("expiresOn", TODAY.plusDays(100).toString());
    opening.put("procedure", "RENEWAL").put("department", "69");
    String caseId = coordinator.openCase(opening).get("caseId").asText();
    // By default the renewal window opens 120 days before expiry: it is open, 100 days before.
    await("the renewal window is raised").atMost(PATIENCE)
        .until(() -> "RAISED".equals(alert(coordinator, caseId, "RENEWAL_WINDOW_OPEN").path("status").asText()));

    ObjectNode settings = coordinator.object();
    settings.putObject("thresholds").put("RENEWAL_WINDOW_OPEN.openDays", 90);
    coordinator.put("/api/v1/associations/" + associationId + "/settings", settings);

    // Opening 90 days before expiry, the window is not open yet: the rules re-evaluate the case and resolve it.
    await("the renewal window is resolved under the new threshold").atMost(PATIENCE)
        .until(() -> "RESOLVED".equals(alert(coordinator, caseId, "RENEWAL_WINDOW_OPEN").path("status").asText()));
  }

  /**
   * A case whose permit expired ten days ago, its renewal filed on time and no API issued: it raises
   * {@link #RULE}. {@code assignee}: null for the client's own volunteer, or nobody.
   */
  private static String expiredPermitWithRenewalFiled(IntakeClient client, String department, String assignee) {
    ObjectNode opening = client.object();
    opening.putObject("permit").put("kind", "CARTE_TEMPORAIRE").put("expiresOn", TODAY.minusDays(10).toString());
    opening.put("procedure", "RENEWAL").put("department", department);
    if (assignee != null) {
      opening.put("assignedVolunteerId", assignee);
    }
    String caseId = client.openCase(opening).get("caseId").asText();
    client.recordEvent(caseId, client.object().put("type", "SUBMISSION_RECORDED")
        .put("occurredOn", TODAY.minusDays(80).toString()).put("procedure", "RENEWAL"));
    return caseId;
  }

  /** An association created by the administrator, with its coordination token's client. */
  private record Association(String id, IntakeClient coordinator) {
    String volunteer(String name, String email) {
      return coordinator.createVolunteer(id, name, email, "VOLUNTEER").get("volunteerId").asText();
    }
  }

  private Association association(String name) {
    JsonNode created = admin.createAssociation(name);
    return new Association(created.get("associationId").asText(), admin.withToken(created.get("token").asText()));
  }

  /** A mail address of its own for each run. */
  private static String mail(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@asso.example";
  }

  private static JsonNode alert(IntakeClient client, String caseId, String rule) {
    for (JsonNode a : client.getCase(caseId).path("alerts")) {
      if (rule.equals(a.path("rule").asText())) {
        return a;
      }
    }
    return client.json().createObjectNode();
  }

  private static List<MimeMessage> mailsNaming(String recipient, String rule) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : TestVigie.smtp().getReceivedMessages()) {
      boolean toVolunteer = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().contains(recipient));
      if (toVolunteer && (m.getSubject().contains(rule) || LocalMailbox.MailSummary.of(m).body().contains(rule))) {
        out.add(m);
      }
    }
    return out;
  }

  /** The case's events on vigie.case-events.v1, read from the beginning (committed records only). */
  private static List<ConsumerRecord<String, byte[]>> caseEvents(String caseId, int expected) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        SharedKafka.settings().consumer("e2e-reader-" + UUID.randomUUID()), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.CASE_EVENTS.name()));
      await("the case events on " + Topics.CASE_EVENTS.name()).atMost(PATIENCE).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          if (caseId.equals(r.key())) {
            found.add(r);
          }
        });
        return found.size() >= expected;
      });
    }
    return found;
  }
}
