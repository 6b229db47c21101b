package org.vigie.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.db.Databases;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.testing.SharedPostgres;

/**
 * An operator who starts a service alone with a mistake (a variable missing, a port taken, a database that does not
 * answer or does not exist) reads one line naming what to fix, not a Java stack trace.
 */
class StartupTest {

  @Test
  void aMissingVariableIsOneLineNamingItAndExitsWithTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicInteger exit = new AtomicInteger(-1);
    Object started = Startup.orElse("intake", () -> Config.empty().require(ConfigNames.KAFKA_BOOTSTRAP_SERVERS),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, exit::set);

    assertThat(started).isNull();
    assertThat(exit.get()).isEqualTo(Startup.CONFIGURATION_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "intake ne démarre pas / does not start: KAFKA_BOOTSTRAP_SERVERS is required" + System.lineSeparator());
  }

  @Test
  void aRequestedStopIsLoggedBeforeAndAfterTheServiceStops() {
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("startup-test");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    log.addAppender(lines);
    List<String> seen = new ArrayList<>();
    Startup.stopping("notifier", () -> seen.add("stopped with " + lines.list.size() + " line logged"), log).run();

    assertThat(seen).containsExactly("stopped with 1 line logged");
    assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
        .hasSize(2).first().isEqualTo("notifier : arrêt demandé / stopping");
    assertThat(lines.list.get(1).getFormattedMessage()).matches("notifier : arrêté en \\d+ ms / stopped in \\d+ ms");
  }

  @Test
  void aPortTakenNamesTheVariableThatSetIt() throws Exception {
    int port = FreePorts.pick();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      Throwable e = catchThrowable(() -> OpsServer.start("0.0.0.0", port, "VIGIE_RULES_OPS_PORT", new Readiness(),
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));

      assertThat(e).isInstanceOf(ConfigException.class);
      assertThat(((ConfigException) e).name()).isEqualTo("VIGIE_RULES_OPS_PORT");
      String line = Startup.describe("rules", e);
      assertThat(line).startsWith("rules ne démarre pas / does not start: VIGIE_RULES_OPS_PORT = " + port)
          .contains("déjà pris", "already in use").doesNotContain("\n");
      assertThat(Startup.exitStatus(e)).isEqualTo(Startup.CONFIGURATION_ERROR);
    }
  }

  @Test
  void aDatabaseThatDoesNotAnswerNamesVigieDbUrl() {
    int closed = FreePorts.pick();
    try (HikariDataSource ds = Databases.pool("jdbc:postgresql://127.0.0.1:" + closed + "/vigie", "vigie", "secret",
        "intake", 2)) {
      Throwable e = catchThrowable(() -> Databases.migrate(ds, "intake"));

      String line = Startup.describe("intake", e);
      assertThat(line).startsWith("intake ne démarre pas / does not start: PostgreSQL injoignable / unreachable (VIGIE_DB_URL): ")
          .contains("127.0.0.1:" + closed, "SQLSTATE 08").doesNotContain("\n");
      assertThat(Startup.exitStatus(e)).isEqualTo(Startup.FAILURE);
    }
  }

  @Test
  void aDatabaseThatDoesNotExistIsSaidSo() {
    String url = SharedPostgres.newDatabaseUrl().replaceFirst("/t_[0-9a-f]+\\?", "/no_such_base?");
    try (HikariDataSource ds = Databases.pool(url, null, null, "intake", 2)) {
      Throwable e = catchThrowable(() -> Databases.migrate(ds, "intake"));

      assertThat(Startup.describe("notifier", e))
          .startsWith("notifier ne démarre pas / does not start: base de données absente / no such database (VIGIE_DB_URL): ")
          .contains("no_such_base", "3D000").doesNotContain("\n");
    }
  }

  @Test
  void anotherFailureOfTheBindIsLeftAsItIs() {
    IllegalStateException other = new IllegalStateException("not a port");
    assertThat(Startup.portFailure("VIGIE_HTTP_PORT", 1, other)).isSameAs(other);
  }
}
