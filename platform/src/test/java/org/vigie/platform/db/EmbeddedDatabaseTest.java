package org.vigie.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

  @Test
  void aServerWithADataDirectoryFlushesEveryCommitToDisk(@TempDir Path dir) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"))) {
      try (Connection c = DriverManager.getConnection(db.jdbcUrl());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT current_setting('synchronous_commit'), current_setting('fsync')")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("on");
        // the library starts the server with -F (no fsync): without fsync, a commit is not on disk
        assertThat(rs.getString(2)).isEqualTo("on");
      }
    }
  }

  @Test
  void aServerLeftRunningByAKilledJvmIsStoppedAtTheNextStartAndItsDataKept(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("pg");
    Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Owner.class.getName(), data.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("ready"));
      assertThat(line).as("the owner's database started").isEqualTo("ready");
      owner.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    Optional<ProcessHandle> leftover = LeftoverServer.running(data);
    assertThat(leftover).as("the server outlived the JVM that started it").isPresent();
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data);
        Connection c = DriverManager.getConnection(db.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
      assertThat(leftover.get().isAlive()).isFalse();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("committed before the kill");
    }
    assertThat(LeftoverServer.running(data)).as("closed cleanly this time").isEmpty();
  }

  /** Starts a server on a data directory, commits a row, says so, and waits to be killed. */
  public static final class Owner {
    public static void main(String[] args) throws Exception {
      EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
      try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (note text)");
        s.execute("INSERT INTO kept VALUES ('committed before the kill')");
      }
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
