package org.vigie.platform.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Named readiness checks (Kafka reachable, database reachable, …); ready when all pass. */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

  public Readiness add(String name, BooleanSupplier check) {
    checks.put(name, check);
    return this;
  }

  /** Runs every check; a check that throws counts as failed. */
  public Map<String, Boolean> evaluate() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    checks.forEach((name, check) -> {
      boolean ok;
      try {
        ok = check.getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      out.put(name, ok);
    });
    return out;
  }
}
