package org.vigie.intake.copy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)}, the cheapest way to insert many
 * rows: one statement, no per-row binding, and no text for the server to parse back into uuids,
 * dates and timestamps. Binary values must match their column's type exactly, so the Java type
 * names it: null, {@link UUID} (uuid), {@link String} and enums (text), {@code byte[]} (bytea),
 * {@link Boolean} (boolean), {@link Instant} (timestamptz, microseconds), {@link LocalDate} (date)
 * and {@link JsonNode} (json). Any other type is refused: an int could be int2, int4 or int8.
 */
public final class CopyRows {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  /** PostgreSQL's epoch, 2000-01-01, in days and seconds since 1970-01-01. */
  private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  /** COPY's binary format is big-endian (network order). */
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buf = new byte[8192];
  private int len;
  private int rows;
  private JsonGenerator json;

  public CopyRows() {
    bytes(SIGNATURE);
    int32(0); // flags
    int32(0); // header extension length
  }

  /** Appends one row; {@code values} are in the order of the columns given to {@link #into}. */
  public CopyRows row(Object... values) {
    int16(values.length);
    for (Object v : values) {
      field(v);
    }
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
    int16(-1); // trailer
    CopyIn copy = null;
    try {
      copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + tableAndColumns + " FROM STDIN (FORMAT binary)");
      copy.writeToCopy(buf, 0, len);
      return copy.endCopy();
    } catch (SQLException e) {
      cancel(copy);
      throw new IllegalStateException("COPY into " + tableAndColumns.split(" ")[0] + " failed", e);
    } finally {
      len -= 2; // the rows stay usable (another into, or more rows) without the trailer
    }
  }

  private static void cancel(CopyIn copy) {
    if (copy != null && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException ignored) {
        // the transaction fails anyway; its rollback ends the copy
      }
    }
  }

  private void field(Object v) {
    if (v == null) {
      int32(-1);
    } else if (v instanceof UUID u) {
      ensure(20);
      INT.set(buf, len, 16);
      LONG.set(buf, len + 4, u.getMostSignificantBits());
      LONG.set(buf, len + 12, u.getLeastSignificantBits());
      len += 20;
    } else if (v instanceof String s) {
      text(s);
    } else if (v instanceof Enum<?> e) {
      text(e.name());
    } else if (v instanceof byte[] b) {
      int32(b.length);
      bytes(b);
    } else if (v instanceof Boolean b) {
      ensure(5);
      INT.set(buf, len, 1);
      buf[len + 4] = (byte) (b ? 1 : 0);
      len += 5;
    } else if (v instanceof Instant i) {
      ensure(12);
      INT.set(buf, len, 8);
      LONG.set(buf, len + 4, Math.multiplyExact(i.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L) + i.getNano() / 1_000);
      len += 12;
    } else if (v instanceof LocalDate d) {
      ensure(8);
      INT.set(buf, len, 4);
      INT.set(buf, len + 4, Math.toIntExact(d.toEpochDay() - PG_EPOCH_DAY));
      len += 8;
    } else if (v instanceof JsonNode node) {
      json(node);
    } else {
      throw new IllegalArgumentException("No binary COPY form for " + v.getClass().getName());
    }
  }

  /** A json value: its text, written straight into the buffer by one generator per instance. */
  private void json(JsonNode value) {
    int at = len;
    int32(0); // its length, known once written
    try {
      if (json == null) {
        json = JSON.createGenerator(new Sink());
        json.setRootValueSeparator(null);
      }
      json.writeTree(value);
      json.flush();
    } catch (IOException e) {
      throw new IllegalArgumentException("JSON value cannot be written", e);
    }
    INT.set(buf, at, len - at - 4);
  }

  /** Appends what the JSON generator writes to the buffer. */
  private final class Sink extends OutputStream {
    @Override
    public void write(int b) {
      ensure(1);
      buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) {
      ensure(n);
      System.arraycopy(b, off, buf, len, n);
      len += n;
    }
  }

  /** A text value in UTF-8: ASCII (most values: codes, enums, references) is written as it is read. */
  private void text(String s) {
    int n = s.length();
    ensure(4 + n);
    int at = len + 4;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int32(utf8.length);
        bytes(utf8);
        return;
      }
      buf[at + i] = (byte) c;
    }
    INT.set(buf, len, n);
    len = at + n;
  }

  private void bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void int16(int v) {
    ensure(2);
    SHORT.set(buf, len, (short) v);
    len += 2;
  }

  private void int32(int v) {
    ensure(4);
    INT.set(buf, len, v);
    len += 4;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
