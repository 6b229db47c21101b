package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.schemas.topics.Topic;
import org.vigie.schemas.topics.Topics;

class TopicProvisionerTest {

  @Test
  void theEventLogIsKeptWithoutTimeLimitAndTheDirectoryIsCompacted() throws Exception {
    new TopicProvisioner(SharedKafka.settings(), (short) 1).ensure(Topics.all());
    try (Admin admin = Admin.create(SharedKafka.settings().admin())) {
      ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CASE_EVENTS.name());
      ConfigResource directory = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DIRECTORY.name());
      Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(events, directory)).all().get(30, TimeUnit.SECONDS);
      assertThat(configs.get(events).get("retention.ms").value()).isEqualTo("-1");
      assertThat(configs.get(directory).get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(admin.describeTopics(List.of(Topics.CASE_EVENTS.name())).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(Topics.CASE_EVENTS.name()).partitions()).hasSize(Topics.CASE_EVENTS.defaultPartitions())
          .allSatisfy(p -> assertThat(p.leader()).isNotNull());
    }
  }

  @Test
  void theConfiguredReplicationFactorIsTheOneTheBrokerIsAskedFor() {
    Topic<String, String> topic = new Topic<>("test.replicated-" + System.nanoTime(), Serdes.String(), Serdes.String(), 1, false);
    // the test broker is alone: a topic on two replicas is refused, which shows the factor reached it
    assertThatThrownBy(() -> new TopicProvisioner(SharedKafka.settings(), (short) 2).ensure(List.of(topic)))
        .hasMessageContaining("Cannot create topics")
        // the operator is told which variable names the cluster, and why it refused
        .hasMessageContaining("(" + ConfigNames.KAFKA_BOOTSTRAP_SERVERS + ")")
        .satisfies(e -> assertThat(e.getMessage()).contains(org.assertj.core.util.Throwables.getRootCause(e).getMessage()))
        .hasRootCauseInstanceOf(org.apache.kafka.common.errors.InvalidReplicationFactorException.class);
    new TopicProvisioner(SharedKafka.settings(), (short) 1).ensure(List.of(topic));
  }

  @Test
  void theReplicationFactorIsReadOnceForEveryServiceAndChecked() {
    org.vigie.platform.config.Config config = org.vigie.platform.config.Config.empty();
    assertThat(TopicProvisioner.replicationFactor(config)).isEqualTo((short) 1);
    assertThat(TopicProvisioner.replicationFactor(config.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, "3")))
        .isEqualTo((short) 3);
    for (String bad : new String[] {"0", "-1", "40000", "three"}) {
      assertThatThrownBy(() -> TopicProvisioner.replicationFactor(config.with(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR, bad)))
          .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining(ConfigNames.VIGIE_KAFKA_REPLICATION_FACTOR);
    }
  }

  @Test
  void onThreeReplicasOrMoreAWriteIsAcknowledgedOnlyOnceAMajorityHoldsIt() {
    assertThat(TopicProvisioner.topicConfig(Topics.CASE_EVENTS, (short) 1)).doesNotContainKey("min.insync.replicas");
    assertThat(TopicProvisioner.topicConfig(Topics.CASE_EVENTS, (short) 2)).doesNotContainKey("min.insync.replicas");
    assertThat(TopicProvisioner.topicConfig(Topics.CASE_EVENTS, (short) 3)).containsEntry("min.insync.replicas", "2")
        .containsEntry("retention.ms", "-1");
    assertThat(TopicProvisioner.topicConfig(Topics.DIRECTORY, (short) 5)).containsEntry("min.insync.replicas", "3")
        .containsEntry("cleanup.policy", "compact");
  }
}
