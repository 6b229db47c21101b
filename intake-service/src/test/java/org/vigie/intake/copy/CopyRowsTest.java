package org.vigie.intake.copy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.vigie.platform.db.Databases;
import org.vigie.platform.testing.SharedPostgres;

/** Values that need escaping in COPY's text format come back from PostgreSQL exactly as sent. */
class CopyRowsTest {
  @Test
  void awkwardValuesRoundTrip() {
    try (HikariDataSource ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "public", 2)) {
      Jdbi jdbi = Databases.jdbi(ds);
      jdbi.useHandle(h -> h.execute("CREATE TABLE t (id uuid, txt text, bin bytea, flag boolean, at timestamptz, day date, doc jsonb)"));
      UUID id = UUID.randomUUID();
      String text = "tab\there\nnew line\r\\back\\slash \\N é";
      byte[] bin = {0, 1, (byte) 0xff, '\\', '\t', '\n'};
      Instant at = Instant.parse("2026-11-26T18:00:00.123456Z");
      String doc = "{\"note\":\"quote \\\" and \\\\ and \\n\"}";
      long copied = jdbi.inTransaction(h -> new CopyRows()
          .row(id, text, bin, true, at, LocalDate.of(2026, 2, 28), doc)
          .row(UUID.randomUUID(), null, null, false, null, null, null)
          .into(h, "t (id, txt, bin, flag, at, day, doc)"));
      assertThat(copied).isEqualTo(2);
      Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT txt, bin, flag, at, day, doc::text AS doc FROM t WHERE id = ?")
          .bind(0, id).mapToMap().one());
      assertThat(row.get("txt")).isEqualTo(text);
      assertThat((byte[]) row.get("bin")).containsExactly(bin);
      assertThat(row.get("flag")).isEqualTo(true);
      assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at);
      assertThat(row.get("day").toString()).isEqualTo("2026-02-28");
      assertThat(row.get("doc")).isEqualTo("{\"note\": \"quote \\\" and \\\\ and \\n\"}");
      List<Map<String, Object>> nulls = jdbi.withHandle(h -> h.createQuery("SELECT txt, bin, at FROM t WHERE id <> ?").bind(0, id).mapToMap().list());
      assertThat(nulls).hasSize(1);
      assertThat(nulls.get(0).values()).containsOnlyNulls();
    }
  }
}
