package org.vigie.intake.outbox;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Several outbox records stored in ONE outbox row (the records of a group-commit transaction, or of an
 * import chunk): one row to insert and to delete instead of one per record. The records share the
 * row's sequence number; they are published, and the row deleted, together.
 *
 * <p>Encoding: the record count (int), then for each record its topic (modified UTF-8), key and
 * value (each an int length, -1 for null, then the bytes).
 */
public final class OutboxBatch {
  private final long seq;
  private final List<OutboxRecord> records = new ArrayList<>();

  public OutboxBatch(long seq) {
    this.seq = seq;
  }

  public long seq() {
    return seq;
  }

  /** Adds a record to the row; returns it with the row's sequence number. */
  public OutboxRecord add(String topic, String key, byte[] value) {
    OutboxRecord r = new OutboxRecord(seq, topic, key, value);
    records.add(r);
    return r;
  }

  public byte[] encode() {
    return encode(records);
  }

  static byte[] encode(List<OutboxRecord> records) {
    int size = 4;
    for (OutboxRecord r : records) {
      size += 2 + r.topic().length() + 8 + (r.key() == null ? 0 : r.key().length() * 3) + (r.value() == null ? 0 : r.value().length);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(records.size());
      for (OutboxRecord r : records) {
        out.writeUTF(r.topic());
        write(out, r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8));
        write(out, r.value());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** The records of a row written by {@link #encode()}. */
  static List<OutboxRecord> decode(long seq, byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
      int n = in.readInt();
      List<OutboxRecord> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String topic = in.readUTF();
        byte[] key = read(in);
        out.add(new OutboxRecord(seq, topic, key == null ? null : new String(key, StandardCharsets.UTF_8), read(in)));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt outbox row " + seq, e);
    }
  }

  private static void write(DataOutputStream out, byte[] b) throws IOException {
    if (b == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(b.length);
      out.write(b);
    }
  }

  private static byte[] read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
