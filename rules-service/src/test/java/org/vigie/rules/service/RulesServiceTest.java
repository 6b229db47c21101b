package org.vigie.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.platform.kafka.KafkaSettings;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.Events;
import org.vigie.rules.RulesService;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * The service on the real in-process broker: exactly-once, alerts read committed, poison records in
 * the DLQ, ops endpoints.
 */
class RulesServiceTest {

  @Test
  void raisesAlertsAndSendsAPoisonRecordToTheDeadLetterQueue(@TempDir java.nio.file.Path stateDir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String appId = "vigie-rules-test-" + UUID.randomUUID();
    Properties props = RulesStreamsConfig.properties(appId, bootstrap, stateDir.toString());
    RulesConfig config = RulesConfig.defaults().withTickInterval(Duration.ofSeconds(1));
    String caseId = "case-" + UUID.randomUUID();
    String poisonKey = "poison-" + UUID.randomUUID();
    LocalDate today = LocalDate.now(RulesConfig.PARIS);
    Events e = new Events(caseId);

    try (RulesService service = new RulesService(props, config, new TopicProvisioner(SharedKafka.settings(), (short) 1), 0);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(new KafkaSettings(bootstrap).producer("rules-test"),
            new ByteArraySerializer(), new ByteArraySerializer());
        TopicReader<String, CaseAlert> alerts = new TopicReader<>(bootstrap, Topics.CASE_ALERTS.name(),
            new StringDeserializer(), AvroSerde.of(CaseAlert.class));
        TopicReader<byte[], byte[]> dlq = new TopicReader<>(bootstrap, Topics.RULES_DLQ.name(),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      service.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
      HttpClient http = HttpClient.newHttpClient();
      String ops = "http://127.0.0.1:" + service.opsPort();
      assertThat(http.send(HttpRequest.newBuilder(URI.create(ops + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(ops + "/ready")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(ops + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).contains("kafka_stream");

      AvroSerde<CaseEvent> serde = AvroSerde.of(CaseEvent.class);
      String topic = Topics.CASE_EVENTS.name();
      producer.send(new ProducerRecord<>(topic, poisonKey.getBytes(), new byte[] {9, 9, 9})).get();
      for (CaseEvent event : new CaseEvent[] {
          e.opened(today.minusDays(300), PermitKind.CARTE_TEMPORAIRE, today.minusDays(10), true, false),
          e.submission(today.minusDays(80))}) {
        producer.send(new ProducerRecord<>(topic, caseId.getBytes(), serde.encode(event))).get();
      }

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alerts.poll())
          .filteredOn(r -> r.key().equals(caseId)).extracting(r -> r.value().getRule())
          .contains(RuleId.EMPLOYMENT_AT_RISK, RuleId.PERMIT_EXPIRED_WITHOUT_API));
      // opened alone, the case had no renewal: that alert was raised, then resolved by the submission
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts.poll())
          .filteredOn(r -> r.key().equals(caseId) && r.value().getRule() == RuleId.RENEWAL_DEADLINE)
          .extracting(r -> r.value().getStatus()).containsExactly(AlertStatus.RAISED, AlertStatus.RESOLVED));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dlq.poll())
          .anySatisfy(r -> assertThat(new String(r.key())).isEqualTo(poisonKey)));
    }
  }
}
