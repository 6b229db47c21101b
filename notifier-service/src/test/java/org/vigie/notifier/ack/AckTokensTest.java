package org.vigie.notifier.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.testing.TestClock;

class AckTokensTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
  private final byte[] key = new byte[32];

  @Test
  void aTokenIsValidUntilItExpires() {
    new Random(1).nextBytes(key);
    AckTokens tokens = new AckTokens(key, clock, Duration.ofDays(30));
    String token = tokens.issue(4242L, tokens.expiryFrom(clock.instant()));
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(tokens.check(token)).isEqualTo(new AckTokens.Valid(4242L));
    clock.advance(Duration.ofDays(30).plusSeconds(1));
    assertThat(tokens.check(token)).isEqualTo(new AckTokens.Expired(4242L));
  }

  @Test
  void aTamperedOrForeignTokenIsInvalid() {
    new Random(2).nextBytes(key);
    AckTokens tokens = new AckTokens(key, clock, Duration.ofDays(30));
    String token = tokens.issue(7L, tokens.expiryFrom(clock.instant()));
    Random random = new Random(3);
    for (int i = 0; i < 200; i++) {
      char[] chars = token.toCharArray();
      int at = random.nextInt(chars.length - 1);
      chars[at] = chars[at] == 'A' ? 'B' : 'A';
      assertThat(tokens.check(new String(chars))).isInstanceOf(AckTokens.Invalid.class);
    }
    byte[] otherKey = key.clone();
    otherKey[0] ^= 1;
    assertThat(new AckTokens(otherKey, clock, Duration.ofDays(30)).check(token)).isInstanceOf(AckTokens.Invalid.class);
    assertThat(tokens.check("not-a-token!")).isInstanceOf(AckTokens.Invalid.class);
    assertThat(tokens.check("")).isInstanceOf(AckTokens.Invalid.class);
  }
}
