package org.vigie.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.notifier.testing.Harness;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.ops.Startup;

/**
 * The notifier started on a port another process holds names {@code VIGIE_NOTIFIER_HTTP_PORT} in its one line, and
 * leaves nothing running: its consumers would otherwise take alerts from the group with no health endpoint.
 */
class PortTakenTest {

  @Test
  void aTakenHttpPortNamesItsVariableAndStopsEverything() throws Exception {
    int port = FreePorts.pick();
    long consumersBefore = consumerThreads();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));

      Throwable e = catchThrowable(() -> NotifierService.start(Harness.config(FreePorts.pick())
          .with(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, String.valueOf(port))).close());

      assertThat(e).isInstanceOf(ConfigException.class);
      assertThat(((ConfigException) e).name()).isEqualTo(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT);
      assertThat(Startup.describe("notifier", e))
          .startsWith("notifier ne démarre pas / does not start: VIGIE_NOTIFIER_HTTP_PORT = " + port + " : ")
          .doesNotContain("\n");
      assertThat(Startup.exitStatus(e)).isEqualTo(Startup.CONFIGURATION_ERROR);
      await().atMost(Duration.ofSeconds(30)).until(() -> consumerThreads() == consumersBefore);
    }
  }

  private static long consumerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().matches("notifier-(alerts|directory|acknowledgements)"))
        .count();
  }
}
