package org.vigie.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.utils.Utils;

/**
 * A benchmark's temporary directory (a broker's log, stores: up to a gigabyte), deleted when the benchmark ends,
 * also when it is interrupted (Ctrl-C, SIGTERM): a shutdown hook deletes it if {@link #close()} did not run.
 */
public final class ScratchDirectory implements AutoCloseable {
  private final Path path;
  private final Thread onExit;

  private ScratchDirectory(Path path) {
    this.path = path;
    this.onExit = new Thread(this::delete, "scratch-directory-cleanup");
  }

  public static ScratchDirectory create(String prefix) throws IOException {
    ScratchDirectory scratch = new ScratchDirectory(Files.createTempDirectory(prefix));
    Runtime.getRuntime().addShutdownHook(scratch.onExit);
    return scratch;
  }

  public Path path() {
    return path;
  }

  private void delete() {
    try {
      Utils.delete(path.toFile());
    } catch (IOException e) {
      // at exit, or after the run: what is left is in the system's temporary directory
    }
  }

  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
  }
}
