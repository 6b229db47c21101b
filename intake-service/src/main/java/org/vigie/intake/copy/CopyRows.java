package org.vigie.intake.copy;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} (text format), the cheapest way to insert many
 * rows: one statement, no per-row binding. Values: null, text (escaped), byte[] (bytea), Boolean,
 * Instant (timestamptz), and anything whose {@code toString()} PostgreSQL parses (UUID, LocalDate,
 * numbers, JSON text).
 */
public final class CopyRows {
  private static final HexFormat HEX = HexFormat.of();
  private final StringBuilder text = new StringBuilder(4096);
  private boolean rowStart = true;
  private int rows;

  /** Appends one row. */
  public CopyRows row(Object... values) {
    for (Object v : values) {
      if (!rowStart) {
        text.append('\t');
      }
      rowStart = false;
      append(v);
    }
    text.append('\n');
    rowStart = true;
    rows++;
    return this;
  }

  public int size() {
    return rows;
  }

  /** Copies the rows into {@code table (columns)} in the handle's transaction; returns the row count. */
  public long into(Handle h, String tableAndColumns) {
    if (rows == 0) {
      return 0;
    }
    try {
      return h.getConnection().unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + tableAndColumns + " FROM STDIN",
              // the driver's connections speak UTF-8; bytes spare it re-encoding the text chunk by chunk
              new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("COPY into " + tableAndColumns.split(" ")[0] + " failed", e);
    }
  }

  private void append(Object v) {
    if (v == null) {
      text.append("\\N");
    } else if (v instanceof byte[] bytes) {
      text.append("\\\\x").append(HEX.formatHex(bytes));
    } else if (v instanceof Boolean b) {
      text.append(b ? 't' : 'f');
    } else if (v instanceof Instant i) {
      text.append(i.toString());
    } else {
      escape(v.toString());
    }
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        default -> text.append(c);
      }
    }
  }
}
