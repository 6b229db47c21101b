package org.vigie.intake.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Values written in COPY's binary format come back from PostgreSQL exactly as sent. */
class CopyRowsTest {
  @Test
  void awkwardValuesRoundTrip() throws Exception {
    try (HikariDataSource ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "public", 2)) {
      Jdbi jdbi = Databases.jdbi(ds);
      jdbi.useHandle(h -> h.execute("CREATE TABLE t (id uuid, txt text, bin bytea, flag boolean, at timestamptz, day date, doc json)"));
      UUID id = UUID.randomUUID();
      UUID second = UUID.randomUUID();
      String text = "tab\there\nnew line\r\\back\\slash \\N é ’ 𝄞";
      byte[] bin = {0, 1, (byte) 0xff, '\\', '\t', '\n'};
      Instant at = Instant.parse("2026-11-26T18:00:00.123456Z");
      com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree("{\"note\":\"quote \\\" and \\\\ and \\n é\"}");
      long copied = jdbi.inTransaction(h -> new CopyRows()
          .row(id, text, bin, true, at, LocalDate.of(2026, 2, 28), doc)
          .row(UUID.randomUUID(), null, null, false, null, null, null)
          .row(second, "second", null, null, null, null, new com.fasterxml.jackson.databind.ObjectMapper().readTree("[1,{\"a\":null}]"))
          .into(h, "t (id, txt, bin, flag, at, day, doc)"));
      assertThat(copied).isEqualTo(3);
      Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT txt, bin, flag, at, day, doc::text AS doc FROM t WHERE id = ?")
          .bind(0, id).mapToMap().one());
      assertThat(row.get("txt")).isEqualTo(text);
      assertThat((byte[]) row.get("bin")).containsExactly(bin);
      assertThat(row.get("flag")).isEqualTo(true);
      assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at);
      assertThat(row.get("day").toString()).isEqualTo("2026-02-28");
      assertThat(row.get("doc")).isEqualTo("{\"note\":\"quote \\\" and \\\\ and \\n é\"}");
      String secondDoc = jdbi.withHandle(h -> h.createQuery("SELECT doc::text FROM t WHERE id = ?").bind(0, second).mapTo(String.class).one());
      assertThat(secondDoc).isEqualTo("[1,{\"a\":null}]");
      List<Map<String, Object>> nulls = jdbi.withHandle(h -> h.createQuery("SELECT txt, bin, at FROM t WHERE id NOT IN (?, ?)")
          .bind(0, id).bind(1, second).mapToMap().list());
      assertThat(nulls).hasSize(1);
      assertThat(nulls.get(0).values()).containsOnlyNulls();
    }
  }

  @Test
  void datesAndTimesOnBothSidesOfTheServersEpochRoundTrip() {
    try (HikariDataSource ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "public", 2)) {
      Jdbi jdbi = Databases.jdbi(ds);
      jdbi.useHandle(h -> h.execute("CREATE TABLE t (n int, at timestamptz, day date)"));
      List<Instant> instants = List.of(Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1999-12-31T23:59:59.000001Z"),
          Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2099-07-14T12:34:56.789012Z"));
      List<LocalDate> days = List.of(LocalDate.of(1899, 12, 31), LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1),
          LocalDate.of(2101, 3, 1));
      for (int i = 0; i < instants.size(); i++) {
        Instant at = instants.get(i);
        LocalDate day = days.get(i);
        jdbi.useTransaction(h -> new CopyRows().row(at, day).into(h, "t (at, day)"));
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT at, day::text AS day FROM t WHERE at = ?")
            .bind(0, java.sql.Timestamp.from(at)).mapToMap().one());
        assertThat(((java.sql.Timestamp) row.get("at")).toInstant()).isEqualTo(at);
        assertThat(row.get("day")).isEqualTo(day.toString());
      }
    }
  }

  @Test
  void aValueWhoseColumnTypeIsAmbiguousIsRefused() {
    assertThatThrownBy(() -> new CopyRows().row(UUID.randomUUID(), 42))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");
  }

  @Test
  void aRefusedCopyFailsItsTransactionAndWritesNothing() {
    try (HikariDataSource ds = Databases.pool(SharedPostgres.newDatabaseUrl(), null, null, "public", 2)) {
      Jdbi jdbi = Databases.jdbi(ds);
      jdbi.useHandle(h -> h.execute("CREATE TABLE t (id uuid PRIMARY KEY, txt text)"));
      UUID id = UUID.randomUUID();
      assertThatThrownBy(() -> jdbi.useTransaction(h -> new CopyRows().row(id, "a").row(id, "b").into(h, "t (id, txt)")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("COPY into t failed");
      long written = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM t").mapTo(Long.class).one());
      assertThat(written).isZero();
      CopyRows rows = new CopyRows().row(id, "a");
      long copied = jdbi.inTransaction(h -> rows.into(h, "t (id, txt)"));
      assertThat(copied).isEqualTo(1);
    }
  }
}
