package org.vigie.cli.local;

import java.util.List;
import java.util.function.Function;
import org.vigie.intake.IntakeService;
import org.vigie.notifier.NotifierService;
import org.vigie.platform.config.Config;

/** The three services of Vigie, in start order: intake (the API), rules, notifier. */
public final class VigieServices {
  private VigieServices() {}

  public static List<ServiceLauncher> all() {
    return List.of(intake(), notifier());
  }

  static ServiceLauncher intake() {
    return launcher("intake", c -> {
      IntakeService s = IntakeService.start(c);
      return new ServiceLauncher.Started("intake", s, "http://localhost:" + s.port());
    });
  }

  static ServiceLauncher notifier() {
    return launcher("notifier", c -> {
      NotifierService s = NotifierService.start(c);
      return new ServiceLauncher.Started("notifier", s, "http://localhost:" + s.port());
    });
  }

  private static ServiceLauncher launcher(String name, Function<Config, ServiceLauncher.Started> start) {
    return new ServiceLauncher(name, start);
  }
}
