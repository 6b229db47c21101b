package org.vigie.notifier;

import org.vigie.platform.config.Config;
import org.vigie.platform.ops.Startup;

/** Runs the notifier from environment variables until the JVM is asked to stop. */
public final class NotifierMain {
  private NotifierMain() {}

  public static void main(String[] args) {
    // A configuration it cannot use, a port taken, PostgreSQL or Kafka unreachable: one line naming the variable
    NotifierService service = Startup.orExit("notifier", () -> NotifierService.start(Config.fromEnvironment()));
    Startup.stopOnShutdown("notifier", service::close);
  }
}
