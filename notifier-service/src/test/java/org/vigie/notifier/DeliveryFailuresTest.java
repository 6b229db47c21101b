package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.notifier.channel.WebhookSigner;
import org.vigie.notifier.ledger.NotificationKey;
import org.vigie.notifier.testing.Fixtures;
import org.vigie.notifier.testing.Harness;
import org.vigie.notifier.testing.Mails;
import org.vigie.notifier.testing.TopicTail;
import org.vigie.notifier.testing.WebhookReceiver;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.WebhookFormat;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/** Webhooks (signed), permanent failures falling back to the coordinator, and poison records. */
class DeliveryFailuresTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.SMTP.dynamicPort());

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Test
  void webhooksAreSignedAndAPermanentFailureFallsBackAndIsDeadLettered() throws Exception {
    String association = Fixtures.id("asso");
    String hooked = Fixtures.id("vol");
    String broken = Fixtures.id("vol");
    String coordinator = Fixtures.id("coord");
    String chatting = Fixtures.id("vol");
    CaseAlert forChat = Fixtures.raised(association, chatting, RuleId.EMPLOYMENT_AT_RISK, Severity.CRITICAL).build();
    CaseAlert forHooked = Fixtures.raised(association, hooked, RuleId.API_EXPIRING, Severity.WARNING).build();
    CaseAlert forBroken = Fixtures.raised(association, broken, RuleId.API_EXPIRED, Severity.CRITICAL).build();

    try (Harness kafka = new Harness();
        WebhookReceiver receiver = new WebhookReceiver();
        TopicTail dlq = new TopicTail(Topics.NOTIFIER_DLQ.name());
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      receiver.answer("/gone", 410);
      kafka.publish(Fixtures.volunteer(association, hooked, hooked + "@asso.test")
          .setWebhookUrl(receiver.url("/hook")).setWebhookSecret(SECRET).build());
      kafka.publish(Fixtures.volunteer(association, broken, null)
          .setWebhookUrl(receiver.url("/gone")).setWebhookSecret(SECRET).build());
      kafka.publish(Fixtures.coordinator(association, coordinator, coordinator + "@asso.test").build());
      kafka.publish(Fixtures.volunteer(association, chatting, null)
          .setWebhookUrl(receiver.url("/chat")).setWebhookSecret(SECRET).setWebhookFormat(WebhookFormat.CHAT).build());
      kafka.publish(forChat);
      kafka.publish(forHooked);
      kafka.publish(forBroken);

      // both channels of the first volunteer
      await().atMost(Duration.ofSeconds(60)).until(() -> receiver.calls("/hook").size() == 1
          && Mails.to(SMTP, hooked + "@asso.test").size() == 1);
      WebhookReceiver.Call call = receiver.calls("/hook").get(0);
      String key = NotificationKey.of(forHooked.getAlertId(), NotificationKind.ALERT, 0, NotificationChannel.WEBHOOK, hooked);
      assertThat(call.header("webhook-id")).isEqualTo(NotificationKey.webhookId(key));
      assertThat(call.header("Content-Type")).isEqualTo("application/json");
      long timestamp = Long.parseLong(call.header("webhook-timestamp"));
      assertThat(call.header("webhook-signature"))
          .isEqualTo(WebhookSigner.sign(SECRET, call.header("webhook-id"), timestamp, call.body()));
      JsonNode json = new ObjectMapper().readTree(call.body());
      assertThat(json.at("/data/alerts/0/rule").asText()).isEqualTo("API_EXPIRING");
      assertThat(json.at("/data/alerts/0/ackUrl").asText()).contains("/ack/");
      assertThat(call.body()).doesNotContain(forHooked.getCaseId());

      // the broken endpoint answers 410: no retry, the coordinator is told instead, and the failure is dead-lettered
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, coordinator + "@asso.test").size() == 1);
      assertThat(receiver.calls("/gone")).hasSize(1);
      assertThat(Mails.subject(Mails.to(SMTP, coordinator + "@asso.test").get(0))).contains("API_EXPIRED");
      assertThat(LifecycleTest.state(service, forBroken, NotificationKind.ALERT)).isEqualTo("FAILED");
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        List<ConsumerRecord<byte[], byte[]>> records = dlq.poll();
        assertThat(records).anySatisfy(r -> {
          assertThat(header(r, "vigie.error.kind")).isEqualTo("DELIVERY_FAILED");
          NotificationOutcome o = AvroSerde.of(NotificationOutcome.class).decode(r.value());
          assertThat(o.getAlertId()).isEqualTo(forBroken.getAlertId());
          assertThat(o.getDetail()).contains("410");
        });
      });
      assertThat(service.metrics().count("vigie.notifier.failed", NotificationChannel.WEBHOOK)).isEqualTo(1.0);

      // a team chat's webhook: the message as text, the drafts its next steps call for named
      await().atMost(Duration.ofSeconds(60)).until(() -> receiver.calls("/chat").size() == 1);
      JsonNode chat = new ObjectMapper().readTree(receiver.calls("/chat").get(0).body());
      assertThat(chat.get("text").asText()).contains("Critique · emploi menacé", "Courrier à l'employeur", "/ack/")
          .doesNotContain(forChat.getCaseId());
    }
  }

  @Test
  void aWebhookGoneWhileTheMailWentThroughTellsTheCoordinatorsNothingYet() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    String coordinator = Fixtures.id("coord");
    CaseAlert alert = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).build();
    try (Harness kafka = new Harness();
        WebhookReceiver receiver = new WebhookReceiver();
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      receiver.answer("/gone", 410);
      kafka.publish(Fixtures.volunteer(association, volunteer, volunteer + "@asso.test")
          .setWebhookUrl(receiver.url("/gone")).setWebhookSecret(SECRET).build());
      kafka.publish(Fixtures.coordinator(association, coordinator, coordinator + "@asso.test").build());
      kafka.publish(alert);

      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, volunteer + "@asso.test").size() == 1
          && "FAILED".equals(webhookState(service, alert)));
      // reached by mail: the coordinators hear of it only if nobody takes it in hand within its delay
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
          .until(() -> Mails.to(SMTP, coordinator + "@asso.test").isEmpty());
      assertThat(receiver.calls("/gone")).hasSize(1);
    }
  }

  private static String webhookState(NotifierService service, CaseAlert alert) {
    return service.jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification WHERE alert_id = :a AND kind = 'ALERT'"
            + " AND channel = 'WEBHOOK'").bind("a", alert.getAlertId()).mapTo(String.class).findOne().orElse(null));
  }

  @Test
  void aPoisonAlertRecordIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    CaseAlert good = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).build();
    try (Harness kafka = new Harness();
        TopicTail dlq = new TopicTail(Topics.NOTIFIER_DLQ.name());
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, volunteer + "@asso.test").build());
      byte[] garbage = "not an avro record".getBytes(StandardCharsets.UTF_8);
      kafka.publishRaw(good.getCaseId(), garbage);
      kafka.publish(good);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, volunteer + "@asso.test").size() == 1);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(dlq.poll()).anySatisfy(r -> {
        assertThat(header(r, "vigie.error.kind")).isEqualTo("POISON_RECORD");
        assertThat(header(r, "vigie.error")).contains("vigie.case-alerts.v1");
        assertThat(r.value()).isEqualTo(garbage);
      }));
    }
  }

  @Test
  void anAlertTheDatabaseRefusesIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
    String association = Fixtures.id("asso");
    String volunteer = Fixtures.id("vol");
    CaseAlert good = Fixtures.raised(association, volunteer, RuleId.API_EXPIRED, Severity.CRITICAL).build();
    // decodable, but PostgreSQL text holds no NUL character; same case, so the same partition, before the good one
    CaseAlert refused = CaseAlert.newBuilder(good).setAlertId(good.getAlertId() + "\u0000").build();
    try (Harness kafka = new Harness();
        TopicTail dlq = new TopicTail(Topics.NOTIFIER_DLQ.name());
        NotifierService service = NotifierService.start(Harness.fromNow(SMTP.getSmtp().getPort()))) {
      kafka.publish(Fixtures.volunteer(association, volunteer, volunteer + "@asso.test").build());
      kafka.publish(refused);
      kafka.publish(good);
      await().atMost(Duration.ofSeconds(60)).until(() -> Mails.to(SMTP, volunteer + "@asso.test").size() == 1);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(dlq.poll()).anySatisfy(r -> {
        assertThat(header(r, "vigie.error.kind")).isEqualTo("POISON_RECORD");
        assertThat(header(r, "vigie.error")).contains("refused by the database");
        assertThat(AvroSerde.of(CaseAlert.class).decode(r.value()).getAlertId()).isEqualTo(refused.getAlertId());
      }));
    }
  }

  static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
