package org.vigie.audit.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The TrueType files the PDFs embed, read once from the classpath (DejaVu Sans, regular and bold). */
final class PdfFonts {
  private static final String DIRECTORY = "/net/sf/jasperreports/fonts/dejavu/";
  static final byte[] REGULAR = read("DejaVuSans.ttf");
  static final byte[] BOLD = read("DejaVuSans-Bold.ttf");

  private PdfFonts() {}

  private static byte[] read(String file) {
    try (InputStream in = PdfFonts.class.getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("Font " + file + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
