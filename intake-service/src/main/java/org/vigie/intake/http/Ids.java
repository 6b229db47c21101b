package org.vigie.intake.http;

import java.util.Optional;
import java.util.UUID;

/** Path ids: anything that is not a UUID cannot exist, so it is a 404 like another association's id. */
public final class Ids {
  private Ids() {}

  public static UUID path(String raw, Resource what) {
    return parse(raw).orElseThrow(() -> ApiProblem.notFound(what));
  }

  /** The UUID written in its canonical 36 characters, if {@code raw} is one. */
  public static Optional<UUID> parse(String raw) {
    try {
      if (raw != null && raw.length() == 36) {
        return Optional.of(UUID.fromString(raw));
      }
    } catch (IllegalArgumentException e) {
      // not one
    }
    return Optional.empty();
  }
}
