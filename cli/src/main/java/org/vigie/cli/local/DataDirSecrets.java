package org.vigie.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Secrets of {@code vigie local} kept in the data directory (owner-readable only), so that a restart
 * finds the same admin token and the same vault master key as before.
 */
public final class DataDirSecrets {
  private final Path dataDir;
  private final SecureRandom random;

  public DataDirSecrets(Path dataDir, SecureRandom random) {
    this.dataDir = dataDir;
    this.random = random;
  }

  /** A bearer token: the one configured, else the stored one, else a new random one ({@code vga_…}, URL-safe). */
  public String token(String fileName, Optional<String> configured) {
    return resolve(fileName, configured, 32, bytes -> "vga_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** A 256-bit key in standard base64: the one configured, else the stored one, else a new one. */
  public String key(String fileName, Optional<String> configured) {
    return resolve(fileName, configured, 32, Base64.getEncoder()::encodeToString);
  }

  /** The value configured if any, else the stored one, else a new random one, stored. */
  public String resolve(String fileName, Optional<String> configured, int randomBytes, Function<byte[], String> encoding) {
    Path file = dataDir.resolve(fileName);
    if (configured.isPresent()) {
      return configured.get();
    }
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      byte[] bytes = new byte[randomBytes];
      random.nextBytes(bytes);
      String fresh = encoding.apply(bytes);
      write(file, fresh);
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep " + fileName + " in " + dataDir, e);
    }
  }

  private static void write(Path file, String value) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
  }
}
