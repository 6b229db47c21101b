package org.vigie.notifier.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import org.vigie.notifier.ack.Acknowledger;
import org.vigie.platform.ops.OpsRoutes;
import org.vigie.platform.ops.ProblemErrorHandler;
import org.vigie.platform.ops.Readiness;

/**
 * The notifier's own HTTP server: the acknowledgement links ({@code GET /ack/{token}} shows the alert and a button,
 * {@code POST /ack/{token}} takes it in hand) plus the ops endpoints.
 */
public final class NotifierHttp implements AutoCloseable {
  private final Javalin app;

  private NotifierHttp(Javalin app) {
    this.app = app;
  }

  /** @param pageUrl the volunteers' page, which the acknowledgement pages link to */
  public static NotifierHttp start(int port, Acknowledger acknowledger, Readiness readiness, PrometheusMeterRegistry registry,
      Optional<String> pageUrl) {
    AckPage pages = new AckPage(pageUrl);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      OpsRoutes.install(config, readiness, registry);
      ProblemErrorHandler.install(config);
      // opening the link shows the alert: a mail scanner or a link preview opens every link, and must not take it in hand
      config.routes.get("/ack/{token}", ctx -> answer(ctx, pages, acknowledger.inspect(ctx.pathParam("token"))));
      config.routes.post("/ack/{token}", ctx -> answer(ctx, pages, acknowledger.acknowledge(ctx.pathParam("token"))));
    });
    app.start("0.0.0.0", port);
    return new NotifierHttp(app);
  }

  private static void answer(Context ctx, AckPage pages, Acknowledger.Outcome outcome) {
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    ctx.status(AckPage.status(outcome.result())).html(pages.render(outcome));
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
