package org.vigie.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.vigie.platform.testing.SharedPostgres;

class DatabasesTest {

  @Test
  void poolsConnectionsInTheServiceSchema() {
    try (HikariDataSource ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "probe", 2)) {
      assertThat(Databases.reachable(ds)).isTrue();
      Databases.jdbi(ds).useHandle(h -> {
        h.execute("CREATE SCHEMA IF NOT EXISTS probe");
        h.execute("CREATE TABLE t (v int)");
        h.execute("INSERT INTO t VALUES (42)");
      });
      Integer value = Databases.jdbi(ds).withHandle(h -> h.createQuery("SELECT v FROM probe.t").mapTo(Integer.class).one());
      assertThat(value).isEqualTo(42);
    }
  }
}
