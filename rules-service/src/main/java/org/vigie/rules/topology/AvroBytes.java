package org.vigie.rules.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Avro binary encoding into a growing array, for the hand-coded writers of the records the
 * topology writes most ({@link CaseStateSerde}, {@link CaseAlertSerializer}): zig-zag varints,
 * length-prefixed UTF-8, union branch indexes, arrays as one block then 0.
 */
final class AvroBytes {
  private byte[] buf;
  private int pos;

  AvroBytes(int capacity) {
    buf = new byte[capacity];
  }

  byte[] bytes() {
    return Arrays.copyOf(buf, pos);
  }

  /** Empties the buffer to write another record into it, keeping its capacity. */
  AvroBytes reset() {
    pos = 0;
    return this;
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
    }
  }

  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  void varlong(long n) {
    ensure(10);
    long z = (n << 1) ^ (n >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
  }

  void index(int i) {
    varlong(i);
  }

  void bool(boolean b) {
    ensure(1);
    buf[pos++] = (byte) (b ? 1 : 0);
  }

  /**
   * Length-prefixed UTF-8, encoded straight into the buffer: alert messages are long and accented,
   * and {@code getBytes} copies them twice before they are copied here.
   */
  void string(String s) {
    int n = s.length();
    int length = utf8Length(s, n);
    if (length < 0) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8); // unpaired surrogates: the JDK's replacement rules
      varlong(utf8.length);
      raw(utf8);
      return;
    }
    varlong(length);
    ensure(length);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[pos++] = (byte) (0xF0 | (cp >> 18));
        buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        buf[pos++] = (byte) (0xE0 | (c >> 12));
        buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  /** The UTF-8 length of {@code s}, or -1 if it holds an unpaired surrogate. */
  private static int utf8Length(String s, int n) {
    int length = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          length += 1;
        } else if (Character.isSurrogate(c)) {
          if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(s.charAt(i + 1))) {
            return -1;
          }
          length += 2; // four bytes for the pair's two chars
          i++;
        } else {
          length += 2;
        }
      }
    }
    return length;
  }

  void date(LocalDate d) {
    varlong(d.toEpochDay());
  }

  void instant(Instant t) {
    varlong(t.toEpochMilli());
  }

  void enumeration(Enum<?> e) {
    varlong(e.ordinal());
  }

  void nullableString(String s) {
    if (s == null) {
      index(0);
    } else {
      index(1);
      string(s);
    }
  }

  void nullableDate(LocalDate d) {
    if (d == null) {
      index(0);
    } else {
      index(1);
      date(d);
    }
  }

  void nullableEnum(Enum<?> e) {
    if (e == null) {
      index(0);
    } else {
      index(1);
      enumeration(e);
    }
  }

  void nullableBool(Boolean b) {
    if (b == null) {
      index(0);
    } else {
      index(1);
      bool(b);
    }
  }

  <T> void array(List<T> items, BiConsumer<AvroBytes, T> item) {
    if (!items.isEmpty()) {
      varlong(items.size());
      for (T t : items) {
        item.accept(this, t);
      }
    }
    varlong(0);
  }
}
