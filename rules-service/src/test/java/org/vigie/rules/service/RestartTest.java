package org.vigie.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import org.vigie.schemas.RuleId;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * The deadline index is rebuilt from the case states when a task starts: a case recorded once, then
 * the service stopped and started again on another machine (an empty state directory, the states
 * restored from the changelog) with the clock ten days later, still gets its alert from the clock.
 */
class RestartTest {
  private static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");

  @Test
  void aCaseDueAfterARestartOnAnEmptyStateDirectoryIsAlertedByTheClock(@TempDir java.nio.file.Path dir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String appId = "vigie-rules-restart-" + UUID.randomUUID();
    String caseId = "restart-" + UUID.randomUUID();
    LocalDate today = LocalDate.ofInstant(T0, RulesConfig.PARIS);
    LocalDate expiry = today.plusDays(130); // the renewal window opens 120 days before: in 10 days
    TopicProvisioner topics = new TopicProvisioner(SharedKafka.settings(), (short) 1);

    RecordMetadata sent;
    try (RulesService first = service(appId, topics, T0, dir.resolve("first"))) {
      first.start();
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new KafkaSettings(bootstrap).producer("restart-test"),
          new StringSerializer(), new ByteArraySerializer())) {
        sent = producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), caseId,
            AvroSerde.of(org.vigie.schemas.CaseEvent.class).encode(new Events(caseId).opened(today, expiry)))).get();
      }
      TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
      try (Admin admin = Admin.create(new KafkaSettings(bootstrap).admin())) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
          OffsetAndMetadata committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get()
              .get(partition);
          return committed != null && committed.offset() > sent.offset();
        });
      }
    }

    try (RulesService second = service(appId, topics, T0.plus(Duration.ofDays(11)), dir.resolve("second"));
        TopicReader<String, CaseAlert> alerts = new TopicReader<>(bootstrap, Topics.CASE_ALERTS.name(),
            new StringDeserializer(), AvroSerde.of(CaseAlert.class))) {
      second.start();
      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(alerts.poll())
          .filteredOn(r -> r.key().equals(caseId)).extracting(r -> r.value().getRule(), r -> r.value().getStatus())
          .containsExactly(org.assertj.core.groups.Tuple.tuple(RuleId.RENEWAL_WINDOW_OPEN, AlertStatus.RAISED)));
    }
  }

  /** A service on its own, empty state directory and a fixed clock. */
  private static RulesService service(String appId, TopicProvisioner topics, Instant now, java.nio.file.Path stateDir)
      throws Exception {
    Properties props = RulesStreamsConfig.properties(appId, SharedKafka.bootstrapServers(),
        Files.createDirectories(stateDir).toString());
    RulesConfig config = RulesConfig.defaults().withTickInterval(Duration.ofSeconds(1))
        .withClock(Clock.fixed(now, ZoneOffset.UTC));
    return new RulesService(props, config, topics);
  }
}
