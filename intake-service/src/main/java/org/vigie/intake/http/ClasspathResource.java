package org.vigie.intake.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a resource shipped in the jar (the OpenAPI document, the web page). */
public final class ClasspathResource {
  private ClasspathResource() {}

  public static byte[] bytes(String path) {
    try (InputStream in = ClasspathResource.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
