package org.vigie.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Connection pool, migrations of one service's schema, and a Jdbi handle factory. */
public final class Databases {
  private Databases() {}

  /** A pooled data source whose connections use one service's schema; user and password may also be in the URL. */
  public static HikariDataSource pool(String jdbcUrl, String user, String password, String schema, int maxSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setSchema(schema);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setPoolName("vigie-" + schema);
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  /**
   * Applies the Flyway migrations under {@code classpath:db/<schema>} to that schema (created if
   * missing); each service owns exactly one schema.
   */
  public static void migrate(DataSource dataSource, String schema) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .locations("classpath:db/" + schema)
        .load()
        .migrate();
  }

  /** Jdbi with SqlObject and PostgreSQL support. */
  public static Jdbi jdbi(DataSource dataSource) {
    return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
  }

  /** True when a connection can be had and answers within two seconds: for readiness. */
  public static boolean reachable(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
