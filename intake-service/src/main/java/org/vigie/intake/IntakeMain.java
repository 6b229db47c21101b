package org.vigie.intake;

import org.vigie.platform.config.Config;
import org.vigie.platform.ops.Startup;

/** {@code java -cp … org.vigie.intake.IntakeMain}: intake alone, configured by environment variables. */
public final class IntakeMain {
  private IntakeMain() {}

  public static void main(String[] args) {
    // A configuration it cannot use, a port taken, PostgreSQL or Kafka unreachable: one line naming the variable
    IntakeService service = Startup.orExit("intake", () -> IntakeService.start(Config.fromEnvironment()));
    Startup.stopOnShutdown("intake", service::close);
  }
}
