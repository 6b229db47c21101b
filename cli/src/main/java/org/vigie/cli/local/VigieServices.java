package org.vigie.cli.local;

import java.util.List;
import org.vigie.intake.IntakeService;
import org.vigie.notifier.NotifierService;
import org.vigie.rules.RulesService;
import org.vigie.rules.RulesSettings;

/** The three services of Vigie, in start order: intake (the API), rules, notifier. */
public final class VigieServices {
  private VigieServices() {}

  public static List<ServiceLauncher> all() {
    return List.of(intake(), rules(), notifier());
  }

  static ServiceLauncher intake() {
    return new ServiceLauncher("intake", c -> {
      IntakeService s = IntakeService.start(c);
      return new ServiceLauncher.Started("intake", s, "http://localhost:" + s.port());
    });
  }

  static ServiceLauncher rules() {
    return new ServiceLauncher("rules", c -> {
      RulesService s = RulesService.from(RulesSettings.from(c));
      s.start();
      return new ServiceLauncher.Started("rules", s,
          "http://localhost:" + c.get(LocalNames.VIGIE_RULES_OPS_PORT, String.valueOf(LocalNames.DEFAULT_RULES_OPS_PORT)) + "/health");
    });
  }

  static ServiceLauncher notifier() {
    return new ServiceLauncher("notifier", c -> {
      NotifierService s = NotifierService.start(c);
      return new ServiceLauncher.Started("notifier", s, "http://localhost:" + s.port());
    });
  }
}
