package org.vigie.intake.vault;

import org.vigie.platform.crypto.Sha256;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.config.ConfigException;

/** The vault's master key (VIGIE_MASTER_KEY, base64 of 32 bytes): wraps the per-case data keys. */
public final class MasterKey {
  public static final String VIGIE_MASTER_KEY = "VIGIE_MASTER_KEY";
  private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

  private final SecretKey key;
  private final boolean development;

  private MasterKey(byte[] bytes, boolean development) {
    this.key = new SecretKeySpec(bytes, "AES");
    this.development = development;
  }

  /** From the configured base64 value; null means the built-in development key, with a loud warning. */
  public static MasterKey fromBase64(String base64) {
    if (base64 == null) {
      LOG.warn("VIGIE_MASTER_KEY is not set: using the built-in DEVELOPMENT key. Identities in the vault are NOT "
          + "protected. Set VIGIE_MASTER_KEY to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`) "
          + "in any real deployment. / Clé de développement utilisée : ne pas utiliser en production.");
      return new MasterKey(Sha256.of("vigie-development-master-key"), true);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(VIGIE_MASTER_KEY, "must be base64");
    }
    if (bytes.length != 32) {
      throw new ConfigException(VIGIE_MASTER_KEY, "must encode exactly 32 bytes (got " + bytes.length + ")");
    }
    return new MasterKey(bytes, false);
  }

  public SecretKey key() {
    return key;
  }

  public boolean isDevelopmentKey() {
    return development;
  }

}
