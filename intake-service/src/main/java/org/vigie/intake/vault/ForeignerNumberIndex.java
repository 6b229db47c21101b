package org.vigie.intake.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.vigie.platform.crypto.HmacSha256;

/**
 * A foreigner number's keyed hash (HMAC-SHA256 under a secret of the vault, first 16 bytes), stored
 * beside the encrypted identity: equal numbers have equal hashes, so a case is found by its number,
 * while the hash says nothing of the number to whoever lacks the key. Spaces do not count.
 */
public final class ForeignerNumberIndex {
  private static final byte[] NONE = new byte[0];
  private final byte[] key;

  public ForeignerNumberIndex(byte[] key) {
    this.key = key.clone();
  }

  /** The hash of a number; empty for none. */
  public byte[] of(String foreignerNumber) {
    if (foreignerNumber == null || foreignerNumber.isBlank()) {
      return NONE;
    }
    byte[] mac = HmacSha256.of(key, foreignerNumber.replace(" ", "").getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(mac, 16);
  }
}
