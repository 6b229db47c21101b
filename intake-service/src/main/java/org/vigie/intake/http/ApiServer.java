package org.vigie.intake.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.ops.OpsRoutes;
import org.vigie.platform.ops.ProblemErrorHandler;
import org.vigie.platform.ops.Readiness;

/** The intake HTTP server: API routes behind the guard, problems, metrics, ops endpoints. */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String STARTED = "vigie.started";

  private ApiServer() {}

  private record TimerKey(String method, String route, int status) {}

  static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null && b.length() < 2000; t = t.getCause()) {
      b.append(t.getClass().getName());
      StackTraceElement[] st = t.getStackTrace();
      for (int i = 0; i < Math.min(4, st.length); i++) {
        b.append(" at ").append(st[i]);
      }
      b.append("; ");
    }
    return b.toString();
  }

  /** Builds (not starts) the Javalin app; {@code extra} adds non-API routes (OpenAPI, web page). */
  public static Javalin create(List<ApiRoute> routes, RouteGuard guard, ProblemResponder problems, Readiness readiness,
      PrometheusMeterRegistry registry, long maxRequestBytes, Consumer<io.javalin.config.JavalinConfig> extra) {
    // The registry's own lookup builds and hashes the meter id on every request; these are few.
    java.util.Map<TimerKey, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = maxRequestBytes;
      cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
      cfg.routes.after(ctx -> {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
          String route = ctx.attribute(RouteGuard.ROUTE);
          if (route == null) {
            route = ctx.statusCode() == 404 ? "unmatched" : ctx.path().replaceAll("[0-9a-f-]{36}", "{id}");
          }
          String method = ctx.method().name();
          int status = ctx.statusCode();
          timers.computeIfAbsent(new TimerKey(method, route, status), k -> Timer.builder("vigie_intake_http_requests")
                  .tag("method", method).tag("route", k.route()).tag("status", Integer.toString(status))
                  .publishPercentileHistogram(false)
                  .register(registry))
              .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
      });
      for (ApiRoute r : routes) {
        cfg.routes.addHttpHandler(r.method(), r.path(), guard.wrap(r), r.roles().toArray(new io.javalin.security.RouteRole[0]));
      }
      OpsRoutes.install(cfg, readiness, registry);
      ProblemErrorHandler.install(cfg);
      extra.accept(cfg);
      cfg.routes.exception(ApiProblem.class, (e, ctx) -> problems.respond(ctx, e));
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problems.respond(ctx,
          e.getStatus() == 413 ? ApiProblem.tooLarge(maxRequestBytes)
              : new ApiProblem(e.getStatus(), "http-" + e.getStatus(), "Erreur / Error",
                  new Detail("Requête refusée", "Request rejected"), null)));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        // Messages may quote request values (personal data): log the exception classes and where, never messages.
        LOG.error("Unexpected error on {} {}: {}", ctx.method(), ctx.path().replaceAll("[0-9a-f-]{36}", "{id}"), describe(e));
        problems.respond(ctx, new ApiProblem(500, "internal", "Erreur interne / Internal error",
            new Detail("Erreur inattendue", "Unexpected error"), null));
      });
    });
  }
}
