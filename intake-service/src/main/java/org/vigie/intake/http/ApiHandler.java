package org.vigie.intake.http;

import io.javalin.http.Context;
import org.vigie.intake.auth.Caller;

/** A route handler that receives the authenticated caller. */
@FunctionalInterface
public interface ApiHandler {
  void handle(Context ctx, Caller caller) throws Exception;
}
