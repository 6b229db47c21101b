package org.vigie.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {

  @Test
  void theDirectoryIsGoneOnceClosed() throws Exception {
    Path path;
    try (ScratchDirectory scratch = ScratchDirectory.create("vigie-scratch-test")) {
      path = scratch.path();
      Files.writeString(Files.createDirectories(path.resolve("kafka")).resolve("log"), "records");
    }
    assertThat(path).doesNotExist();
  }

  @Test
  void aBenchmarkInterruptedLeavesNoDirectoryBehind() throws Exception {
    Process bench = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Interrupted.class.getName()).redirectErrorStream(true).start();
    Path path;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(bench.getInputStream(), StandardCharsets.UTF_8))) {
      path = Path.of(out.readLine());
      assertThat(path.resolve("log")).exists();
      bench.destroy(); // SIGTERM, as Ctrl-C or a stop would
      assertThat(bench.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(path).doesNotExist();
  }

  /** A benchmark that writes into its directory and runs until it is stopped. */
  public static final class Interrupted {
    public static void main(String[] args) throws Exception {
      ScratchDirectory scratch = ScratchDirectory.create("vigie-scratch-test");
      Files.writeString(scratch.path().resolve("log"), "records");
      System.out.println(scratch.path());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
