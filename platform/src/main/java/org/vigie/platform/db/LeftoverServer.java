package org.vigie.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on a data directory whose owner died (a JVM killed with SIGKILL, a machine
 * out of memory): the server is a child process, it outlives its parent and keeps the directory's lock
 * ({@code postmaster.pid}), so a new server on the directory would wait for a lock it never gets. Nobody else
 * uses it (its clients died with their JVM): it is asked to stop, as {@code pg_ctl stop} would, before a new one
 * starts. A process that is not a PostgreSQL server on this directory (the lock file of a server that died with
 * the machine names a pid a new process may have taken) is left alone.
 */
final class LeftoverServer {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  private static final String LOCK_FILE = "postmaster.pid";

  private LeftoverServer() {}

  /** Stops the server the directory's lock names, if it still runs; waits up to {@code patience} for it to end. */
  static void stopIfRunning(Path dataDir, Duration patience) {
    Optional<ProcessHandle> server = running(dataDir);
    if (server.isEmpty()) {
      return;
    }
    ProcessHandle process = server.get();
    LOG.warn("A PostgreSQL server left running on {} by an earlier run (pid {}) is stopped before a new one starts",
        dataDir, process.pid());
    process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, immediate once no client is connected
    if (!ended(process, patience)) {
      LOG.warn("PostgreSQL pid {} did not stop within {}: killed (it will recover from its log at the next start)",
          process.pid(), patience);
      process.destroyForcibly();
      if (!ended(process, patience)) {
        throw new IllegalStateException("PostgreSQL pid " + process.pid() + " on " + dataDir + " cannot be stopped");
      }
    }
  }

  /** The live server process the directory's lock names, when it is a PostgreSQL server on this directory. */
  static Optional<ProcessHandle> running(Path dataDir) {
    Path lock = dataDir.resolve(LOCK_FILE);
    if (!Files.isRegularFile(lock)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(lock);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + lock, e);
    }
    // the lock's first line is the server's pid, its second the data directory
    if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    Path lockedDir = Path.of(lines.get(1).strip()).toAbsolutePath().normalize();
    if (!lockedDir.equals(dataDir.toAbsolutePath().normalize())) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false));
  }

  private static boolean ended(ProcessHandle process, Duration patience) {
    try {
      process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    }
  }
}
