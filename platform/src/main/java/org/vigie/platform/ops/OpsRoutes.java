package org.vigie.platform.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/**
 * The operations endpoints every service serves: {@code /health} (liveness), {@code /ready}
 * (readiness: 503 while a dependency is unreachable) and {@code /metrics} (Prometheus).
 */
public final class OpsRoutes {
  private OpsRoutes() {}

  public static void install(JavalinConfig config, Readiness readiness, PrometheusMeterRegistry registry) {
    config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    config.routes.get("/ready", ctx -> {
      Map<String, Boolean> checks = readiness.evaluate();
      boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
      ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("status", ready ? "UP" : "DOWN", "checks", checks));
    });
    config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }
}
