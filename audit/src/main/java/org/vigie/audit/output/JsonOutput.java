package org.vigie.audit.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** JSON of the audit reports: ISO dates and instants, fields in declaration order, indented. */
public final class JsonOutput {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonOutput() {}

  /** The shared, configured mapper (immutable once built; safe to share). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Object report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + report.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static void write(Object report, Writer out) {
    try {
      MAPPER.writeValue(out, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
