package org.vigie.cli.local;

import java.util.List;

/** The three services of Vigie, in start order. */
public final class VigieServices {
  private VigieServices() {}

  public static List<ServiceLauncher> all() {
    return List.of();
  }
}
