package org.vigie.intake.outbox;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.vigie.intake.command.WriteBehind;
import org.vigie.intake.command.WriteBehinds;
import org.vigie.intake.copy.CopyRows;
import org.vigie.schemas.topics.Topic;

/**
 * The transactional outbox.
 *
 * <p>Why an outbox: a request's rows (case, timeline entry, vault) and its Kafka record must
 * never be half written. Sending to Kafka inside an open database transaction and committing
 * after the ack still leaves a gap (ack received, commit fails: an event in Kafka that intake does
 * not know). So the record is written to this table in the same transaction as the business
 * rows; after the commit it is sent synchronously (idempotent producer, acks=all) and the API
 * answers 201/202 only once Kafka acknowledged. If the send fails, the client gets 503 and
 * {@link OutboxRelay} publishes the committed record later; a repeated request with the same
 * Idempotency-Key first makes sure its records are published. The rare duplicate (ack lost, then
 * re-sent by the relay) carries the same eventId, the idempotency key consumers deduplicate on.
 */
public final class Outbox {
  private final WriteBehinds writeBehinds;

  public Outbox() {
    this(new WriteBehinds());
  }

  /** In a group-commit transaction, records are queued with a sequence number taken in advance (see {@link WriteBehind}). */
  public Outbox(WriteBehinds writeBehinds) {
    this.writeBehinds = writeBehinds;
  }

  public <K, V> OutboxRecord append(Handle h, Topic<K, V> topic, String key, V value) {
    byte[] bytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    Optional<WriteBehind> writeBehind = writeBehinds.of(h);
    if (writeBehind.isPresent()) {
      long seq = writeBehind.get().nextSeq(n -> reserveSeqs(h, n));
      writeBehind.get().add("INSERT INTO outbox (seq, topic, record_key, payload) VALUES (?, ?, ?, ?)", seq, topic.name(), key, bytes);
      return new OutboxRecord(seq, topic.name(), key, bytes);
    }
    long seq = h.createUpdate("INSERT INTO outbox (topic, record_key, payload) VALUES (?, ?, ?)")
        .bind(0, topic.name()).bind(1, key).bind(2, bytes)
        .executeAndReturnGeneratedKeys("seq")
        .mapTo(Long.class)
        .one();
    return new OutboxRecord(seq, topic.name(), key, bytes);
  }

  /** Appends many records of one topic with one COPY; returns them with their sequence numbers. */
  public <K, V> List<OutboxRecord> appendAll(Handle h, Topic<K, V> topic, List<java.util.Map.Entry<String, V>> keyed) {
    if (keyed.isEmpty()) {
      return List.of();
    }
    List<Long> seqs = reserveSeqs(h, keyed.size());
    CopyRows rows = new CopyRows();
    List<OutboxRecord> out = new java.util.ArrayList<>(keyed.size());
    for (int i = 0; i < keyed.size(); i++) {
      var e = keyed.get(i);
      byte[] bytes = e.getValue() == null ? null : topic.valueSerde().serializer().serialize(topic.name(), e.getValue());
      rows.row(seqs.get(i), topic.name(), e.getKey(), bytes);
      out.add(new OutboxRecord(seqs.get(i), topic.name(), e.getKey(), bytes));
    }
    rows.into(h, "outbox (seq, topic, record_key, payload)");
    return out;
  }

  /** Sequence numbers for records about to be appended, taken with one query. */
  static List<Long> reserveSeqs(Handle h, int n) {
    // Plain JDBC: once per group-commit batch, where the statement layer's mapping costs more than the query.
    try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(
        "SELECT nextval(pg_get_serial_sequence('outbox', 'seq')) FROM generate_series(1, ?)")) {
      ps.setInt(1, n);
      List<Long> seqs = new java.util.ArrayList<>(n);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
      return seqs;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Reserving outbox sequence numbers failed: " + e.getSQLState(), e);
    }
  }

  public List<OutboxRecord> pending(Handle h, List<Long> seqs) {
    return h.createQuery("SELECT seq, topic, record_key, payload FROM outbox WHERE seq = ANY(?) AND published_at IS NULL ORDER BY seq")
        .bind(0, seqs.toArray(new Long[0]))
        .map((rs, ctx) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
        .list();
  }

  /** Unpublished records older than a delay (those of a request still in flight are left to it). */
  public List<OutboxRecord> lockStale(Handle h, int olderThanSeconds, int limit) {
    return h.createQuery("""
            SELECT seq, topic, record_key, payload FROM outbox
            WHERE published_at IS NULL AND created_at < now() - make_interval(secs => ?)
            ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")
        .bind(0, olderThanSeconds).bind(1, limit)
        .map((rs, ctx) -> new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
        .list();
  }

  /**
   * Published records leave the outbox (a delete writes far less than an update of the row, and the
   * table stays the size of what is pending); {@code published_at} stays NULL for the rows left.
   */
  public void markPublished(Handle h, List<Long> seqs) {
    if (!seqs.isEmpty()) {
      h.createUpdate("DELETE FROM outbox WHERE seq = ANY(?)")
          .bind(0, seqs.toArray(new Long[0]))
          .execute();
    }
  }
}
