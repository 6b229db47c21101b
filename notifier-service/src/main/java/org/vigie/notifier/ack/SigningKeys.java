package org.vigie.notifier.ack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.vigie.platform.config.ConfigException;

/**
 * The acknowledgement signing key: the configured one, or one generated on first start and kept
 * in the notifier schema so that links stay valid across restarts and instances.
 */
public final class SigningKeys {
  private SigningKeys() {}

  public static byte[] ackKey(Jdbi jdbi, Optional<String> configuredBase64, String configName) {
    if (configuredBase64.isPresent()) {
      try {
        byte[] key = Base64.getDecoder().decode(configuredBase64.get());
        if (key.length < 32) {
          throw new ConfigException(configName, "must be at least 32 bytes, base64");
        }
        return key;
      } catch (IllegalArgumentException e) {
        throw new ConfigException(configName, "must be base64");
      }
    }
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return jdbi.inTransaction(h -> {
      h.createUpdate("INSERT INTO secret (name, value) VALUES ('ack-signing-key', :value) ON CONFLICT (name) DO NOTHING")
          .bind("value", fresh)
          .execute();
      return h.createQuery("SELECT value FROM secret WHERE name = 'ack-signing-key'").mapTo(byte[].class).one();
    });
  }
}
