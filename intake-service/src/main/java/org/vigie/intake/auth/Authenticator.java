package org.vigie.intake.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a bearer token to its caller. Lookups are cached for a few seconds to keep the
 * database out of the hot path; a revocation through this instance takes effect at once
 * ({@link #invalidateAll()}), through another instance within the cache time.
 */
public final class Authenticator {
  private static final long CACHE_MILLIS = 5_000;
  private static final int MAX_CACHE = 10_000;

  private final byte[] adminHash;
  private final TokenRepository tokens;
  private final Clock clock;
  private final ConcurrentHashMap<ByteBuffer, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<Caller> caller, long until) {}

  public Authenticator(String adminToken, TokenRepository tokens, Clock clock) {
    this.adminHash = adminToken == null ? null : Tokens.hash(adminToken);
    this.tokens = tokens;
    this.clock = clock;
  }

  /** The caller for an {@code Authorization} header value, or empty when missing or invalid. */
  public Optional<Caller> authenticate(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = authorizationHeader.substring(7).strip();
    if (token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    // One hash per request: compared (in constant time) with the administrator's, then the cache key.
    byte[] hash = Tokens.hash(token);
    if (adminHash != null && MessageDigest.isEqual(hash, adminHash)) {
      return Optional.of(new Caller(null, Role.ADMIN, null, null));
    }
    ByteBuffer key = ByteBuffer.wrap(hash);
    long now = clock.millis();
    Cached hit = cache.get(key);
    if (hit != null && hit.until > now) {
      return hit.caller;
    }
    Optional<Caller> caller = tokens.findActive(key.array());
    if (cache.size() > MAX_CACHE) {
      cache.clear();
    }
    cache.put(key, new Cached(caller, now + CACHE_MILLIS));
    return caller;
  }

  /** After a revocation or a volunteer's deactivation. */
  public void invalidateAll() {
    cache.clear();
  }
}
