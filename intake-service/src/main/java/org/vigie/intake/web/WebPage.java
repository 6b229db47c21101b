package org.vigie.intake.web;

import io.javalin.config.JavalinConfig;
import org.vigie.intake.http.ClasspathResource;

/**
 * The volunteers' small web page (French, English on a switch), served at {@code /}: open alerts, cases, a form to
 * open a case, one to record an event, the import of a spreadsheet (coordinators) with its refused lines, and each
 * case's timeline as a PDF. It is static; everything goes through the JSON API with the volunteer's token.
 */
public final class WebPage {
  private static final String RESOURCE = "/org/vigie/intake/web/index.html";

  private WebPage() {}

  public static void install(JavalinConfig cfg) {
    byte[] page = ClasspathResource.bytes(RESOURCE);
    cfg.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8")
        .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'; img-src 'self' blob:")
        .header("X-Content-Type-Options", "nosniff")
        .result(page));
  }
}
