package org.vigie.cli.local;

import org.vigie.platform.config.Config;

/** Starts one Vigie service in this JVM from a configuration. */
public interface ServiceLauncher {
  String name();

  Started start(Config config);

  /** A running service: what stops it and where it answers (empty if it serves nothing). */
  record Started(String name, AutoCloseable handle, String url) {}
}
