package org.vigie.intake.web;

import io.javalin.config.JavalinConfig;

/** The volunteers' small web page (French), served at {@code /}. */
public final class WebPage {
  private WebPage() {}

  public static void install(JavalinConfig cfg) {
  }
}
