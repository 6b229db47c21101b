package org.vigie.platform.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256; every JVM ships the algorithm. */
public final class HmacSha256 {
  private HmacSha256() {}

  /** A MAC keyed once; {@code doFinal} resets it for the next message. Not thread-safe. */
  public static Mac keyed(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  public static byte[] of(byte[] key, byte[] message) {
    return keyed(key).doFinal(message);
  }
}
