package org.vigie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.vigie.platform.testing.SharedKafka;
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
}
