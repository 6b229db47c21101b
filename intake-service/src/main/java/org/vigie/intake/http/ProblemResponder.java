package org.vigie.intake.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes problems as RFC 9457 {@code application/problem+json}, the detail in the caller's language
 * ({@link Language}), and counts rejections by reason.
 */
public final class ProblemResponder {
  public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
  private final Json json;
  private final MeterRegistry registry;

  public ProblemResponder(Json json, MeterRegistry registry) {
    this.json = json;
    this.registry = registry;
  }

  public void respond(Context ctx, ApiProblem p) {
    Language language = Language.negotiate(ctx.header("Accept-Language"));
    ObjectNode body = json.object()
        .put("type", "/problems/" + p.type())
        .put("title", p.title())
        .put("status", p.status())
        .put("detail", p.detail().in(language))
        .put("instance", ctx.path());
    if (p.field() != null) {
      body.put("field", p.field());
    }
    ctx.header("Content-Language", language.tag());
    ctx.header("Vary", "Accept-Language");
    if (p.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    if (p.status() == 429) {
      ctx.header("Retry-After", "1");
    }
    registry.counter("vigie_intake_rejections", "reason", p.type(), "status", Integer.toString(p.status())).increment();
    ctx.status(p.status()).contentType(CONTENT_TYPE).result(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
