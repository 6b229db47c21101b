package org.vigie.platform.ops;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** A small HTTP server with only the ops endpoints, for services that serve nothing else. */
public final class OpsServer implements AutoCloseable {
  private final Javalin app;

  private OpsServer(Javalin app) {
    this.app = app;
  }

  /** Starts on a host and port (0: any free port). */
  public static OpsServer start(String host, int port, Readiness readiness, PrometheusMeterRegistry registry) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      OpsRoutes.install(config, readiness, registry);
      ProblemErrorHandler.install(config);
    });
    app.start(host, port);
    return new OpsServer(app);
  }

  /**
   * As {@link #start(String, int, Readiness, PrometheusMeterRegistry)}; a port taken is a {@link
   * org.vigie.platform.config.ConfigException} naming {@code portVariable}, the variable that set it.
   */
  public static OpsServer start(String host, int port, String portVariable, Readiness readiness,
      PrometheusMeterRegistry registry) {
    try {
      return start(host, port, readiness, registry);
    } catch (RuntimeException e) {
      throw Startup.portFailure(portVariable, port, e);
    }
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
