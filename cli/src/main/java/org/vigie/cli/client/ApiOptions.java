package org.vigie.cli.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vigie.platform.config.Config;
import org.vigie.platform.config.ConfigNames;
import picocli.CommandLine.Option;

/** Where the intake API is and which token to use; defaults suit a {@code vigie local} on this machine. */
public final class ApiOptions {
  /** The file where {@code vigie local} keeps the admin token it generated, under VIGIE_DATA_DIR. */
  public static final String ADMIN_TOKEN_FILE = "admin-token";

  @Option(names = "--url", paramLabel = "URL",
      description = "Intake base URL (default http://localhost:$VIGIE_HTTP_PORT, port 8080).")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "Bearer token (default VIGIE_ADMIN_TOKEN, else the one vigie local keeps in VIGIE_DATA_DIR).")
  String token;

  public String url(Config config) {
    if (url != null) {
      java.net.URI uri;
      try {
        uri = java.net.URI.create(url.strip());
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("--url doit être une adresse http(s)://hôte[:port] / must be an "
            + "http(s)://host[:port] address: " + url);
      }
      return url.strip();
    }
    return "http://localhost:" + config.getInt(ConfigNames.VIGIE_HTTP_PORT, 8080);
  }

  /** The token given, else the admin token of the environment or of the local data dir. */
  public Optional<String> token(Config config) {
    if (token != null) {
      return Optional.of(token);
    }
    Optional<String> admin = config.optional(ConfigNames.VIGIE_ADMIN_TOKEN);
    if (admin.isPresent()) {
      return admin;
    }
    Path stored = storedToken(config);
    if (!Files.isReadable(stored)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(stored, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path storedToken(Config config) {
    return Path.of(config.get(ConfigNames.VIGIE_DATA_DIR, ".vigie")).resolve(ADMIN_TOKEN_FILE);
  }

  public IntakeClient client(Config config) {
    Path stored = storedToken(config).toAbsolutePath();
    return IntakeClient.create(url(config), token(config).orElse(null)).withNoTokenHint(
        "Aucun jeton : donnez --token, ou VIGIE_ADMIN_TOKEN, ou lancez la commande là où vigie local garde le sien ("
            + stored + " introuvable). / No token: give --token, or VIGIE_ADMIN_TOKEN, or run the command where "
            + "vigie local keeps its own (" + stored + " not found).");
  }
}
