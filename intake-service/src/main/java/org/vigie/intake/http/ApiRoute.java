package org.vigie.intake.http;

import io.javalin.http.HandlerType;
import java.util.Set;
import org.vigie.intake.auth.Role;

/**
 * One endpoint of the API: method, path, the roles that may call it, and whether its body may be
 * large (CSV import). Every route of {@code /api/v1} is declared this way.
 */
public record ApiRoute(HandlerType method, String path, Set<Role> roles, ApiHandler handler, boolean largeBody) {
  public static ApiRoute of(HandlerType method, String path, Set<Role> roles, ApiHandler handler) {
    return new ApiRoute(method, path, roles, handler, false);
  }

  public ApiRoute withLargeBody() {
    return new ApiRoute(method, path, roles, handler, true);
  }
}
