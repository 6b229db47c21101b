package org.vigie.intake.openapi;

import java.nio.charset.StandardCharsets;
import org.vigie.intake.http.ClasspathResource;

/** The OpenAPI 3.1 description of the API, kept beside the code and checked against the routes by a test. */
public final class OpenApiDocument {
  public static final String PATH = "/api/v1/openapi.json";
  private static final String RESOURCE = "/org/vigie/intake/openapi.json";

  private OpenApiDocument() {}

  public static String text() {
    return new String(ClasspathResource.bytes(RESOURCE), StandardCharsets.UTF_8);
  }
}
