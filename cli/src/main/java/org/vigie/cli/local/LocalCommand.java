package org.vigie.cli.local;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.config.Config;
import org.vigie.platform.ops.Startup;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigie local}: the whole stack on this machine until Ctrl-C. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Démarre Vigie sur cette machine : Kafka, PostgreSQL et SMTP embarqués, puis les trois services.",
      "Starts Vigie on this machine: embedded Kafka, PostgreSQL and SMTP, then the three services.",
      "Data under VIGIE_DATA_DIR (default ./.vigie) survives a restart. Ctrl-C stops it."
    })
public final class LocalCommand implements Callable<Integer> {
  /** How long a stop asked while the stack starts waits for the start to end before stopping without it. */
  static final Duration START_PATIENCE = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(LocalCommand.class);

  private final Config config;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public LocalCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() throws InterruptedException {
    // Ctrl-C while the stack starts (PostgreSQL up, the services not yet): the stop waits for the start to end,
    // then stops what it started, rather than leaving the database's server running after the JVM
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<LocalStack> running = new AtomicReference<>();
    Thread hook = Startup.stopOnShutdown("vigie local", () -> {
      awaitStart(started);
      LocalStack stack = running.get();
      if (stack != null) {
        stack.close();
      }
      stopped.countDown();
    });
    LocalStack stack;
    try {
      stack = LocalStack.start(config, VigieServices.all());
      running.set(stack);
    } catch (RuntimeException | Error e) {
      withdraw(hook); // a start that failed stopped what it had started: no stop to log at exit
      throw e;
    } finally {
      started.countDown();
    }
    PrintWriter out = spec.commandLine().getOut();
    describe(stack, out);
    out.flush();
    stopped.await();
    return 0;
  }

  private static void withdraw(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the stop was asked during the start: the hook runs and finds nothing to stop
    }
  }

  private static void awaitStart(CountDownLatch started) {
    try {
      if (!started.await(START_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("démarrage toujours en cours après {} s : arrêt sans l'attendre / still starting after {} s: stopping "
            + "without it", START_PATIENCE.toSeconds(), START_PATIENCE.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void describe(LocalStack stack, PrintWriter out) {
    out.println();
    out.println("Vigie tourne / Vigie is running");
    for (ServiceLauncher.Started s : stack.services()) {
      if (s.url() != null) {
        out.printf("  %-22s %s%n", s.name(), s.url());
      }
    }
    out.printf("  %-22s %s/  (jeton d'une association / an association's token)%n", "page des bénévoles", stack.intakeUrl());
    out.printf("  %-22s %s%n", "API", stack.intakeUrl() + "/api/v1/openapi.json");
    stack.mailbox().ifPresent(m -> out.printf("  %-22s http://localhost:%d  (SMTP on port %d)%n",
        "courriels / mails", m.webPort(), m.smtpPort()));
    out.printf("  %-22s %s%n", "admin token", stack.adminToken());
    out.printf("  %-22s %s%n", "data", stack.dataDir());
    out.println();
    out.println("Essayer / try:");
    out.printf("  curl -s -X POST %s/api/v1/admin/associations -H 'Authorization: Bearer %s' "
        + "-H 'Content-Type: application/json' -d '{\"name\":\"Permanence test\"}'%n",
        stack.intakeUrl(), stack.adminToken());
    out.println("Ctrl-C pour arrêter / to stop.");
  }
}
