package org.vigie.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirSecretsTest {
  @Test
  void aGeneratedSecretIsKeptOwnerOnlyAndFoundAgain(@TempDir Path dir) throws Exception {
    String token = new DataDirSecrets(dir, new SecureRandom()).token("admin-token", Optional.empty());
    String again = new DataDirSecrets(dir, new SecureRandom()).token("admin-token", Optional.empty());

    assertThat(token).startsWith("vga_").hasSizeGreaterThan(40).isEqualTo(again);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("admin-token"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aConfiguredSecretWinsAndIsNotWritten(@TempDir Path dir) {
    String token = new DataDirSecrets(dir, new SecureRandom()).token("admin-token", Optional.of("given"));
    assertThat(token).isEqualTo("given");
    assertThat(dir.resolve("admin-token")).doesNotExist();
  }

  @Test
  void aKeyIs32BytesOfStandardBase64(@TempDir Path dir) {
    String key = new DataDirSecrets(dir, new SecureRandom()).key("master-key", Optional.empty());
    assertThat(Base64.getDecoder().decode(key)).hasSize(32);
  }
}
