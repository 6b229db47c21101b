package org.vigie.audit.timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.vigie.audit.output.JsonOutput;

/** The export formats of a timeline, with their media types, for `?format=` and `--format`. */
public enum TimelineFormat {
  JSON("application/json", "json"),
  CSV("text/csv; charset=utf-8", "csv"),
  PDF("application/pdf", "pdf");

  private final String contentType;
  private final String extension;

  TimelineFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** "json", "csv" or "pdf" in any case; empty for anything else (answer 400 naming the parameter). */
  public static Optional<TimelineFormat> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (TimelineFormat f : values()) {
      if (f.extension.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Writes the timeline; does not close {@code out}. */
  public void write(CaseTimeline timeline, OutputStream out) {
    if (this == PDF) {
      TimelinePdf.render(timeline, out);
      return;
    }
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      if (this == JSON) {
        JsonOutput.write(timeline, writer);
      } else {
        TimelineCsv.write(timeline, writer);
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
