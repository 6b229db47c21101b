package org.vigie.cli.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import org.vigie.intake.IntakeService;
import org.vigie.intake.IntakeSettings;
import org.vigie.notifier.NotifierService;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import org.vigie.platform.kafka.FreePorts;
import org.vigie.platform.testing.SharedKafka;
import org.vigie.platform.testing.SharedPostgres;
import org.vigie.rules.RulesService;
import org.vigie.rules.RulesSettings;

/**
 * The three services started once per test JVM through their {@code start(Config)}, on the shared
 * broker and PostgreSQL, with a GreenMail SMTP server; stopped when the JVM exits. Tests isolate
 * themselves by creating their own association.
 */
final class TestVigie {
  private TestVigie() {}

  static String intakeUrl() {
    return "http://localhost:" + Holder.INSTANCE.intake.port();
  }

  static String adminToken() {
    return Holder.INSTANCE.adminToken;
  }

  static GreenMail smtp() {
    return Holder.INSTANCE.smtp;
  }

  private static final class Holder {
    static final Running INSTANCE = Running.start();
  }

  private record Running(GreenMail smtp, IntakeService intake, String adminToken) {
    static Running start() {
      Deque<AutoCloseable> started = new ArrayDeque<>();
      GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      started.push(smtp::stop);
      String adminToken = UUID.randomUUID().toString();
      byte[] masterKey = new byte[32];
      new SecureRandom().nextBytes(masterKey);
      try {
        java.nio.file.Path rulesState = Files.createTempDirectory("vigie-e2e-rules");
        // pushed first, so closed last: after the rules service has released it
        started.push(() -> org.apache.kafka.common.utils.Utils.delete(rulesState.toFile()));
        Config config = Config.of(Map.ofEntries(
            Map.entry(ConfigNames.KAFKA_BOOTSTRAP_SERVERS, SharedKafka.bootstrapServers()),
            Map.entry(ConfigNames.VIGIE_DB_URL, SharedPostgres.newDatabaseUrl()),
            Map.entry(ConfigNames.SMTP_HOST, "127.0.0.1"),
            Map.entry(ConfigNames.SMTP_PORT, String.valueOf(smtp.getSmtp().getPort())),
            Map.entry(ConfigNames.SMTP_FROM, "vigie@test.example"),
            Map.entry(ConfigNames.VIGIE_HTTP_PORT, "0"),
            Map.entry(ConfigNames.VIGIE_ADMIN_TOKEN, adminToken),
            Map.entry(IntakeSettings.VIGIE_MASTER_KEY, Base64.getEncoder().encodeToString(masterKey)),
            // a known port, so that the acknowledgement links in the mails (localhost:<port>) work
            Map.entry(NotifierSettings.VIGIE_NOTIFIER_HTTP_PORT, String.valueOf(FreePorts.pick())),
            Map.entry(NotifierSettings.VIGIE_NOTIFIER_SETTLE, "PT0S"),
            Map.entry("VIGIE_RULES_OPS_PORT", "0"),
            // a settings change is applied on the next tick: one a second, not the default minute
            Map.entry(RulesSettings.TICK_SECONDS, "1"),
            Map.entry(RulesSettings.STATE_DIR, rulesState.toString())));
        IntakeService intake = IntakeService.start(config);
        started.push(intake);
        RulesService rules = RulesService.from(RulesSettings.from(config));
        rules.start();
        started.push(rules);
        started.push(NotifierService.start(config));
        SharedKafka.closeBeforeBroker(() -> stopAll(started));
        return new Running(smtp, intake, adminToken);
      } catch (IOException e) {
        stopAll(started);
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        stopAll(started);
        throw e;
      }
    }

    private static void stopAll(Deque<AutoCloseable> started) {
      while (!started.isEmpty()) {
        try {
          started.pop().close();
        } catch (Exception e) {
          // keep stopping the others
        }
      }
    }
  }
}
