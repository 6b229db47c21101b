package org.vigie.platform.testing;

import java.util.UUID;
import org.vigie.platform.db.EmbeddedDatabase;

/**
 * One embedded PostgreSQL 17 server per test JVM; each caller gets a fresh, empty database so
 * tests never see each other's rows.
 */
public final class SharedPostgres {
  private SharedPostgres() {}

  /** JDBC URL (user and password included) of a new empty database. */
  public static String newDatabaseUrl() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return Holder.SERVER.createDatabaseIfMissing(name);
  }

  public static EmbeddedDatabase server() {
    return Holder.SERVER;
  }

  private static final class Holder {
    static final EmbeddedDatabase SERVER = start();

    private static EmbeddedDatabase start() {
      EmbeddedDatabase db = EmbeddedDatabase.start(null);
      Runtime.getRuntime().addShutdownHook(new Thread(db::close, "test-postgres-stop"));
      return db;
    }
  }
}
