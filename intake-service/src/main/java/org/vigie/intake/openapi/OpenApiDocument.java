package org.vigie.intake.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 description of the API, kept beside the code and checked against the routes by a test. */
public final class OpenApiDocument {
  public static final String PATH = "/api/v1/openapi.json";
  private static final String RESOURCE = "/org/vigie/intake/openapi.json";

  private OpenApiDocument() {}

  public static String text() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
