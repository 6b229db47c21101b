package org.vigie.rules.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Key of the deadline index: the due instant as 8 big-endian bytes, then the case id. Byte order is
 * due order, so "everything due by now" is one range scan from the lowest key.
 */
public final class DeadlineKey {
  private DeadlineKey() {}

  public static Bytes of(long dueAtMillis, String caseId) {
    byte[] id = caseId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(8 + id.length).putLong(dueAtMillis).put(id).array());
  }

  /** The lowest key. */
  public static Bytes first() {
    return Bytes.wrap(new byte[8]);
  }

  /** A key above every key due at or before {@code millis}: the upper bound of a due scan. */
  public static Bytes dueBy(long millis) {
    return Bytes.wrap(ByteBuffer.allocate(8).putLong(millis + 1).array());
  }

  public static long dueAt(Bytes key) {
    return ByteBuffer.wrap(key.get()).getLong();
  }

  public static String caseId(Bytes key) {
    byte[] bytes = key.get();
    return new String(bytes, 8, bytes.length - 8, StandardCharsets.UTF_8);
  }
}
