package org.vigie.platform.db;

import java.sql.SQLException;

/**
 * Tells a database error caused by the data sent (SQLSTATE class 22, "data exception": a NUL character in a
 * text, a value out of range, …) from the others (connection lost, database down, lock timeout). The first fails
 * again on every retry of the same record; the others may pass on the next.
 */
public final class DataErrors {
  private DataErrors() {}

  /** Whether the first SQL error in {@code error}'s causes is a data exception. */
  public static boolean isDataError(Throwable error) {
    return sqlState(error).startsWith("22");
  }

  /** The SQLSTATE of the first SQL error in {@code error}'s causes, for logs (never the message: it may quote data). */
  public static String sqlState(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "none";
  }
}
