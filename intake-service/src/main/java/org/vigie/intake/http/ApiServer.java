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

  private static ApiProblem methodNotAllowed(io.javalin.http.Context ctx, HttpResponseException e) {
    // Javalin lists the path's methods as "availableMethods" (e.g. "[GET, POST]")
    String allowed = e.getDetails().getOrDefault("availableMethods", "").replaceAll("[\\[\\]]", "");
    if (!allowed.isBlank()) {
      ctx.header("Allow", allowed);
    }
    return new ApiProblem(405, "method-not-allowed", "Méthode non permise / Method not allowed",
        new Detail("Cette adresse n'accepte pas la méthode " + ctx.method().name() + " (méthodes permises : " + allowed + ")",
            "This path does not take " + ctx.method().name() + " (allowed: " + allowed + ")"), null);
  }

  /**
   * A NUL character (%00) in a query parameter is refused before any route reads it: no text Vigie keeps or looks
   * for holds one, and PostgreSQL refuses it in a query's text.
   */
  private static void refuseNulInQuery(io.javalin.http.Context ctx) {
    String query = ctx.queryString();
    if (query == null || !query.contains("%00")) {
      return;
    }
    ctx.queryParamMap().forEach((name, values) -> {
      if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        String shown = name.replace("\0", "");
        throw ApiProblem.badRequest(shown, "Le paramètre '" + shown + "' contient un caractère nul",
            "Query parameter '" + shown + "' contains a NUL character");
      }
    });
  }

  /** Builds (not starts) the Javalin app; {@code extra} adds non-API routes (OpenAPI, web page). */
  public static Javalin create(List<ApiRoute> routes, RouteGuard guard, ProblemResponder problems, Readiness readiness,
      PrometheusMeterRegistry registry, long maxRequestBytes, Consumer<io.javalin.config.JavalinConfig> extra) {
    // The registry's own lookup builds and hashes the meter id on every request; these are few.
    java.util.Map<TimerKey, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = maxRequestBytes;
      // a known path asked with another method is 405 with its Allow header, not a 404 saying the path does not exist
      cfg.http.prefer405over404 = true;
      cfg.routes.before(ctx -> {
        ctx.attribute(STARTED, System.nanoTime());
        refuseNulInQuery(ctx);
      });
      cfg.routes.after(ctx -> {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
          String route = ctx.attribute(RouteGuard.ROUTE);
          if (route == null) {
            // no route ran: the path may be anything the client made up, which must not become a metric's label
            route = ctx.statusCode() == 404 || ctx.statusCode() == 405 ? "unmatched" : ctx.path().replaceAll("[0-9a-f-]{36}", "{id}");
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
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problems.respond(ctx, switch (e.getStatus()) {
        case 413 -> ApiProblem.tooLarge(maxRequestBytes);
        case 405 -> methodNotAllowed(ctx, e);
        default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), "Erreur / Error",
            new Detail("Requête refusée", "Request rejected"), null);
      }));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        // Messages may quote request values (personal data): log the exception classes and where, never messages.
        LOG.error("Unexpected error on {} {}: {}", ctx.method(), ctx.path().replaceAll("[0-9a-f-]{36}", "{id}"), describe(e));
        problems.respond(ctx, new ApiProblem(500, "internal", "Erreur interne / Internal error",
            new Detail("Erreur inattendue", "Unexpected error"), null));
      });
    });
  }
}
