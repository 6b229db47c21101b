package org.vigie.intake.auth;

import org.vigie.platform.crypto.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Bearer tokens: 32 random bytes, base64url; only their SHA-256 is stored. */
public final class Tokens {
  private static final String PREFIX = "vgi_";
  private final SecureRandom random = new SecureRandom();

  public String newToken() {
    return PREFIX + randomPart();
  }

  /** A secret of the same strength for an address read without a token (a calendar subscription). */
  public String newSecret() {
    return randomPart();
  }

  private String randomPart() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    return Sha256.of(token);
  }
}
