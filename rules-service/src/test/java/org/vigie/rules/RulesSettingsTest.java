package org.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;

class RulesSettingsTest {
  private static final String INSTANCE = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

  @Test
  void eachProcessIsItsOwnStaticMemberAndKeepsItsIdAcrossClients() {
    RulesSettings one = RulesSettings.from(Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092")));
    RulesSettings other = RulesSettings.from(Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
        RulesSettings.INSTANCE_ID, "  ")));

    assertThat(one.streamsProperties().get(INSTANCE)).asString().startsWith("vigie-rules-")
        .isEqualTo(one.streamsProperties().get(INSTANCE));
    assertThat(other.streamsProperties().get(INSTANCE)).asString().startsWith("vigie-rules-")
        .isNotEqualTo(one.streamsProperties().get(INSTANCE));
  }

  @Test
  void aConfiguredInstanceIdIsUsedAsItIs() {
    RulesSettings settings = RulesSettings.from(Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092",
        RulesSettings.INSTANCE_ID, "rules-0")));

    assertThat(settings.streamsProperties()).containsEntry(INSTANCE, "rules-0");
  }

  @Test
  void kafkaStreamsOwnTopicsTakeTheReplicationFactorWhenItIsSetAndTheBrokersDefaultOtherwise() {
    Config base = Config.of(Map.of(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, "localhost:9092"));
    assertThat(RulesSettings.from(base).streamsProperties()).doesNotContainKey(StreamsConfig.REPLICATION_FACTOR_CONFIG)
        .doesNotContainKey(StreamsConfig.topicPrefix("min.insync.replicas"));

    RulesSettings three = RulesSettings.from(base.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "3"));
    assertThat(three.replicationFactor()).isEqualTo((short) 3);
    assertThat(three.streamsProperties()).containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
        .containsEntry(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
    assertThat(RulesSettings.from(base.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "1")).streamsProperties())
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
        .doesNotContainKey(StreamsConfig.topicPrefix("min.insync.replicas"));
  }
}
