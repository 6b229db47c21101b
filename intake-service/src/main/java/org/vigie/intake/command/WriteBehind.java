package org.vigie.intake.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The writes of a group-commit transaction that nothing in the same transaction reads back
 * (timeline entries, outbox records, Idempotency-Key answers, updates of locked rows): queued while
 * the batch's commands run, then sent as one JDBC batch per statement just before the commit, so a
 * batch costs a few round trips to the database instead of several per write. Also holds the rows
 * the transaction locked (read once for the whole batch, kept up to date by the queued updates), and
 * what a repository gathers over the whole transaction to write as one row (the outbox records).
 *
 * <p>Statements run in the order their SQL first appeared, each SQL's rows in the order queued.
 */
public final class WriteBehind {
  private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();
  private final Map<Object, Object> locked = new HashMap<>();
  private final Map<Class<?>, Object> gathered = new HashMap<>();

  /** A parameter computed when the statements are sent (e.g. a row gathered over the whole transaction). */
  @FunctionalInterface
  public interface Deferred {
    Object value();
  }

  /**
   * Queues a statement (positional parameters; a {@code Long[]} is sent as a bigint array, a
   * {@link Deferred} as its value at flush time).
   */
  public void add(String sql, Object... params) {
    statements.computeIfAbsent(sql, s -> new ArrayList<>()).add(params);
  }

  /** The row kept for this key by {@link #locked(Object, Object)}, if any. */
  public <T> Optional<T> locked(Object key, Class<T> type) {
    return Optional.ofNullable(locked.get(key)).map(type::cast);
  }

  /** Keeps a row this transaction holds locked (its newest state). */
  public void locked(Object key, Object row) {
    locked.put(key, row);
  }

  /** The transaction's one object of this type, created (and e.g. its statement queued) on first use. */
  public <T> T gathered(Class<T> type, Supplier<T> create) {
    Object o = gathered.get(type);
    if (o == null) {
      o = create.get();
      gathered.put(type, o);
    }
    return type.cast(o);
  }

  /** Sends the queued statements; the transaction is still open afterwards. */
  void flush(Handle h) {
    Connection c = h.getConnection();
    try {
      for (Map.Entry<String, List<Object[]>> e : statements.entrySet()) {
        try (PreparedStatement ps = c.prepareStatement(e.getKey())) {
          for (Object[] row : e.getValue()) {
            for (int i = 0; i < row.length; i++) {
              Object v = row[i] instanceof Deferred d ? d.value() : row[i];
              ps.setObject(i + 1, v instanceof Long[] array ? c.createArrayOf("bigint", array) : v);
            }
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Batched writes failed: " + e.getSQLState(), e);
    } finally {
      statements.clear();
    }
  }
}
