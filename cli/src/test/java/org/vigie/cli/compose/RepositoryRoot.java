package org.vigie.cli.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found from the test's working directory (the cli module). */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("platform"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
  }
}
