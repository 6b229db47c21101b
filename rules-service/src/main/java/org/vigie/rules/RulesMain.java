package org.vigie.rules;

import java.util.concurrent.CountDownLatch;
import org.vigie.platform.config.Config;

/** Reads the configuration, builds and starts the rules service, stops it on shutdown. */
public final class RulesMain {
  private RulesMain() {}

  public static void main(String[] args) throws InterruptedException {
    RulesService service = RulesService.from(RulesSettings.from(Config.fromEnvironment()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "rules-shutdown"));
    service.start();
    stopped.await();
  }
}
