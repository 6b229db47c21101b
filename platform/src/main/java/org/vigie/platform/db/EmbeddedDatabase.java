package org.vigie.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.vigie.platform.kafka.FreePorts;

/**
 * An embedded PostgreSQL 17 server for {@code vigie local} and the tests. With a data directory
 * the data survives a restart; each service gets its own schema in the {@code vigie} database.
 *
 * <p>With a data directory, a commit is flushed to disk before it returns ({@code
 * synchronous_commit = on} and {@code fsync = on}, PostgreSQL's defaults, which the embedded
 * server's own defaults turn off: it starts the server with {@code -F}): intake acknowledges a write
 * once it is committed, and an acknowledged write must survive a crash of the machine. A temporary
 * server, wiped on close, keeps the embedded defaults.
 *
 * <p>A server with a data directory is stopped by its owner's {@link #close()} only, after the
 * services that use it; a temporary one is also stopped when the JVM exits. One left running by an owner that
 * was killed is stopped at the next start on its directory ({@link LeftoverServer}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String DATABASE = "vigie";
  private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(30);
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts on a free port; keeps its files under {@code dataDir} (null: a temporary directory wiped on close). */
  public static EmbeddedDatabase start(Path dataDir) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(FreePorts.pick());
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        // a server a killed JVM left running holds the directory: a new one would wait for it in vain
        LeftoverServer.stopIfRunning(dataDir.toAbsolutePath(), LEFTOVER_PATIENCE);
        // No shutdown hook of the library's own: it would stop the server at the first signal, while
        // the services using it (closed by their owner, e.g. vigie local's stop hook) still commit.
        builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false)
            .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
            .setRegisterShutdownHook(false);
      }
      EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
      db.createDatabaseIfMissing(DATABASE);
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  /** Creates an empty database (e.g. one per test class) and returns its JDBC URL. */
  public String createDatabaseIfMissing(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("bad database name " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public String jdbcUrl(String database) {
    return postgres.getJdbcUrl("postgres", database) + "&password=postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
