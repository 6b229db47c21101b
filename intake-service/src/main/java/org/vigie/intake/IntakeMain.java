package org.vigie.intake;

import org.vigie.platform.config.Config;

/** {@code java -cp … org.vigie.intake.IntakeMain}: intake alone, configured by environment variables. */
public final class IntakeMain {
  private IntakeMain() {}

  public static void main(String[] args) {
    IntakeService service = IntakeService.start(Config.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "intake-stop"));
  }
}
