package org.vigie.notifier.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.vigie.notifier.ack.Acknowledger;
import org.vigie.platform.ops.OpsRoutes;
import org.vigie.platform.ops.ProblemErrorHandler;
import org.vigie.platform.ops.Readiness;

/** The notifier's own HTTP server: {@code GET /ack/{token}} plus the ops endpoints. */
public final class NotifierHttp implements AutoCloseable {
  private final Javalin app;

  private NotifierHttp(Javalin app) {
    this.app = app;
  }

  public static NotifierHttp start(int port, Acknowledger acknowledger, Readiness readiness, PrometheusMeterRegistry registry) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      OpsRoutes.install(config, readiness, registry);
      ProblemErrorHandler.install(config);
      config.routes.get("/ack/{token}", ctx -> {
        Acknowledger.Outcome outcome = acknowledger.acknowledge(ctx.pathParam("token"));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.status(AckPage.status(outcome.result())).html(AckPage.render(outcome));
      });
    });
    app.start("0.0.0.0", port);
    return new NotifierHttp(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
