package org.vigie.cli.local;

import java.util.function.Function;
import org.vigie.platform.config.Config;

/** Starts one Vigie service in this JVM from a configuration. */
public record ServiceLauncher(String name, Function<Config, Started> starter) {

  public Started start(Config config) {
    return starter.apply(config);
  }

  /** A running service: what stops it and where it answers. */
  public record Started(String name, AutoCloseable handle, String url) {}
}
