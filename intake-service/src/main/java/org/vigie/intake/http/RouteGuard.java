package org.vigie.intake.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.vigie.intake.auth.Authenticator;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.RateLimiter;

/**
 * Wraps every API route: body size (413), authentication (401), role (403), rate limit per
 * token (429), in that order, then the handler with its caller.
 */
public final class RouteGuard {
  /** Request attribute: the path template of the API route, for metrics. */
  public static final String ROUTE = "vigie.route";
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final long maxBody;
  private final long maxLargeBody;

  public RouteGuard(Authenticator authenticator, RateLimiter rateLimiter, long maxBody, long maxLargeBody) {
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
    this.maxBody = maxBody;
    this.maxLargeBody = maxLargeBody;
  }

  public Handler wrap(ApiRoute route) {
    long limit = route.largeBody() ? maxLargeBody : maxBody;
    return ctx -> {
      ctx.attribute(ROUTE, route.path());
      checkSize(ctx, limit);
      Caller caller = authenticator.authenticate(ctx.header("Authorization")).orElseThrow(ApiProblem::unauthorized);
      if (!route.roles().contains(caller.role())) {
        throw ApiProblem.forbidden();
      }
      if (!caller.isAdmin() && !rateLimiter.tryAcquire(caller.tokenId())) {
        throw ApiProblem.tooManyRequests();
      }
      route.handler().handle(ctx, caller);
    };
  }

  private static void checkSize(Context ctx, long limit) {
    long declared = ctx.contentLength();
    if (declared > limit) {
      throw ApiProblem.tooLarge(limit);
    }
    if (declared < 0 && ctx.header("Transfer-Encoding") != null && ctx.bodyAsBytes().length > limit) {
      throw ApiProblem.tooLarge(limit);
    }
  }
}
