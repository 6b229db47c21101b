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
  private static final String ICON = "/org/vigie/intake/web/favicon.svg";

  private WebPage() {}

  public static void install(JavalinConfig cfg) {
    byte[] page = ClasspathResource.bytes(RESOURCE);
    cfg.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8")
        .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'; img-src 'self' blob:")
        .header("X-Content-Type-Options", "nosniff")
        .result(page));
    // the tab's icon: the page names it; a browser asks for /favicon.ico of any other address it shows
    byte[] icon = ClasspathResource.bytes(ICON);
    for (String path : new String[] {"/favicon.svg", "/favicon.ico"}) {
      cfg.routes.get(path, ctx -> ctx.contentType("image/svg+xml").header("Cache-Control", "max-age=86400")
          .header("X-Content-Type-Options", "nosniff").result(icon));
    }
  }
}
