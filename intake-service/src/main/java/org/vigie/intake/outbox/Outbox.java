package org.vigie.intake.outbox;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.vigie.intake.command.WriteBehind;
import org.vigie.intake.command.WriteBehinds;
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
  private static final String INSERT_BATCH = "INSERT INTO outbox (seq, records) VALUES (?, ?)";
  private static final String COLUMNS = "seq, topic, record_key, payload, records";
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
      // One row for all the records of the group-commit transaction, inserted when its statements are sent.
      OutboxBatch batch = writeBehind.get().gathered(OutboxBatch.class, () -> {
        OutboxBatch b = new OutboxBatch(nextSeq(h));
        writeBehind.get().add(INSERT_BATCH, b.seq(), (WriteBehind.Deferred) b::encode);
        return b;
      });
      return batch.add(topic.name(), key, bytes);
    }
    long seq = h.createUpdate("INSERT INTO outbox (topic, record_key, payload) VALUES (?, ?, ?)")
        .bind(0, topic.name()).bind(1, key).bind(2, bytes)
        .executeAndReturnGeneratedKeys("seq")
        .mapTo(Long.class)
        .one();
    return new OutboxRecord(seq, topic.name(), key, bytes);
  }

  /** Appends many records of one topic as ONE outbox row; returns them (they share its sequence number). */
  public <K, V> List<OutboxRecord> appendAll(Handle h, Topic<K, V> topic, List<java.util.Map.Entry<String, V>> keyed) {
    if (keyed.isEmpty()) {
      return List.of();
    }
    OutboxBatch batch = new OutboxBatch(nextSeq(h));
    List<OutboxRecord> out = new java.util.ArrayList<>(keyed.size());
    for (var e : keyed) {
      byte[] bytes = e.getValue() == null ? null : topic.valueSerde().serializer().serialize(topic.name(), e.getValue());
      out.add(batch.add(topic.name(), e.getKey(), bytes));
    }
    h.createUpdate(INSERT_BATCH).bind(0, batch.seq()).bind(1, batch.encode()).execute();
    return out;
  }

  /** A sequence number for an outbox row about to be inserted. */
  private static long nextSeq(Handle h) {
    // Plain JDBC: once per group-commit batch, where the statement layer's mapping costs more than the query.
    try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement("SELECT nextval('outbox_seq_seq')");
        java.sql.ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Reserving an outbox sequence number failed: " + e.getSQLState(), e);
    }
  }

  public List<OutboxRecord> pending(Handle h, List<Long> seqs) {
    return flatten(h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE seq = ANY(?) AND published_at IS NULL ORDER BY seq")
        .bind(0, seqs.stream().distinct().toArray(Long[]::new))
        .map((rs, ctx) -> rows(rs))
        .list());
  }

  /** The records of unpublished rows older than a delay (those of a request still in flight are left to it), at most {@code limit} rows. */
  public List<OutboxRecord> lockStale(Handle h, int olderThanSeconds, int limit) {
    return flatten(h.createQuery("SELECT " + COLUMNS + """
             FROM outbox
            WHERE published_at IS NULL AND created_at < now() - make_interval(secs => ?)
            ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")
        .bind(0, olderThanSeconds).bind(1, limit)
        .map((rs, ctx) -> rows(rs))
        .list());
  }

  /** A row's records: several (a batch row) or one (topic, key and payload in their columns). */
  private static List<OutboxRecord> rows(java.sql.ResultSet rs) throws java.sql.SQLException {
    long seq = rs.getLong(1);
    byte[] batch = rs.getBytes(5);
    return batch != null ? OutboxBatch.decode(seq, batch) : List.of(new OutboxRecord(seq, rs.getString(2), rs.getString(3), rs.getBytes(4)));
  }

  private static List<OutboxRecord> flatten(List<List<OutboxRecord>> rows) {
    return rows.stream().flatMap(List::stream).toList();
  }

  /**
   * Published records leave the outbox (a delete writes far less than an update of the row, and the
   * table stays the size of what is pending); {@code published_at} stays NULL for the rows left.
   */
  public void markPublished(Handle h, List<Long> seqs) {
    if (!seqs.isEmpty()) {
      h.createUpdate("DELETE FROM outbox WHERE seq = ANY(?)")
          .bind(0, seqs.stream().distinct().toArray(Long[]::new))
          .execute();
    }
  }
}
