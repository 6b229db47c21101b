package org.vigie.intake.http;

import java.util.UUID;

/** Path ids: anything that is not a UUID cannot exist, so it is a 404 like another association's id. */
public final class Ids {
  private Ids() {}

  public static UUID path(String raw, Resource what) {
    try {
      if (raw != null && raw.length() == 36) {
        return UUID.fromString(raw);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw ApiProblem.notFound(what);
  }
}
