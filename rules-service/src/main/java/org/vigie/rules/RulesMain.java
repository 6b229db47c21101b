package org.vigie.rules;

import java.util.concurrent.CountDownLatch;
import org.vigie.platform.config.Config;
import org.vigie.platform.ops.Startup;

/** Reads the configuration, builds and starts the rules service, stops it on shutdown. */
public final class RulesMain {
  private RulesMain() {}

  public static void main(String[] args) throws InterruptedException {
    // A configuration it cannot use, a port taken, Kafka unreachable: one line naming the variable, then exit
    RulesService service = Startup.orExit("rules", () -> RulesService.from(RulesSettings.from(Config.fromEnvironment())));
    CountDownLatch stopped = new CountDownLatch(1);
    Startup.stopOnShutdown("rules", () -> {
      service.close();
      stopped.countDown();
    });
    Startup.orExit("rules", () -> {
      service.start();
      return service;
    });
    stopped.await();
  }
}
