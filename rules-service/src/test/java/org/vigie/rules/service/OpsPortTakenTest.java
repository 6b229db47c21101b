package org.vigie.rules.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.kafka.TopicProvisioner;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.rules.RulesService;
import org.vigie.rules.RulesSettings;
import org.vigie.rules.topology.RulesConfig;
import org.vigie.rules.topology.RulesStreamsConfig;

/**
 * A rules service whose ops port is taken does not start: it names {@code VIGIE_RULES_OPS_PORT}, and no Kafka
 * Streams thread of it is left working in a process that has no health endpoint (it kept the JVM alive, processing,
 * and a member of the group).
 */
class OpsPortTakenTest {

  @Test
  void aTakenOpsPortStopsTheServiceBeforeItJoinsTheGroup(@TempDir Path stateDir) throws Exception {
    String appId = "vigie-rules-port-" + UUID.randomUUID();
    Properties props = RulesStreamsConfig.properties(appId, SharedKafka.bootstrapServers(), stateDir.toString());
    int port = FreePorts.pick();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      RulesService service = new RulesService(props, RulesConfig.defaults(),
          new TopicProvisioner(SharedKafka.settings(), (short) 1), port);

      Throwable e = catchThrowable(service::start);

      assertThat(e).isInstanceOf(ConfigException.class).hasMessageContaining(RulesSettings.OPS_PORT + " = " + port);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
          .filteredOn(t -> t.isAlive() && t.getName().startsWith(appId)).isEmpty());
      service.close();
    }
  }
}
