package org.vigie.notifier.ack;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.vigie.platform.crypto.HmacSha256;

/**
 * Signed, expiring acknowledgement tokens: base64url(ledger row id ‖ expiry ‖ HMAC-SHA256 truncated
 * to 128 bits). Nothing about the alert or the person is readable in the link.
 */
public final class AckTokens {
  private static final int MAC_BYTES = 16;

  /** The outcome of checking a token. */
  public sealed interface Check {}

  public record Valid(long notificationId) implements Check {}

  public record Expired(long notificationId) implements Check {}

  public record Invalid() implements Check {}

  private final byte[] key;
  private final Clock clock;
  private final Duration ttl;

  public AckTokens(byte[] key, Clock clock, Duration ttl) {
    if (key.length < 32) {
      throw new IllegalArgumentException("ack signing key must have at least 32 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
    this.ttl = ttl;
  }

  public Instant expiryFrom(Instant issuedAt) {
    return issuedAt.plus(ttl);
  }

  public String issue(long notificationId, Instant expiresAt) {
    ByteBuffer b = ByteBuffer.allocate(16 + MAC_BYTES);
    b.putLong(notificationId).putLong(expiresAt.getEpochSecond());
    b.put(mac(Arrays.copyOf(b.array(), 16)));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  public Check check(String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return new Invalid();
    }
    if (raw.length != 16 + MAC_BYTES) {
      return new Invalid();
    }
    byte[] payload = Arrays.copyOf(raw, 16);
    byte[] given = Arrays.copyOfRange(raw, 16, raw.length);
    if (!MessageDigest.isEqual(mac(payload), given)) {
      return new Invalid();
    }
    ByteBuffer b = ByteBuffer.wrap(payload);
    long id = b.getLong();
    long expiry = b.getLong();
    if (clock.instant().getEpochSecond() > expiry) {
      return new Expired(id);
    }
    return new Valid(id);
  }

  private byte[] mac(byte[] payload) {
    return Arrays.copyOf(HmacSha256.of(key, payload), MAC_BYTES);
  }
}
