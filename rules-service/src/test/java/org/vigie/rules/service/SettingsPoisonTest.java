package org.vigie.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.serde.AvroSerde;
import org.vigie.schemas.topics.Topics;

/**
 * An undecodable record on the settings topic, read live or while the global store is loaded at
 * start, neither stops the service nor erases the association's settings: it is skipped.
 */
class SettingsPoisonTest {
  private static final byte[] POISON = {9, 9, 9};

  @Test
  void anUnreadableSettingsRecordIsSkippedAndTheAssociationKeepsItsSettings(@TempDir Path dir) throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String association = "asso-poison-" + UUID.randomUUID();
    LocalDate today = LocalDate.now(RulesConfig.PARIS);
    AvroSerde<AssociationSettings> settingsSerde = AvroSerde.of(AssociationSettings.class);
    new TopicProvisioner(SharedKafka.settings(), (short) 1)
        .ensure(List.of(Topics.CASE_EVENTS, Topics.CASE_ALERTS, Topics.ASSOCIATION_SETTINGS, Topics.RULES_DLQ));

    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(new KafkaSettings(bootstrap).producer("poison-test"),
            new ByteArraySerializer(), new ByteArraySerializer());
        TopicReader<String, CaseAlert> alerts = new TopicReader<>(bootstrap, Topics.CASE_ALERTS.name(),
            new StringDeserializer(), AvroSerde.of(CaseAlert.class))) {
      // the association turns a rule off, then an unreadable record comes for the same association
      AssociationSettings valid = AssociationSettings.newBuilder().setAssociationId(association)
          .setDisabledRules(List.of(RuleId.EMPLOYMENT_AT_RISK)).setUpdatedAt(Instant.now()).build();
      send(producer, Topics.ASSOCIATION_SETTINGS.name(), association, settingsSerde.encode(valid));

      // first start: the valid record is loaded at start, the poison arrives while running
      try (RulesService service = start(bootstrap, dir.resolve("first"))) {
        send(producer, Topics.ASSOCIATION_SETTINGS.name(), association, POISON);
        assertOnlyTheEnabledRuleIsRaised(producer, alerts, association, today);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
      // second start, another application with no local state: the global store is loaded from the
      // topic, poison included
      try (RulesService service = start(bootstrap, dir.resolve("second"))) {
        assertOnlyTheEnabledRuleIsRaised(producer, alerts, association, today);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
      }
    }
  }

  private static RulesService start(String bootstrap, Path stateDir) {
    Properties props = RulesStreamsConfig.properties("vigie-rules-poison-" + UUID.randomUUID(), bootstrap, stateDir.toString());
    RulesService service = new RulesService(props, RulesConfig.defaults().withTickInterval(Duration.ofSeconds(1)),
        new TopicProvisioner(SharedKafka.settings(), (short) 1), null);
    service.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == KafkaStreams.State.RUNNING);
    return service;
  }

  /**
   * A case whose permit lapsed without an API, held by an employed person, who then files the
   * renewal: with the default settings it raises PERMIT_EXPIRED_WITHOUT_API and EMPLOYMENT_AT_RISK
   * (as in {@link RulesServiceTest}); the association's settings turn the second off. The filing
   * resolves RENEWAL_DEADLINE: once that is read, every alert of both events has been.
   */
  private static void assertOnlyTheEnabledRuleIsRaised(KafkaProducer<byte[], byte[]> producer,
      TopicReader<String, CaseAlert> alerts, String association, LocalDate today) throws Exception {
    String caseId = "case-" + UUID.randomUUID();
    Events e = new Events(caseId, association);
    AvroSerde<CaseEvent> events = AvroSerde.of(CaseEvent.class);
    send(producer, Topics.CASE_EVENTS.name(), caseId,
        events.encode(e.opened(today.minusDays(300), PermitKind.CARTE_TEMPORAIRE, today.minusDays(10), true, false)));
    send(producer, Topics.CASE_EVENTS.name(), caseId, events.encode(e.submission(today.minusDays(80))));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alerts.poll())
        .filteredOn(r -> r.key().equals(caseId) && r.value().getRule() == RuleId.RENEWAL_DEADLINE)
        .extracting(r -> r.value().getStatus()).contains(AlertStatus.RESOLVED));
    assertThat(alerts.poll()).filteredOn(r -> r.key().equals(caseId)).extracting(r -> r.value().getRule())
        .contains(RuleId.PERMIT_EXPIRED_WITHOUT_API)
        .doesNotContain(RuleId.EMPLOYMENT_AT_RISK);
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
  }
}
