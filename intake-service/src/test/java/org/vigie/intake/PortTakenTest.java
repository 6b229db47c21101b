package org.vigie.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.TestIntake;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.ops.Startup;

/** Intake started on a port another process holds names {@code VIGIE_HTTP_PORT} in its one line. */
class PortTakenTest {

  @Test
  void aTakenHttpPortNamesVigieHttpPort() throws Exception {
    int port = FreePorts.pick();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));

      Throwable e = catchThrowable(() -> IntakeService.start(
          TestIntake.config().with(ConfigNames.VIGIE_HTTP_PORT, String.valueOf(port))).close());

      assertThat(e).isInstanceOf(ConfigException.class);
      assertThat(((ConfigException) e).name()).isEqualTo(ConfigNames.VIGIE_HTTP_PORT);
      assertThat(Startup.describe("intake", e))
          .startsWith("intake ne démarre pas / does not start: VIGIE_HTTP_PORT = " + port + " : ")
          .doesNotContain("\n");
      assertThat(Startup.exitStatus(e)).isEqualTo(Startup.CONFIGURATION_ERROR);
    }
  }
}
