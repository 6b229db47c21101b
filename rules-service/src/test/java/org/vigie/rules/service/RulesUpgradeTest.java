package org.vigie.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.rule.RuleSets;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.Decision;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * An upgrade to new rules reaches the cases already stored: a refusal with an OQTF recorded under the
 * first rule set (which raised nothing on it) gets its appeal deadline as soon as the service runs the
 * current set, the same day, without any new event on the case and before its next due day; an implicit
 * rejection already contested before the court, whose alerts the first set kept open, has them resolved.
 */
class RulesUpgradeTest {
  private static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");

  @Test
  void theCasesStoredUnderFormerRulesAreEvaluatedAgainWithTheNewOnes(@TempDir Path dir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String appId = "vigie-rules-upgrade-" + UUID.randomUUID();
    String caseId = "upgrade-" + UUID.randomUUID();
    String contested = "upgrade-contested-" + UUID.randomUUID();
    LocalDate today = LocalDate.ofInstant(T0, RulesConfig.PARIS);
    Events e = new Events(caseId);
    TopicProvisioner topics = new TopicProvisioner(SharedKafka.settings(), (short) 1);

    try (RulesService former = service(appId, topics, RuleEngine.named(RuleSets.V1), dir.resolve("state"))) {
      former.start();
      Events c = new Events(contested);
      java.util.Map<TopicPartition, Long> last = new java.util.HashMap<>();
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new KafkaSettings(bootstrap).producer("upgrade-test"),
          new StringSerializer(), new ByteArraySerializer())) {
        AvroSerde<CaseEvent> serde = AvroSerde.of(CaseEvent.class);
        for (CaseEvent event : new CaseEvent[] {e.opened(today.minusDays(200), today.plusDays(300)),
            e.submission(today.minusDays(60)), e.decision(today.minusDays(3), Decision.REFUSED_WITH_OQTF, null),
            c.opened(today.minusDays(300), today.plusDays(300)), c.submission(today.minusMonths(5)),
            c.appeal(today.minusDays(10), AppealKind.COURT_APPEAL)}) {
          RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.CASE_EVENTS.name(), event.getCaseId(),
              serde.encode(event))).get();
          last.merge(new TopicPartition(sent.topic(), sent.partition()), sent.offset(), Math::max);
        }
      }
      try (Admin admin = Admin.create(new KafkaSettings(bootstrap).admin())) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
          java.util.Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(appId)
              .partitionsToOffsetAndMetadata().get();
          return last.entrySet().stream().allMatch(p -> committed.get(p.getKey()) != null
              && committed.get(p.getKey()).offset() > p.getValue());
        });
      }
    }

    try (TopicReader<String, CaseAlert> alerts = new TopicReader<>(bootstrap, Topics.CASE_ALERTS.name(),
        new StringDeserializer(), AvroSerde.of(CaseAlert.class))) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alerts.poll())
          .as("the first rule set kept the contested rejection's alerts open")
          .filteredOn(r -> r.key().equals(contested)).extracting(r -> r.value().getRule(), r -> r.value().getStatus())
          .contains(tuple(RuleId.IMPLICIT_REJECTION, AlertStatus.RAISED), tuple(RuleId.APPEAL_DEADLINE, AlertStatus.RAISED)));
      assertThat(alerts.poll()).as("and raised nothing on the refusal")
          .noneMatch(r -> r.key().equals(caseId) && r.value().getRule() == RuleId.APPEAL_DEADLINE);
      try (RulesService current = service(appId, topics, RuleEngine.standard(), dir.resolve("state"))) {
        current.start();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
          List<ConsumerRecord<String, CaseAlert>> after = alerts.poll();
          assertThat(after).filteredOn(r -> r.key().equals(caseId) && r.value().getRule() == RuleId.APPEAL_DEADLINE)
              .singleElement().satisfies(r -> {
                assertThat(r.value().getStatus()).isEqualTo(AlertStatus.RAISED);
                assertThat(r.value().getRuleVersion()).isEqualTo("6");
                assertThat(r.value().getDeadline()).isEqualTo(today.plusDays(27));
              });
          assertThat(after).filteredOn(r -> r.key().equals(contested) && r.value().getStatus() == AlertStatus.RESOLVED)
              .extracting(r -> r.value().getRule(),
              r -> r.value().getStatus()).containsExactlyInAnyOrder(tuple(RuleId.IMPLICIT_REJECTION, AlertStatus.RESOLVED),
              tuple(RuleId.APPEAL_DEADLINE, AlertStatus.RESOLVED));
        });
      }
    }
  }

  /** A service on a state directory kept between the two runs, with a fixed clock, ticking every second. */
  private static RulesService service(String appId, TopicProvisioner topics, RuleEngine engine, Path stateDir)
      throws Exception {
    Properties props = RulesStreamsConfig.properties(appId, SharedKafka.bootstrapServers(),
        Files.createDirectories(stateDir).toString());
    RulesConfig config = RulesConfig.defaults().withTickInterval(Duration.ofSeconds(1))
        .withClock(Clock.fixed(T0, ZoneOffset.UTC)).withEngine(engine);
    return new RulesService(props, config, topics);
  }
}
