package org.vigie.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.cli.VigieCommand;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.FreePorts;

/** {@code vigie local} stopped by a signal (Ctrl-C, SIGTERM) while it starts: nothing it started outlives it. */
class LocalStopTest {

  @Test
  void aStopAskedWhileTheServicesStartStopsTheDatabaseServerToo(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    Path log = dir.resolve("local.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), VigieCommand.class.getName(), "local")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put(ConfigNames.VIGIE_DATA_DIR, dataDir.toString());
    for (String port : new String[] {LocalNames.VIGIE_KAFKA_PORT, ConfigNames.SMTP_PORT, LocalNames.VIGIE_MAILBOX_PORT,
        ConfigNames.VIGIE_HTTP_PORT, NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, LocalNames.VIGIE_RULES_OPS_PORT}) {
      builder.environment().put(port, String.valueOf(FreePorts.pick()));
    }
    Process local = builder.start();
    try {
      // PostgreSQL runs as its own process: once it is up, the services are still to start
      await().atMost(Duration.ofSeconds(90)).until(() -> postgres(dataDir).isPresent());
      ProcessHandle server = postgres(dataDir).orElseThrow();
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("still starting when stopped").doesNotContain("Vigie tourne");

      local.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
      assertThat(local.waitFor(3, TimeUnit.MINUTES)).as("vigie local ended").isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> !server.isAlive());
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("vigie local : arrêt demandé / stopping",
          "Stopped postgres", "vigie local : arrêté en ");
    } finally {
      local.destroyForcibly();
      postgres(dataDir).ifPresent(ProcessHandle::destroy);
    }
  }

  /** The PostgreSQL server running on the data directory, from its postmaster.pid. */
  private static Optional<ProcessHandle> postgres(Path dataDir) throws IOException {
    Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    String first = Files.readAllLines(pid).stream().findFirst().orElse("").strip();
    return first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive) : Optional.empty();
  }
}
