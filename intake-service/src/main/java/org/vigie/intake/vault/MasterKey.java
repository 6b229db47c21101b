package org.vigie.intake.vault;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.platform.config.ConfigException;
import org.vigie.platform.crypto.HmacSha256;
import org.vigie.platform.crypto.Sha256;

/**
 * A vault master key (VIGIE_MASTER_KEY, base64 of 32 bytes): wraps the per-case data keys. Its
 * {@link #id()} is stored next to what it wraps, so that the vault knows which key opens a row
 * while a rotation is under way; the id is a keyed hash and says nothing of the key.
 */
public final class MasterKey {
  public static final String VIGIE_MASTER_KEY = "VIGIE_MASTER_KEY";
  /** The key in use before {@code VIGIE_MASTER_KEY}, while the vault is re-wrapped under the new one. */
  public static final String VIGIE_MASTER_KEY_PREVIOUS = "VIGIE_MASTER_KEY_PREVIOUS";
  /** The value of {@link #VIGIE_MASTER_KEY_PREVIOUS} naming the built-in development key. */
  public static final String DEVELOPMENT = "development";
  private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

  private final SecretKey key;
  private final boolean development;
  private final String id;

  private MasterKey(byte[] bytes, boolean development) {
    this.key = new SecretKeySpec(bytes, "AES");
    this.development = development;
    this.id = idOf(bytes);
  }

  /** From the configured base64 value; null means the built-in development key, with a loud warning. */
  public static MasterKey fromBase64(String base64) {
    if (base64 == null) {
      LOG.warn("VIGIE_MASTER_KEY is not set: using the built-in DEVELOPMENT key. Identities in the vault are NOT "
          + "protected. Set VIGIE_MASTER_KEY to the base64 of 32 random bytes (e.g. `openssl rand -base64 32`) "
          + "in any real deployment. / Clé de développement utilisée : ne pas utiliser en production.");
      return development();
    }
    return parse(VIGIE_MASTER_KEY, base64);
  }

  /** {@code VIGIE_MASTER_KEY_PREVIOUS}: base64 of 32 bytes, or {@value #DEVELOPMENT} for the built-in key. */
  public static MasterKey previous(String value) {
    return DEVELOPMENT.equals(value) ? development() : parse(VIGIE_MASTER_KEY_PREVIOUS, value);
  }

  private static MasterKey development() {
    return new MasterKey(Sha256.of("vigie-development-master-key"), true);
  }

  private static MasterKey parse(String name, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, "must be base64");
    }
    if (bytes.length != 32) {
      throw new ConfigException(name, "must encode exactly 32 bytes (got " + bytes.length + ")");
    }
    return new MasterKey(bytes, false);
  }

  public SecretKey key() {
    return key;
  }

  public boolean isDevelopmentKey() {
    return development;
  }

  /** 16 hex digits naming this key in the database and the logs (HMAC-SHA256 of a constant under the key). */
  public String id() {
    return id;
  }

  private static String idOf(byte[] key) {
    return HexFormat.of().formatHex(HmacSha256.of(key, "vigie-master-key-id".getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  @Override
  public String toString() {
    return "MasterKey " + id;
  }
}
