package org.vigie.notifier.outbox;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Transactional outbox: records to publish are written in the same transaction as the ledger
 * change they describe, then published by {@link OutboxRelay}. An outcome is never lost by a
 * crash between the database commit and the Kafka send (it may be published twice).
 */
public final class Outbox {
  /** A record waiting to be published. */
  public record Entry(long id, String topic, byte[] key, byte[] payload, String errorKind, String error) {}

  public void add(Handle h, String topic, byte[] key, byte[] payload) {
    add(h, topic, key, payload, null, null);
  }

  public void add(Handle h, String topic, byte[] key, byte[] payload, String errorKind, String error) {
    h.createUpdate("INSERT INTO outbox (topic, record_key, payload, error_kind, error)"
            + " VALUES (:topic, :key, :payload, :kind, :error)")
        .bind("topic", topic)
        .bindByType("key", key, byte[].class)
        .bind("payload", payload)
        .bindByType("kind", errorKind, String.class)
        .bindByType("error", error, String.class)
        .execute();
  }

  /** Adds many records to one topic in one round trip: (key, payload) pairs. */
  public void addAll(Handle h, String topic, List<byte[][]> records) {
    if (records.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("INSERT INTO outbox (topic, record_key, payload) VALUES (:topic, :key, :payload)");
    for (byte[][] r : records) {
      batch.bind("topic", topic).bindByType("key", r[0], byte[].class).bind("payload", r[1]).add();
    }
    batch.execute();
  }

  /** The oldest entries, locked so that another relay skips them. */
  List<Entry> lockBatch(Handle h, int limit) {
    return h.createQuery("SELECT id, topic, record_key, payload, error_kind, error FROM outbox ORDER BY id"
            + " LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("limit", limit)
        .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getString("topic"), rs.getBytes("record_key"),
            rs.getBytes("payload"), rs.getString("error_kind"), rs.getString("error")))
        .list();
  }

  void delete(Handle h, List<Long> ids) {
    h.createUpdate("DELETE FROM outbox WHERE id IN (<ids>)").bindList("ids", ids).execute();
  }
}
